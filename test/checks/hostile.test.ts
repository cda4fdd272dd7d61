/**
 * Hostile messages through checkMessage: each gives a finding (or a refusal) in bounded time,
 * never a crash, a hang, an entity expansion or a file read.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkMessage, compileContract } from '../../src/checks/index.ts';
import { MAX_FINDING_TEXT } from '../../src/checks/engine.ts';
import { envelope, f, makeContract } from './support/contract.ts';
import { thing } from './support/fixtures.ts';

const plan = compileContract(thing);
const dir = mkdtempSync(join(tmpdir(), 'soapcheck-hostile-'));
const MARKER = 'TOP-SECRET-MARKER-7f3a';
const secretFile = join(dir, 'secret.txt');
writeFileSync(secretFile, MARKER);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * No wall-clock bounds: on a machine shared with others any fixed limit is either flaky or too loose to mean
 * anything. A hang or a blow-up (the heap exhausted, minutes of work) ends the test at its timeout; cost
 * that grows faster than the input is caught by comparing, in the same test, the CPU time of the hostile
 * input with a baseline of the same shape (an input several times smaller, or a narrow type): ratios that
 * hold under any load. Speed itself is measured in bench/.
 */
function checked(body: string | Uint8Array) {
  const out = checkMessage(plan, { direction: 'response', body }, { profile: 'strict' });
  expect(JSON.stringify(out.findings)).not.toContain(MARKER);
  return out;
}

/** The least CPU time (ms) of `runs` runs of `fn`: this process's own work, whatever else the machine does. */
function cpuMs(fn: () => unknown, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    fn();
    const d = process.cpuUsage(t0);
    best = Math.min(best, (d.user + d.system) / 1000);
  }
  return best;
}

