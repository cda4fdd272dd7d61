/**
 * XSD constraining facets of a simple type as one lexical check: pattern, length / minLength /
 * maxLength, min/max In/Exclusive, totalDigits, fractionDigits. (enumeration is the enum check.)
 *
 * - pattern: XSD regular expressions are anchored; `\i` and `\c` become their ASCII-and-beyond
 *   approximations; a pattern JavaScript cannot compile (Unicode block escapes, class
 *   subtraction) is not checked. Values over MAX_PATTERN_INPUT characters are not matched (bounded
 *   time on hostile input).
 * - lengths count characters (octets for hexBinary and base64Binary).
 * - bounds compare numerically for numeric bases, and as text for the ISO 8601 date/time types
 *   (same-format values order as text); other bases are not compared.
 */
import type { Facets } from '../../contract/model.ts';
import type { LexicalCheck } from './xsd.ts';

export const MAX_PATTERN_INPUT = 4096;

const NUMERIC = new Set([
  'decimal', 'integer', 'long', 'int', 'short', 'byte', 'nonNegativeInteger', 'positiveInteger', 'nonPositiveInteger', 'negativeInteger',
  'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte', 'float', 'double',
]);
const TEMPORAL = new Set(['dateTime', 'date', 'time', 'gYear', 'gYearMonth', 'duration']);

const collapse = (s: string): string => s.replace(/[\t\n\r ]+/g, ' ').trim();

/** An XSD pattern as an anchored JavaScript RegExp, or undefined when it cannot be translated. */
export function xsdPattern(pattern: string): RegExp | undefined {
  if (/-\[/.test(pattern) || /\\p\{Is/.test(pattern)) return undefined;
  const js = pattern.replace(/\\i/g, '[A-Za-z_:\\u00C0-\\uFFFF]').replace(/\\c/g, '[-._:A-Za-z0-9\\u00B7\\u00C0-\\uFFFF]');
  try {
    return new RegExp(`^(?:${js})$`, 'u');
  } catch {
    return undefined;
  }
}

function octets(value: string, base: string | undefined): number {
  if (base === 'hexBinary') return Math.floor(value.length / 2);
  if (base === 'base64Binary') {
    const s = value.replace(/\s+/g, '');
    return Math.floor((s.length * 3) / 4) - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0);
  }
  return [...value].length;
}

function digits(value: string): { total: number; fraction: number } | null {
  const m = /^[+-]?(\d*)(?:\.(\d*))?$/.exec(value);
  if (!m) return null;
  const int = (m[1] ?? '').replace(/^0+/, '');
  const frac = (m[2] ?? '').replace(/0+$/, '');
  return { total: int.length + frac.length || 1, fraction: frac.length };
}

/** The facets' check, or undefined when there is nothing to check. */
export function facetCheck(f: Facets, base: string | undefined): LexicalCheck | undefined {
  const checks: Array<(v: string) => string | null> = [];
  if (f.pattern !== undefined) {
    const re = xsdPattern(f.pattern);
    if (re) checks.push((v) => (v.length > MAX_PATTERN_INPUT || re.test(v) ? null : `does not match the pattern ${f.pattern}`));
  }
  if (f.length !== undefined) checks.push((v) => (octets(v, base) === f.length ? null : `length ${octets(v, base)}; the type wants exactly ${f.length}`));
  if (f.minLength !== undefined) checks.push((v) => (octets(v, base) >= f.minLength! ? null : `length ${octets(v, base)}; the type wants at least ${f.minLength}`));
  if (f.maxLength !== undefined) checks.push((v) => (octets(v, base) <= f.maxLength! ? null : `length ${octets(v, base)}; the type allows at most ${f.maxLength}`));
  const numeric = base !== undefined && NUMERIC.has(base);
  const temporal = base !== undefined && TEMPORAL.has(base);
  if (numeric || temporal) {
    const cmp = (a: string, b: string): number => (numeric ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0);
    const bound = (limit: string | undefined, ok: (c: number) => boolean, words: string) => {
      if (limit !== undefined) checks.push((v) => (Number.isNaN(cmp(v, limit)) || ok(cmp(v, limit)) ? null : `${v} is ${words} ${limit}`));
    };
    bound(f.minInclusive, (c) => c >= 0, 'below the minimum');
    bound(f.maxInclusive, (c) => c <= 0, 'above the maximum');
    bound(f.minExclusive, (c) => c > 0, 'not above');
    bound(f.maxExclusive, (c) => c < 0, 'not below');
  }
  if (f.totalDigits !== undefined || f.fractionDigits !== undefined) {
    checks.push((v) => {
      const d = digits(v);
      if (!d) return null;
      if (f.totalDigits !== undefined && d.total > f.totalDigits) return `${d.total} digits; the type allows ${f.totalDigits}`;
      if (f.fractionDigits !== undefined && d.fraction > f.fractionDigits) return `${d.fraction} fraction digits; the type allows ${f.fractionDigits}`;
      return null;
    });
  }
  if (checks.length === 0) return undefined;
  const keepSpace = base === 'string' || base === undefined;
  return (raw) => {
    const v = keepSpace ? raw : collapse(raw);
    for (const c of checks) {
      const why = c(v);
      if (why) return why;
    }
    return null;
  };
}
