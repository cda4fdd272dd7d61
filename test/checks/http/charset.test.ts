import { describe, expect, it } from 'vitest';
import { canonicalCharset, sameCharset } from '../../../src/checks/helpers/charset.ts';
import { ruleTester } from '../support/rule-tester.ts';
import { resp, thing, OK_THING } from '../support/fixtures.ts';

const ct = (v?: string) => ({ status: 200, headers: { 'content-type': v } });
const OK = resp(OK_THING);
/** The OK response with another encoding in its declaration (none: no declaration at all), as the bytes of `bytes`. */
const declared = (encoding: string | null, bytes: BufferEncoding = 'utf8') =>
  Buffer.from(encoding === null ? OK.replace(/^<\?xml[^>]*>\n/, '') : OK.replace('encoding="utf-8"', `encoding="${encoding}"`), bytes);
const BOM = { 'UTF-8': [0xef, 0xbb, 0xbf], 'UTF-16LE': [0xff, 0xfe], 'UTF-16BE': [0xfe, 0xff] } as const;
/** The OK response with a byte order mark, its declaration saying `encoding`. */
function withBom(bom: keyof typeof BOM, encoding: string): Buffer {
  const text = OK.replace('encoding="utf-8"', `encoding="${encoding}"`);
  const body = bom === 'UTF-8' ? Buffer.from(text, 'utf8') : bom === 'UTF-16LE' ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf16le').swap16();
  return Buffer.concat([Buffer.from(BOM[bom]), body]);
}

ruleTester('http/charset', {
  valid: [
    { name: 'charset and declaration the same', code: OK, contract: thing, http: ct('text/xml; charset=utf-8') },
    { name: 'case and the utf8 alias do not matter', code: OK, contract: thing, http: ct('text/xml; charset=UTF8') },
    { name: 'quoted charset', code: OK, contract: thing, http: ct('text/xml; charset="Utf-8"') },
    { name: 'no charset: nothing to disagree with', code: OK, contract: thing, http: ct('text/xml') },
    { name: 'latin1 is ISO-8859-1', code: declared('ISO-8859-1', 'latin1'), contract: thing, http: ct('text/xml; charset=latin1') },
    { name: 'no declaration: UTF-8 by default', code: declared(null), contract: thing, http: ct('text/xml; charset=utf-8') },
    { name: 'UTF-16LE byte order mark, charset UTF-16 (either order)', code: withBom('UTF-16LE', 'UTF-16'), contract: thing, http: ct('text/xml; charset=UTF-16') },
    { name: 'UTF-16BE byte order mark, charset utf-16be', code: withBom('UTF-16BE', 'UTF-16'), contract: thing, http: ct('text/xml; charset=utf-16be') },
    { name: 'UTF-8 byte order mark, charset utf-8', code: withBom('UTF-8', 'UTF-8'), contract: thing, http: ct('text/xml; charset=utf-8') },
    { name: 'no Content-Type at all: http/content-type, not this rule', code: OK, contract: thing, http: ct(undefined), reportedBy: ['http/content-type'] },
  ],
  invalid: [
    { name: 'charset latin1, declaration UTF-8', code: OK, contract: thing, http: ct('text/xml; charset=iso-8859-1'), errors: [{ path: '/', message: /charset iso-8859-1 disagrees with the XML declaration's encoding utf-8/, actual: /^iso-8859-1$/ }] },
    { name: 'charset UTF-8, declaration ISO-8859-1', code: declared('ISO-8859-1', 'latin1'), contract: thing, http: ct('text/xml; charset=utf-8'), errors: [{ message: /encoding ISO-8859-1/ }] },
    { name: "no declaration: UTF-8 by XML's default, charset latin1", code: declared(null), contract: thing, http: ct('text/xml; charset=latin1'), errors: [{ message: /UTF-8, XML's default/ }] },
    { name: 'UTF-16BE byte order mark, charset utf-16le', code: withBom('UTF-16BE', 'UTF-16'), contract: thing, http: ct('text/xml; charset=utf-16le'), errors: [{ message: /byte order mark's UTF-16BE/ }] },
    { name: 'UTF-8 byte order mark, charset windows-1252', code: withBom('UTF-8', 'UTF-8'), contract: thing, http: ct('text/xml; charset=windows-1252'), errors: [{ message: /byte order mark's UTF-8/ }] },
    { name: 'a charset no table knows', code: OK, contract: thing, http: ct('text/xml; charset=x-unknown'), errors: [{ actual: /^x-unknown$/ }] },
  ],
});

describe('sameCharset: names by the WHATWG table, case-insensitive', () => {
  it.each([
    ['utf8', 'UTF-8', true],
    ['latin1', 'ISO-8859-1', true],
    ['l1', 'iso_8859-1', true],
    ['SJIS', 'Shift_JIS', true],
    ['utf-16', 'UTF-16BE', true],
    ['UTF-16LE', 'utf-16', true],
    ['utf-16le', 'utf-16be', false],
    ['utf-8', 'iso-8859-1', false],
    ['X-Unknown', 'x-unknown', true],
    ['x-unknown', 'utf-8', false],
  ])('%s ~ %s: %s', (a, b, same) => {
    expect(sameCharset(a, b)).toBe(same);
    expect(sameCharset(b, a)).toBe(same);
  });

  it('gives the canonical name', () => {
    expect(canonicalCharset(' UTF8 ')).toBe('utf-8');
    expect(canonicalCharset('Latin1')).toBe('windows-1252');
    expect(canonicalCharset('X-Unknown')).toBe('x-unknown');
  });
});
