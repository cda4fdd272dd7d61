/**
 * Lexical checkers for XSD built-in simple types, as pure functions.
 * Each returns null when the text is in the type's lexical space, else a short reason.
 * Whitespace is collapsed first for every type except string (XSD `whiteSpace` facet).
 */
import type { NamespaceScope } from '../../xml/tree.ts';
import { resolveQName } from '../../xml/qname.ts';

/** null = valid; a string = why not. `scope` is the element's namespace scope (for QName values). */
export type LexicalCheck = (value: string, scope: NamespaceScope) => string | null;

const collapse = (s: string): string => s.replace(/[\t\n\r ]+/g, ' ').trim();

const ok: LexicalCheck = () => null;

function integerRange(min: bigint | null, max: bigint | null): LexicalCheck {
  return (raw) => {
    const v = collapse(raw);
    if (!/^[+-]?\d+$/.test(v)) return 'not an integer';
    const n = BigInt(v);
    if (min !== null && n < min) return `below the minimum ${min}`;
    if (max !== null && n > max) return `above the maximum ${max}`;
    return null;
  };
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
const FLOATING = /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|[+-]?INF|NaN)$/;
const NCNAME = /^[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*$/;

function regexCheck(re: RegExp, what: string, ws = true): LexicalCheck {
  return (raw) => (re.test(ws ? collapse(raw) : raw) ? null : what);
}

function daysIn(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const TZ = '(Z|[+-](\\d\\d):(\\d\\d))?';
const DATE_RE = new RegExp(`^(-?\\d{4,})-(\\d\\d)-(\\d\\d)${TZ}$`);
const TIME_RE = new RegExp(`^(\\d\\d):(\\d\\d):(\\d\\d)(\\.\\d+)?${TZ}$`);
const DATETIME_RE = new RegExp(`^(-?\\d{4,})-(\\d\\d)-(\\d\\d)T(\\d\\d):(\\d\\d):(\\d\\d)(\\.\\d+)?${TZ}$`);

function badTz(h?: string, m?: string): boolean {
  if (h === undefined) return false;
  const hh = Number(h), mm = Number(m);
  return mm > 59 || hh > 14 || (hh === 14 && mm > 0);
}
function badDate(y: string, mo: string, d: string): string | null {
  const month = Number(mo), day = Number(d), year = Number(y);
  if (/^-?0+$/.test(y)) return 'year 0000 is not allowed';
  if (/^-?0\d{4,}$/.test(y)) return `year ${y} has a leading zero (only four-digit years may start with 0)`;
  if (month < 1 || month > 12) return `month ${mo} out of range`;
  if (day < 1 || day > daysIn(Math.abs(year), month)) return `day ${d} out of range for month ${mo}`;
  return null;
}
function badTime(h: string, mi: string, s: string, frac?: string): string | null {
  const hh = Number(h), mm = Number(mi), ss = Number(s);
  if (hh === 24) return mm === 0 && ss === 0 && !/[1-9]/.test(frac ?? '') ? null : 'hour 24 is only allowed as 24:00:00';
  if (hh > 23) return `hour ${h} out of range`;
  if (mm > 59) return `minute ${mi} out of range`;
  if (ss > 59) return `second ${s} out of range`;
  return null;
}

const date: LexicalCheck = (raw) => {
  const m = DATE_RE.exec(collapse(raw));
  if (!m) return 'not a date (YYYY-MM-DD with optional time zone)';
  return badDate(m[1]!, m[2]!, m[3]!) ?? (badTz(m[5], m[6]) ? 'time zone out of range' : null);
};
const time: LexicalCheck = (raw) => {
  const m = TIME_RE.exec(collapse(raw));
  if (!m) return 'not a time (hh:mm:ss with optional fraction and time zone)';
  return badTime(m[1]!, m[2]!, m[3]!, m[4]) ?? (badTz(m[6], m[7]) ? 'time zone out of range' : null);
};
const dateTime: LexicalCheck = (raw) => {
  const m = DATETIME_RE.exec(collapse(raw));
  if (!m) return 'not a dateTime (YYYY-MM-DDThh:mm:ss with optional fraction and time zone)';
  return badDate(m[1]!, m[2]!, m[3]!) ?? badTime(m[4]!, m[5]!, m[6]!, m[7]) ?? (badTz(m[9], m[10]) ? 'time zone out of range' : null);
};

const DURATION_RE = /^-?P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?!$)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;
const duration: LexicalCheck = regexCheck(DURATION_RE, 'not a duration (e.g. P1DT2H or PT0S)');

const base64Binary: LexicalCheck = (raw) => {
  const v = raw.replace(/[\t\n\r ]+/g, '');
  if (v.length % 4 !== 0) return 'base64 length is not a multiple of 4';
  if (!/^[A-Za-z0-9+/]*(=|==)?$/.test(v) || /=[^=]/.test(v)) return 'not base64';
  // The character before the padding may not carry bits the padding drops (XSD's B16 and B04).
  if (v.endsWith('==') ? !/[AQgw]==$/.test(v) : v.endsWith('=') && !/[AEIMQUYcgkosw048]=$/.test(v)) return 'base64 with bits set in the padding';
  return null;
};
const hexBinary: LexicalCheck = regexCheck(/^([0-9a-fA-F]{2})*$/, 'not hexBinary (an even number of hex digits)');

const anyURI: LexicalCheck = (raw) => {
  const v = collapse(raw);
  if (/%(?![0-9a-fA-F]{2})/.test(v)) return 'malformed %-escape';
  if ((v.match(/#/g) ?? []).length > 1) return 'more than one #';
  const scheme = /^([^/?#:]*):/.exec(v);
  if (scheme && !/^[A-Za-z][A-Za-z0-9+.-]*$/.test(scheme[1]!)) return `invalid scheme ${JSON.stringify(scheme[1])}`;
  return null;
};

const qname: LexicalCheck = (raw, scope) => {
  const v = collapse(raw);
  const parts = v.split(':');
  if (parts.length > 2 || !parts.every((p) => NCNAME.test(p))) return 'not a QName';
  if (parts.length === 2 && resolveQName(v, scope) === null) return `prefix ${parts[0]} is not declared`;
  return null;
};

const boolean: LexicalCheck = regexCheck(/^(true|false|1|0)$/, 'not a boolean (true, false, 1 or 0)');

/** GUID as .NET writes it (the MS serialization `guid` type). */
export const guid: LexicalCheck = regexCheck(/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/, 'not a GUID (8-4-4-4-12 hex digits)');

const I = (bits: number): LexicalCheck => integerRange(-(2n ** BigInt(bits - 1)), 2n ** BigInt(bits - 1) - 1n);
const U = (bits: number): LexicalCheck => integerRange(0n, 2n ** BigInt(bits) - 1n);

/** XSD built-in types by local name (namespace http://www.w3.org/2001/XMLSchema). */
export const XSD_CHECKS: Readonly<Record<string, LexicalCheck>> = {
  string: ok, anySimpleType: ok, anyType: ok,
  normalizedString: ok, token: ok,
  language: regexCheck(/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/, 'not a language tag'),
  Name: regexCheck(/^[A-Za-z_:\u00C0-\uFFFF][\w.:\-\u00B7\u00C0-\uFFFF]*$/, 'not an XML Name'),
  NCName: regexCheck(NCNAME, 'not an NCName'),
  ID: regexCheck(NCNAME, 'not an NCName'), IDREF: regexCheck(NCNAME, 'not an NCName'), ENTITY: regexCheck(NCNAME, 'not an NCName'),
  NMTOKEN: regexCheck(/^[\w.:\-\u00B7\u00C0-\uFFFF]+$/, 'not an NMTOKEN'),
  boolean,
  decimal: regexCheck(DECIMAL, 'not a decimal number'),
  float: regexCheck(FLOATING, 'not a float'),
  double: regexCheck(FLOATING, 'not a double'),
  integer: integerRange(null, null),
  nonPositiveInteger: integerRange(null, 0n), negativeInteger: integerRange(null, -1n),
  nonNegativeInteger: integerRange(0n, null), positiveInteger: integerRange(1n, null),
  long: I(64), int: I(32), short: I(16), byte: I(8),
  unsignedLong: U(64), unsignedInt: U(32), unsignedShort: U(16), unsignedByte: U(8),
  dateTime, date, time, duration,
  gYear: regexCheck(/^-?(\d{4}|[1-9]\d{4,})(Z|[+-]\d\d:\d\d)?$/, 'not a gYear'),
  gYearMonth: regexCheck(/^-?(\d{4}|[1-9]\d{4,})-(0[1-9]|1[0-2])(Z|[+-]\d\d:\d\d)?$/, 'not a gYearMonth'),
  gMonth: regexCheck(/^--(0[1-9]|1[0-2])(Z|[+-]\d\d:\d\d)?$/, 'not a gMonth'),
  gDay: regexCheck(/^---(0[1-9]|[12]\d|3[01])(Z|[+-]\d\d:\d\d)?$/, 'not a gDay'),
  gMonthDay: regexCheck(/^--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d\d:\d\d)?$/, 'not a gMonthDay'),
  base64Binary, hexBinary, anyURI, QName: qname, NOTATION: qname,
};

/** The .NET data-contract serialization namespace and its primitive types. */
export { MS_SERIALIZATION_NS } from '../../xml/qname.ts';
export const MS_CHECKS: Readonly<Record<string, LexicalCheck>> = {
  guid, duration, char: integerRange(0n, 65535n),
};