describe('hostile input', () => {
  it('external entity to a local file: refused, file never read', () => {
    const body = `<?xml version="1.0"?>\n<!DOCTYPE e [<!ENTITY x SYSTEM "file://${secretFile}">]>\n${envelope('<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>&x;</t:Name></t:Response></t:GetThingResponse>')}`;
    const out = checked(body);
    expect(out.doc).toBeUndefined();
    expect(out.findings.map((f) => f.rule)).toEqual(['envelope/forbidden']);
    expect(out.findings[0]!.line).toBe(2);
  });

  it('billion laughs: refused before parsing', () => {
    const ents = ['<!ENTITY l0 "ha">', ...Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
    const out = checked(`<?xml version="1.0"?><!DOCTYPE s [${ents}]><s>&l10;</s>`);
    expect(out.findings.map((f) => f.rule)).toEqual(['envelope/forbidden']);
  });

  it('parameter entities: refused', () => {
    const out = checked(`<!DOCTYPE d [<!ENTITY % p SYSTEM "file://${secretFile}"> %p;]><d/>`);
    expect(out.findings.map((f) => f.rule)).toEqual(['envelope/forbidden']);
  });

  it('undeclared entity reference without a DTD: a finding, not an expansion', () => {
    const out = checked(envelope('<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>&ext;</t:Name></t:Response></t:GetThingResponse>'));
    expect(out.findings).toHaveLength(1);
    expect(['envelope/not-xml', 'envelope/forbidden']).toContain(out.findings[0]!.rule);
  });

  it('XInclude is not processed', () => {
    const out = checked(envelope(`<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://${secretFile}" parse="text"/></t:Name></t:Response></t:GetThingResponse>`));
    expect(out.doc).toBeDefined();
    // The xi:include element stays an element where t:Name's string value is expected.
    expect(out.findings.map((f) => f.rule)).toEqual(['value/lexical']);
    expect(out.findings[0]!.message).toMatch(/holds element xi:include/);
  });

  it('a 50 MB body: size refusal without parsing, in bounded time', () => {
    const big = envelope(`<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>${'A'.repeat(50 * 1024 * 1024)}</t:Name></t:Response></t:GetThingResponse>`);
    const out = checked(Buffer.from(big));
    expect(out.findings.map((f) => f.rule)).toEqual(['envelope/not-xml']);
    expect(out.findings[0]!.message).toMatch(/over the limit/);
  });

  it('deep nesting: depth refusal', () => {
    const depth = 100_000;
    const out = checked(`<a>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</a>`);
    expect(out.findings.map((f) => f.rule)).toEqual(['envelope/not-xml']);
    expect(out.findings[0]!.message).toMatch(/nested|deep|depth/i);
  });

  it('a configured smaller limit applies', () => {
    const out = checkMessage(plan, { direction: 'response', body: envelope('<t:GetThingResponse/>') }, { profile: 'strict', maxBytes: 64 });
    expect(out.findings.map((f) => f.rule)).toEqual(['envelope/not-xml']);
  });

  it('many namespace prefixes in scope, redeclared on many elements: refused in bounded time and memory', () => {
    // Under 1 MB; copying 20,000 prefixes to each of 20,000 declaring elements ran out of heap.
    const n = 20_000;
    const decls = Array.from({ length: n }, (_, i) => `xmlns:p${i}="urn:p${i}"`).join(' ');
    const kids = Array.from({ length: n }, (_, i) => `<t:X xmlns:q="urn:q${i}"/>`).join('');
    const out = checked(envelope(`<t:GetThingResponse ${decls}><t:Response>${kids}</t:Response></t:GetThingResponse>`));
    expect(out.findings.map((f) => f.rule)).toEqual(['envelope/not-xml']);
    expect(out.findings[0]!.message).toMatch(/too many namespace declarations/);
  });

  it('a namespace-heavy but ordinary message still parses', () => {
    const decls = Array.from({ length: 50 }, (_, i) => `xmlns:p${i}="urn:p${i}"`).join(' ');
    const tags = Array.from({ length: 3 }, (_, i) => `<t:Tags xmlns:q="urn:q${i}">x</t:Tags>`).join('');
    const out = checked(envelope(`<t:GetThingResponse ${decls}><t:Response><t:Id xmlns:a="urn:a">1</t:Id><t:Name>n</t:Name>${tags}</t:Response></t:GetThingResponse>`));
    expect(out.findings).toEqual([]);
  });

  it('invalid UTF-8 bytes: a finding, not a crash', () => {
    const bytes = Buffer.concat([Buffer.from(envelope('<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>')), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('</t:Name></t:Response></t:GetThingResponse>')]);
    const out = checked(bytes);
    expect(Array.isArray(out.findings)).toBe(true);
  });
});

describe('hostile input: long texts quoted in findings', () => {
  const long = 'Z'.repeat(200_000);
  it.each([
    ['an enum value', `<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>n</t:Name><t:Kind>${long}</t:Kind></t:Response></t:GetThingResponse>`],
    ['an xsi:nil value', `<t:GetThingResponse><t:Response xsi:nil="${long}"/></t:GetThingResponse>`],
    ['an xsi:type value', `<t:GetThingResponse><t:Response xsi:type="t:${long}"><t:Id>1</t:Id><t:Name>n</t:Name></t:Response></t:GetThingResponse>`],
    ['a fault code', `<soap:Fault><faultcode>soap:${long}</faultcode><faultstring>x</faultstring></soap:Fault>`],
    ['an element name', `<t:${long}/>`],
  ])('%s is clipped', (_, body) => {
    const out = checked(envelope(body));
    expect(out.findings.length).toBeGreaterThan(0);
    for (const x of out.findings) {
      for (const text of [x.message, x.expected ?? '', x.actual ?? '']) expect(text.length).toBeLessThanOrEqual(MAX_FINDING_TEXT);
    }
  });
});

describe('hostile input: many findings', () => {
  const siblings = (n: number) => envelope(`<t:GetThingResponse><t:Response><t:Name>n</t:Name><t:Id>1</t:Id>${'<t:X/><t:Id>1</t:Id>'.repeat(n / 2)}</t:Response></t:GetThingResponse>`);

  it('80,000 unknown out-of-order siblings: bounded findings, in time linear in their number', () => {
    const large = siblings(80_000);
    const out = checked(large);
    const byRule = new Map<string, number>();
    for (const f of out.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    // 100 findings per rule, then one closing count.
    expect(byRule.get('field/unexpected')).toBe(101);
    expect(byRule.get('field/order')).toBe(101);
    expect(out.findings.filter((f) => f.rule === 'field/unexpected').at(-1)!.message).toMatch(/^39900 more field\/unexpected findings not shown/);
    // Eight times the siblings: about eight times the work when linear (measured 3-9), 64 times when quadratic.
    const small = siblings(10_000);
    const check = (body: string) => () => checkMessage(plan, { direction: 'response', body }, { profile: 'strict' });
    expect(cpuMs(check(large)) / cpuMs(check(small))).toBeLessThan(32);
  }, 120_000);
});

describe('hostile input: many findings against a wide type', () => {
  // Building each finding's text from the whole field list made this cost (children × fields): the same
  // children checked against a 2,000-field type and against a 4-field one must cost about the same
  // (measured 0.7-2.9 times; 17-27 times with the field lists built per child).
  const type = (width: number) => {
    const fields = Array.from({ length: width }, (_, i) => f(`t:F${i}`, { type: 'xsd:string', min: 0 }));
    return { fields, plan: compileContract(makeContract({ response: { body: f('t:GetThingResponse', { fields }) } })) };
  };
  const wide = type(2000);
  const narrow = type(4);
  type Type = typeof wide;
  const check = (t: Type, inner: string) => checkMessage(t.plan, { direction: 'response', body: envelope(`<t:GetThingResponse>${inner}</t:GetThingResponse>`) }, { profile: 'strict' }).findings;
  /** The wide type's CPU time over the narrow one's, for the same children. */
  const widthCost = (inner: (t: Type) => string) => {
    const [w, n] = [inner(wide), inner(narrow)];
    return cpuMs(() => check(wide, w)) / cpuMs(() => check(narrow, n));
  };

  it('10,000 unknown children', () => {
    const inner = () => '<t:X/>'.repeat(10_000);
    expect(check(wide, inner()).filter((x) => x.rule === 'field/unexpected')).toHaveLength(101);
    expect(widthCost(inner)).toBeLessThan(6);
  }, 120_000);

  it('5,000 out-of-order pairs', () => {
    const inner = () => '<t:F3/><t:F1/>'.repeat(5_000);
    expect(check(wide, inner()).filter((x) => x.rule === 'field/order')).toHaveLength(101);
    expect(widthCost(inner)).toBeLessThan(6);
  }, 120_000);

  it('every field over its maximum, one of them 10,000 times', () => {
    const inner = (t: Type) => `${t.fields.map((x) => `<${x.written}/><${x.written}/>`).join('')}${'<t:F3/>'.repeat(10_000)}`;
    expect(check(wide, inner(wide)).filter((x) => x.rule === 'field/cardinality')).toHaveLength(101);
    expect(check(narrow, inner(narrow)).filter((x) => x.rule === 'field/cardinality')).toHaveLength(4);
    expect(widthCost(inner)).toBeLessThan(6);
  }, 120_000);
});
