/**
 * Hostile input: each case must end in a refusal of the right kind, with a message that says
 * what is wrong, in bounded time, and must never read a file or expand an entity.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalize, parseXml, type ParseFailureKind, type ParseResult } from '../../src/xml/index.ts';

const SECRET = 'SOAPCHECK-TEST-SECRET-91c2';
const dir = mkdtempSync(join(tmpdir(), 'soapcheck-hostile-'));
const secretFile = join(dir, 'secret.txt');
writeFileSync(secretFile, `${SECRET}\n`);
const secretUrl = `file://${secretFile}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function timed(input: string | Uint8Array): { r: ParseResult; ms: number } {
  const t0 = performance.now();
  const r = parseXml(input);
  return { r, ms: performance.now() - t0 };
}

function laughs(levels: number): string {
  const decl = ['<!ENTITY l0 "lol">'];
  for (let i = 1; i <= levels; i++) decl.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
  return `<?xml version="1.0"?>\n<!DOCTYPE r [${decl.join('')}]>\n<r>&l${levels};</r>`;
}

interface HostileCase {
  name: string;
  /** Built when the test runs (some are tens of MB: kept out of the case table vitest formats). */
  input: () => string | Uint8Array;
  kind: ParseFailureKind;
  /** Words the message must contain, so a user knows what was wrong. */
  says: RegExp;
  line?: number;
  /** Time allowed, in ms (generous: the machine is shared). */
  within?: number;
}

const cases: HostileCase[] = [
  {
    name: 'external entity pointing at a local file',
    input: () => `<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "${secretUrl}">]>\n<r>&x;</r>`,
    kind: 'doctype',
    says: /DOCTYPE/,
    line: 2,
  },
  {
    name: 'external entity in an attribute',
    input: () => `<!DOCTYPE r [<!ENTITY x SYSTEM "${secretUrl}">]><r a="&x;"/>`,
    kind: 'doctype',
    says: /DOCTYPE/,
  },
  { name: 'billion laughs', input: () => laughs(9), kind: 'doctype', says: /DOCTYPE/ },
  {
    name: 'parameter entity loading a local file',
    input: () => `<!DOCTYPE r [<!ENTITY % p SYSTEM "${secretUrl}"> %p;]><r/>`,
    kind: 'doctype',
    says: /DOCTYPE/,
  },
  { name: 'external DTD', input: () => `<!DOCTYPE r SYSTEM "${secretUrl}"><r/>`, kind: 'doctype', says: /DOCTYPE/ },
  { name: 'DOCTYPE after the XML declaration and a comment', input: () => '<?xml version="1.0"?>\n<!-- x -->\n<!DOCTYPE r><r/>', kind: 'doctype', says: /DOCTYPE/, line: 3 },
  { name: 'undeclared entity (no DTD to declare it): a forbidden entity reference', input: () => '<r>&nbsp;</r>', kind: 'entity', says: /entity reference &nbsp; is not allowed/ },
  { name: '300-deep nesting', input: () => '<a>'.repeat(300) + '</a>'.repeat(300), kind: 'too-deep', says: /deeper than 256/ },
  { name: '100,000-deep nesting', input: () => '<a>'.repeat(100_000) + '</a>'.repeat(100_000), kind: 'too-deep', says: /deeper than/, within: 5_000 },
  {
    name: '3 million elements within the byte limit',
    input: () => `<r>${'<a/>'.repeat(3_000_000)}</r>`,
    kind: 'too-deep',
    says: /more than 2000000 elements \(refused before parsing\)/,
    within: 5_000,
  },
  {
    name: 'a 50 MB body',
    input: () => `<r>${'<i>x</i>'.repeat(50_000_000 / 8)}</r>`,
    kind: 'too-large',
    says: /50000007 bytes, over the limit of 16777216 bytes/,
    within: 2_000,
  },
  { name: 'an 11 MB text node (over the engine limit)', input: () => `<a>${'x'.repeat(11_000_000)}</a>`, kind: 'too-large', says: /size limit/, within: 10_000 },
  { name: 'invalid UTF-8 bytes', input: () => Uint8Array.from([0x3c, 0x61, 0x3e, 0xc3, 0x28, 0x3c, 0x2f, 0x61, 0x3e]), kind: 'malformed', says: /Invalid bytes in character encoding/ },
  { name: 'a lone surrogate in text', input: () => '<a>\uD800</a>', kind: 'malformed', says: /not well-formed/ },
  { name: 'a NUL character', input: () => '<a>\u0000</a>', kind: 'malformed', says: /0x0/ },
  { name: 'an HTML error page', input: () => '<!DOCTYPE html>\n<html><body><h1>502 Bad Gateway</h1></body></html>', kind: 'not-xml', says: /HTML page/ },
  { name: 'an HTML page without DOCTYPE', input: () => '<html><head><title>Error</title></head></html>', kind: 'not-xml', says: /HTML page/ },
  { name: 'JSON', input: () => '{"error":"not found"}', kind: 'not-xml', says: /looks like JSON/ },
  { name: 'plain text', input: () => 'Service Unavailable', kind: 'not-xml', says: /plain text/ },
  { name: 'empty input', input: () => '', kind: 'not-xml', says: /empty/ },
  { name: 'whitespace only', input: () => ' \n\t ', kind: 'not-xml', says: /empty/ },
  { name: 'a BOM and nothing else', input: () => '\uFEFF', kind: 'not-xml', says: /empty/ },
  { name: 'truncated document', input: () => '<a><b>text</b>', kind: 'malformed', says: /not well-formed/ },
  { name: 'two root elements', input: () => '<a/><b/>', kind: 'malformed', says: /Extra content/ },
  { name: 'undeclared prefix', input: () => '<p:a/>', kind: 'malformed', says: /prefix p/ },
  { name: 'unterminated comment', input: () => '<a><!-- never closed </a>', kind: 'malformed', says: /not well-formed/ },
];

