import { describe, expect, it } from 'vitest';
import { checkMessage, compileContract, hasErrors, parseLimitsOf, RULES, RULE_LIST, type CheckConfig, type Rule } from '../../src/checks/index.ts';
import { runChecks } from '../../src/checks/engine.ts';
import { parseXml } from '../../src/xml/parse.ts';
import { envelope, f, makeContract } from './support/contract.ts';

const contract = makeContract({
  request: { headers: [f('t:Token', { type: 'xsd:string', secret: true })], body: f('t:GetThing', { fields: [f('t:Id', { type: 'xsd:int' })] }) },
  response: {
    body: f('t:GetThingResponse', {
      fields: [f('t:Response', { type: 't:Thing', nillable: true })],
    }),
  },
  types: {
    't:Thing': { fields: [f('t:Id', { type: 'xsd:int' }), f('t:Name', { type: 'xsd:string' }), f('t:Tags', { type: 'xsd:string', min: 0, max: Infinity })] },
  },
});

describe('checks public API', () => {
  it('compiles once per contract object', () => {
    expect(compileContract(contract)).toBe(compileContract(contract));
  });

  it('a conforming response has no findings and returns the parsed document', () => {
    const body = envelope('<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>x</t:Name><t:Tags>a</t:Tags><t:Tags>b</t:Tags></t:Response></t:GetThingResponse>');
    const out = checkMessage(compileContract(contract), { direction: 'response', body }, { profile: 'strict' });
    expect(out.findings).toEqual([]);
    expect(out.doc?.root.local).toBe('Envelope');
    expect(hasErrors(out)).toBe(false);
  });

  it('a conforming request with a header block has no findings', () => {
    const body = envelope('<t:GetThing><t:Id>7</t:Id></t:GetThing>', { header: '<t:Token>secret-123</t:Token>' });
    expect(checkMessage(compileContract(contract), { direction: 'request', body }, { profile: 'strict' }).findings).toEqual([]);
  });

  it('findings carry rule, severity, path, line, expected and actual', () => {
    const body = envelope('<t:GetThingResponse>\n<t:Response><t:Id>x1</t:Id><t:Name>x</t:Name></t:Response></t:GetThingResponse>');
    const [finding, ...rest] = checkMessage(compileContract(contract), { direction: 'response', body }, { profile: 'strict' }).findings;
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'value/lexical', severity: 'error', path: '/Envelope/Body/GetThingResponse/Response/Id', line: 4, expected: 'xsd:int', actual: '"x1"' });
  });

  it('rules switched off produce nothing; warn downgrades', () => {
    const body = envelope('<t:GetThingResponse><t:Response><t:Id>x1</t:Id><t:Name>x</t:Name></t:Response></t:GetThingResponse>');
    const plan = compileContract(contract);
    expect(checkMessage(plan, { direction: 'response', body }, { profile: 'strict', rules: { 'value/lexical': 'off' } }).findings).toEqual([]);
    const warned = checkMessage(plan, { direction: 'response', body }, { profile: 'strict', rules: { 'value/lexical': 'warn' } });
    expect(warned.findings.map((x) => x.severity)).toEqual(['warn']);
    expect(hasErrors(warned)).toBe(false);
  });

  it('every rule has an id, a description, a docs anchor and levels for both profiles', () => {
    expect(RULES.size).toBe(RULE_LIST.length);
    for (const r of RULE_LIST) {
      expect(r.id).toMatch(/^[a-z-]+\/[a-z-]+$/);
      expect(r.description.length).toBeGreaterThan(10);
      expect(r.docs).toMatch(/^docs\/rules\.md#/);
      expect(['off', 'warn', 'error']).toContain(r.levels.strict);
      expect(['off', 'warn', 'error']).toContain(r.levels.compatible);
    }
  });
});

