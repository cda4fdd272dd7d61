/**
 * Property tests (fast-check) for the redactor: a secret planted in random text, in a random spelling, never comes
 * out readable, neither as written nor decoded. Bounded runs, so they stay in `npm test`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeLevels } from '../../src/secrets/decoded-text.ts';
import { MASK, Redactor } from '../../src/secrets/redact.ts';
import { escapeAttr, escapeText } from '../../src/xml/escape.ts';

/** Secrets: printable ASCII with the characters XML and URLs escape, some Latin-1, and a character beyond the BMP. */
const secretChar = fc.constantFrom(...'abcXYZ019:;"\'&<>=?/+ ,.äéß€😀'.split(/(?:)/u));
const secret = fc.array(secretChar, { minLength: 4, maxLength: 20 }).map((cs) => cs.join('')).filter((s) => s.trim().length >= 4);
/** Text around the secret: words and markup that stays closed. */
const filler = fc.array(fc.constantFrom('x', 'hello', ' ', '\n', '<a>', '</a>', '<b c="d"/>', '&amp;', '<!-- c -->', '%20', '\\n', ';', '@', '?k=v'), { maxLength: 12 }).map((p) => p.join(''));

const cps = (s: string): number[] => [...s].map((c) => c.codePointAt(0)!);
const utf8Percent = (s: string, lower: boolean): string =>
  [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).map((h) => (lower ? h : h.toUpperCase())).join('');

/** One spelling of `s`, chosen by the generated numbers. */
type Spelling = (s: string, at: number) => string;
const splitAt = (s: string, at: number): [string, string] => {
  const chars = [...s];
  const k = 1 + (at % (chars.length - 1));
  return [chars.slice(0, k).join(''), chars.slice(k).join('')];
};
const SPELLINGS: Record<string, Spelling> = {
  raw: (s) => s,
  'XML text': (s) => escapeText(s),
  'XML attribute': (s) => escapeAttr(s),
  '&apos;/&quot;': (s) => escapeText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;'),
  'decimal references': (s) => cps(s).map((c) => `&#${c};`).join(''),
  'hex references': (s) => cps(s).map((c) => `&#x${c.toString(16).toUpperCase()};`).join(''),
  'some characters as references': (s, at) => cps(s).map((c, k) => ((k + at) % 2 ? `&#${c};` : escapeText(String.fromCodePoint(c)))).join(''),
  'split by a comment': (s, at) => splitAt(escapeText(s), at).join('<!--x-->'),
  'split by a processing instruction': (s, at) => splitAt(escapeText(s), at).join('<?pi?>'),
  'split across CDATA sections': (s, at) => {
    const [a, b] = splitAt(s.replace(/]]>/g, ''), at);
    return `<![CDATA[${a}]]><![CDATA[${b}]]>`;
  },
  '%-encoded, upper case': (s) => utf8Percent(s, false),
  '%-encoded, lower case': (s) => utf8Percent(s, true),
  encodeURIComponent: (s) => encodeURIComponent(s),
  'form-encoded': (s) => encodeURIComponent(s).replace(/%20/g, '+'),
  'JSON string': (s) => JSON.stringify(s).slice(1, -1),
  'JSON \\u escapes': (s) => Array.from({ length: s.length }, (_, k) => `\\u${s.charCodeAt(k).toString(16).padStart(4, '0')}`).join(''),
  'XML escaped twice': (s) => escapeText(escapeText(s)),
  'references inside an attribute, escaped again': (s) => escapeAttr(cps(s).map((c) => `&#${c};`).join('')),
};
const spelling = fc.constantFrom(...Object.keys(SPELLINGS));

/** Readable as written or after any level of decoding (a level can hide what the one before shows). */
function readable(out: string, s: string): boolean {
  return out.includes(s) || decodeLevels(out).some((view) => view.text.includes(s));
}

describe('Redactor (property): a planted secret never comes out readable', () => {
  it('in any spelling, in any text, through redactDeep as recordCase uses it', () => {
    fc.assert(
      fc.property(secret, filler, filler, spelling, fc.nat(), (s, before, after, name, at) => {
        const r = new Redactor({ secrets: [s] });
        const text = `${before} ${SPELLINGS[name]!(s, at)} ${after}`;
        const out = r.redactDeep({ body: text }).body;
        expect(readable(out, s)).toBe(false);
        expect(out).toContain(MASK);
      }),
      { numRuns: 400 },
    );
  });

  // Found by this property (seed-dependent): one level of decoding shows the secret, the next drops its `<??>` as a
  // processing instruction. Kept as fixed cases so they run on every seed.
  it.each([
    ['<??>aaa', ' %3C%3F%3F%3Eaaa '],
    ['a<!--b-->c', 'x a%3C!--b--%3Ec y'],
    ['<![CDATA[k]]>z', '%3C!%5BCDATA%5Bk%5D%5D%3Ez'],
    ['<??>aaaa', ' &<!--x-->lt;??&gt;aaaa '],
  ])('a secret that looks like markup (%s) is masked where decoding turns it into markup', (s, text) => {
    const out = new Redactor({ secrets: [s] }).redact(text);
    expect(out).toContain(MASK);
    expect(readable(out, s)).toBe(false);
  });

  it('and text without the secret comes out unchanged', () => {
    fc.assert(
      fc.property(secret, filler, (s, text) => {
        fc.pre(!readable(text, s) && !text.includes(s.replace(/ /g, '+')));
        const r = new Redactor({ secrets: [s] });
        expect(r.redact(text)).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});