describe('parseXml: hostile and non-XML input is refused, in bounded time', () => {
  it.each(cases)('$name → $kind', ({ input, kind, says, line, within }) => {
    const { r, ms } = timed(input());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.kind).toBe(kind);
    expect(r.message).toMatch(says);
    expect(r.message).not.toContain(SECRET);
    if (line !== undefined) expect(r.line).toBe(line);
    // Generous bounds (shared 2-core CI machines, files run in parallel): they prove no hang, not speed.
    expect(ms).toBeLessThan((within ?? 1_000) * 4);
  });

  it('refuses the same cases as bytes', () => {
    // (A lone surrogate cannot be written as UTF-8 bytes: Buffer.from makes it U+FFFD.)
    const asBytes = cases
      .map((c) => ({ ...c, text: c.input() }))
      .filter((c): c is HostileCase & { text: string } => typeof c.text === 'string' && c.text.length < 1_000_000 && !c.text.includes('\uD800'));
    expect(asBytes.length).toBeGreaterThan(15);
    for (const c of asBytes) {
      const r = parseXml(Buffer.from(c.text, 'utf8'));
      expect(r.ok, c.name).toBe(false);
      if (!r.ok) expect(r.kind, c.name).toBe(c.kind);
    }
  });

  it('honours lower limits given by the caller', () => {
    expect(parseXml('<a><b><c/></b></a>', { maxDepth: 2 })).toMatchObject({ ok: false, kind: 'too-deep', message: expect.stringMatching(/deeper than 2 levels/) });
    expect(parseXml('<a><b/><b/><b/></a>', { maxNodes: 3 })).toMatchObject({ ok: false, kind: 'too-deep', message: expect.stringMatching(/more than 3 elements/) });
    expect(parseXml('<a>xx</a>', { maxBytes: 8 })).toMatchObject({ ok: false, kind: 'too-large' });
    // Text nodes count towards maxNodes too.
    expect(parseXml('<a>x<b/>y<b/>z</a>', { maxNodes: 4 })).toMatchObject({ ok: false, kind: 'too-deep', message: expect.stringMatching(/more than 4 nodes/) });
  });

  it('does not count "<" inside comments, CDATA or processing instructions as elements', () => {
    const r = parseXml(`<a><!-- <b/><b/> --><![CDATA[<b/><b/>]]><?pi <b/><b/>?></a>`, { maxNodes: 4 });
    expect(r.ok).toBe(true);
  });

  it('leaves XInclude unprocessed: the include stays an element and no file is read', () => {
    const r = parseXml(`<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="${secretUrl}" parse="text"/></r>`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(JSON.stringify(r.doc, (k, v: unknown) => (k === 'parent' ? undefined : v))).not.toContain(SECRET);
    expect(r.doc.root.children[0]).toMatchObject({ kind: 'element', local: 'include', ns: 'http://www.w3.org/2001/XInclude' });
  });

  it('canonicalize refuses the same way (it shares the screened door to the engine)', () => {
    expect(canonicalize(laughs(9))).toMatchObject({ ok: false, kind: 'doctype' });
    const xxe = canonicalize(`<!DOCTYPE r [<!ENTITY x SYSTEM "${secretUrl}">]><r>&x;</r>`);
    expect(xxe.ok).toBe(false);
    expect(JSON.stringify(xxe)).not.toContain(SECRET);
  });
});