describe('rule modules', () => {
  it('src/checks/rules/ holds one rule per file, each in the catalogue, named after its id', async () => {
    const { readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { REPO_ROOT } = await import('../support/corpus.ts');
    const files = readdirSync(join(REPO_ROOT, 'src', 'checks', 'rules')).filter((f) => f.endsWith('.ts')).sort();
    const ids: string[] = [];
    for (const f of files) {
      const mod = (await import(`../../src/checks/rules/${f}`)) as { rule?: { id: string } };
      expect(mod.rule, f).toBeDefined();
      expect(f).toBe(`${mod.rule!.id.replace('/', '-')}.ts`);
      ids.push(mod.rule!.id);
    }
    expect(ids.sort()).toEqual([...RULES.keys()].sort());
  });
});

describe('rules created once, reused for every message', () => {
  const plan = compileContract(contract);
  const ok = envelope('<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>x</t:Name></t:Response></t:GetThingResponse>');

  it('create() runs once per plan, direction and configuration; findings and per-rule counts start afresh with each message', () => {
    let created = 0;
    const everyField: Rule = {
      id: 'test/every-field', description: 'reports every matched element', docs: 'docs/rules.md#x', appliesTo: 'both',
      levels: { strict: 'error', compatible: 'error' },
      create(ctx) {
        created++;
        return { element(el) { ctx.report({ el, message: `saw ${el.local}` }); } };
      },
    };
    const rules = [everyField];
    const config: CheckConfig = { profile: 'strict' };
    const many = envelope(`<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>x</t:Name>${'<t:Tags>a</t:Tags>'.repeat(120)}</t:Response></t:GetThingResponse>`);
    const first = runChecks(rules, plan, { direction: 'response', body: many }, config);
    const second = runChecks(rules, plan, { direction: 'response', body: many }, config);
    const small = runChecks(rules, plan, { direction: 'response', body: ok }, config);
    expect(created).toBe(1);
    // 100 findings and one closing finding, each time: the count per rule does not carry over.
    expect(first.findings).toHaveLength(101);
    expect(first.findings.at(-1)!.message).toMatch(/^24 more test\/every-field findings not shown/);
    expect(second.findings).toEqual(first.findings);
    expect(small.findings.map((f) => f.message)).toEqual(['saw GetThingResponse', 'saw Response', 'saw Id', 'saw Name']);
    runChecks(rules, plan, { direction: 'request', body: ok }, config);
    expect(created).toBe(2);
    // A configuration written anew that says the same finds the same rules; one that says something else does not.
    runChecks(rules, plan, { direction: 'response', body: ok }, { profile: 'strict' });
    expect(created).toBe(2);
    runChecks(rules, plan, { direction: 'response', body: ok }, { profile: 'compatible' });
    runChecks(rules, plan, { direction: 'response', body: ok }, { profile: 'strict', mask: (t) => t });
    expect(created).toBe(4);
  });

  it('a message that does not parse is not judged by what the message before it declared (http/charset)', () => {
    const config: CheckConfig = { profile: 'strict' };
    const latin1 = Buffer.from(ok.replace('encoding="utf-8"', 'encoding="ISO-8859-1"'), 'latin1');
    const http = (charset: string) => ({ status: 200, headers: { 'content-type': `text/xml; charset=${charset}` } });
    expect(checkMessage(plan, { direction: 'response', body: latin1, http: http('iso-8859-1') }, config).findings).toEqual([]);
    const broken = checkMessage(plan, { direction: 'response', body: '<a><b></a>', http: http('utf-8') }, config);
    expect(broken.findings.map((f) => f.rule)).toEqual(['envelope/not-xml']);
  });

  it('a message parsed by the caller is checked as if the check had parsed it', () => {
    const config: CheckConfig = { profile: 'strict' };
    const bad = envelope('<t:GetThingResponse><t:Response><t:Id>x1</t:Id></t:Response></t:GetThingResponse>');
    const parsed = parseXml(bad, parseLimitsOf(config));
    const given = checkMessage(plan, { direction: 'response', body: bad }, config, parsed);
    expect(given.findings).toEqual(checkMessage(plan, { direction: 'response', body: bad }, config).findings);
    expect(given.findings.map((f) => f.rule).sort()).toEqual(['field/missing', 'value/lexical']);
    expect(given.doc).toBe(parsed.ok ? parsed.doc : undefined);
  });
});
