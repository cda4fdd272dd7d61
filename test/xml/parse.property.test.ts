/**
 * Fuzzing the parser boundary (fast-check): whatever text or bytes arrive, parsing and checking end with a verdict
 * (never an exception, never a hang), and the same bytes give the same verdict whether they come as bytes (mock,
 * verify) or as the UTF-8 text of those bytes (a run). Bounded runs, so it stays in `npm test`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/checks/index.ts';
import { compileContract } from '../../src/checks/compiled.ts';
import { parseXml } from '../../src/xml/index.ts';
import { thing } from '../checks/support/fixtures.ts';

const KINDS = new Set(['not-xml', 'malformed', 'doctype', 'entity', 'too-deep', 'too-large']);
const S11 = 'http://schemas.xmlsoap.org/soap/envelope/';

/** Pieces that hostile messages are made of: markup, references, declarations, odd characters. */
const piece = fc.oneof(
  fc.constantFrom(
    '<a>', '</a>', '<b x="1">', '</b>', '<c/>', '<t:Id>', '</t:Id>', `<s:Envelope xmlns:s="${S11}" xmlns:t="urn:soapcheck:test:Services1">`,
    '<s:Body>', '</s:Body>', '</s:Envelope>', '&amp;', '&lt;', '&#65;', '&#x10FFFF;', '&#0;', '&foo;', '&hasOwnProperty;',
    '<!DOCTYPE x [<!ENTITY e "lol">]>', '<!ENTITY e SYSTEM "file:///etc/passwd">', '<![CDATA[', ']]>', '<!--', '-->', '<?pi x?>',
    '<?xml version="1.0" encoding="ISO-8859-1"?>', '<?xml version="1.0" encoding="UTF-16"?>', 'xmlns:p="urn:x"', 'xsi:type="xsd:int"',
    '\u0000', '\uFEFF', '\uD800', '\uDC00', '😀', 'é', '\r\n', ' ', '"', "'", '=', '<', '>', '&',
  ),
  fc.string({ maxLength: 8 }),
);
const hostileText = fc.array(piece, { maxLength: 60 }).map((ps) => ps.join(''));
const hostileBytes = fc.uint8Array({ maxLength: 512 });
const plan = compileContract(thing);

function verdict(input: string | Uint8Array): string {
  const r = parseXml(input);
  if (r.ok) return 'ok';
  expect(KINDS.has(r.kind), r.kind).toBe(true);
  expect(typeof r.message).toBe('string');
  return r.kind;
}

describe('parser boundary (property)', () => {
  it('any text parses or fails with a known kind, and checking it reports findings instead of throwing', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        verdict(text);
        const { findings } = checkMessage(plan, { direction: 'response', body: text, http: { status: 200, headers: { 'content-type': 'text/xml' } } });
        for (const f of findings) expect(typeof f.rule === 'string' && typeof f.message === 'string').toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('any bytes parse or fail with a known kind', () => {
    fc.assert(
      fc.property(hostileBytes, (bytes) => {
        verdict(bytes);
        checkMessage(plan, { direction: 'request', body: bytes });
      }),
      { numRuns: 300 },
    );
  });

  // The verdict is whether it parses; the kind of a failure may differ where bytes are ambiguous (a NUL then `<`
  // reads as UTF-16BE by XML's autodetection, while the same text is plain text).
  it('well-formed UTF-8 text gets the same verdict as its bytes', () => {
    fc.assert(
      fc.property(hostileText.filter((t) => Buffer.from(t, 'utf8').toString('utf8') === t && !t.includes('encoding=')), (text) => {
        expect(verdict(Buffer.from(text, 'utf8')) === 'ok').toBe(verdict(text) === 'ok');
      }),
      { numRuns: 300 },
    );
  });
});
