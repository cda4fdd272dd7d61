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

// Bounds prove "no hang, no blow-up", not speed: generous, because CI machines are shared and
// vitest runs test files in parallel on their 2 cores.
function timed(body: string | Uint8Array, maxMs = 20_000) {
  const t0 = performance.now();
  const out = checkMessage(plan, { direction: 'response', body }, { profile: 'strict' });
  const ms = performance.now() - t0;
  expect(ms).toBeLessThan(maxMs);
  expect(JSON.stringify(out.findings)).not.toContain(MARKER);
  return out;
}

describe('hostile input', () => {
  it('external entity to a local file: refused, file never read', () => {
    const body = `<?xml version="1.0"?>\n<!DOCTYPE e [<!ENTITY x SYSTEM "file://${secretFile}">]>\n${envelope('<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>&x;</t:Name></t:Response></t:GetThingResponse>')}`;
    const out = timed(body);
    expect(out.doc).toBeUndefined();
    expect(out.findings.map((f) => f.rule)).toEqual(['envelope/forbidden']);
    expect(out.findings[0]!.line).toBe(2);
  });

  it('billion laughs: refused before parsing', () => {
    const ents = ['<!ENTITY l0 "ha">', ...Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`)].join('');
    const out = timed(`<?xml version="1.0"?><!DOCTYPE s [${ents}]><s>&l10;</s>`);
    expect(out.findings.map((f) => f.rule)).toEqual(['envelope/forbidden']);
  });

  it('parameter entities: refused', () => {
    const out = timed(`<!DOCTYPE d [<!ENTITY % p SYSTEM "file://${secretFile}"> %p;]><d/>`);
    expect(out.findings.map((f) => f.rule)).toEqual(['envelope/forbidden']);
  });

  it('undeclared entity reference without a DTD: a finding, not an expansion', () => {
    const out = timed(envelope('<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>&ext;</t:Name></t:Response></t:GetThingResponse>'));
    expect(out.findings).toHaveLength(1);
    expect(['envelope/not-xml', 'envelope/forbidden']).toContain(out.findings[0]!.rule);
  });

  it('XInclude is not processed', () => {
    const out = timed(envelope(`<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="file://${secretFile}" parse="text"/></t:Name></t:Response></t:GetThingResponse>`));
    expect(out.doc).toBeDefined();
    // The xi:include element stays an element where t:Name's string value is expected.
    expect(out.findings.map((f) => f.rule)).toEqual(['value/lexical']);
    expect(out.findings[0]!.message).toMatch(/holds element xi:include/);
  });

  it('a 50 MB body: size refusal without parsing, in bounded time', () => {
    const big = envelope(`<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>${'A'.repeat(50 * 1024 * 1024)}</t:Name></t:Response></t:GetThingResponse>`);
    const out = timed(Buffer.from(big), 10_000);
    expect(out.findings.map((f) => f.rule)).toEqual(['envelope/not-xml']);
    expect(out.findings[0]!.message).toMatch(/over the limit/);
  });

  it('deep nesting: depth refusal', () => {
    const depth = 100_000;
    const out = timed(`<a>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</a>`);
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
    const out = timed(envelope(`<t:GetThingResponse ${decls}><t:Response>${kids}</t:Response></t:GetThingResponse>`));
    expect(out.findings.map((f) => f.rule)).toEqual(['envelope/not-xml']);
    expect(out.findings[0]!.message).toMatch(/too many namespace declarations/);
  });

  it('a namespace-heavy but ordinary message still parses', () => {
    const decls = Array.from({ length: 50 }, (_, i) => `xmlns:p${i}="urn:p${i}"`).join(' ');
    const tags = Array.from({ length: 3 }, (_, i) => `<t:Tags xmlns:q="urn:q${i}">x</t:Tags>`).join('');
    const out = timed(envelope(`<t:GetThingResponse ${decls}><t:Response><t:Id xmlns:a="urn:a">1</t:Id><t:Name>n</t:Name>${tags}</t:Response></t:GetThingResponse>`));
    expect(out.findings).toEqual([]);
  });

  it('invalid UTF-8 bytes: a finding, not a crash', () => {
    const bytes = Buffer.concat([Buffer.from(envelope('<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>')), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('</t:Name></t:Response></t:GetThingResponse>')]);
    const out = timed(bytes);
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
    const out = timed(envelope(body));
    expect(out.findings.length).toBeGreaterThan(0);
    for (const x of out.findings) {
      for (const text of [x.message, x.expected ?? '', x.actual ?? '']) expect(text.length).toBeLessThanOrEqual(MAX_FINDING_TEXT);
    }
  });
});

describe('hostile input: many findings', () => {
  it('200,000 unknown out-of-order siblings: bounded findings in bounded time', () => {
    const n = 200_000;
    const body = envelope(`<t:GetThingResponse><t:Response><t:Name>n</t:Name><t:Id>1</t:Id>${'<t:X/><t:Id>1</t:Id>'.repeat(n / 2)}</t:Response></t:GetThingResponse>`);
    const out = timed(body, 45_000);
    const byRule = new Map<string, number>();
    for (const f of out.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    // 100 findings per rule, then one closing count.
    expect(byRule.get('field/unexpected')).toBe(101);
    expect(byRule.get('field/order')).toBe(101);
    expect(out.findings.filter((f) => f.rule === 'field/unexpected').at(-1)!.message).toMatch(/^99900 more field\/unexpected findings not shown/);
  }, 60_000);
});

describe('hostile input: many findings against a wide type', () => {
  // Building each finding's text from the whole field list made this cost (children × fields).
  const fields = Array.from({ length: 400 }, (_, i) => f(`t:F${i}`, { type: 'xsd:string', min: 0 }));
  const wide = compileContract(makeContract({ response: { body: f('t:GetThingResponse', { fields }) } }));
  const check = (inner: string) => {
    const t0 = performance.now();
    const out = checkMessage(wide, { direction: 'response', body: envelope(`<t:GetThingResponse>${inner}</t:GetThingResponse>`) }, { profile: 'strict' });
    expect(performance.now() - t0).toBeLessThan(30_000);
    return out.findings;
  };

  it('600,000 unknown children', () => {
    const fs = check('<t:X/>'.repeat(600_000));
    expect(fs.filter((x) => x.rule === 'field/unexpected')).toHaveLength(101);
  }, 60_000);

  it('300,000 out-of-order pairs', () => {
    const fs = check('<t:F5/><t:F1/>'.repeat(300_000));
    expect(fs.filter((x) => x.rule === 'field/order')).toHaveLength(101);
  }, 60_000);

  it('every field over its maximum, one of them 500,000 times', () => {
    const fs = check(`${fields.map((x) => `<${x.written}/><${x.written}/>`).join('')}${'<t:F399/>'.repeat(500_000)}`);
    expect(fs.filter((x) => x.rule === 'field/cardinality')).toHaveLength(101);
  }, 60_000);
});
