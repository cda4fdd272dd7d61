/**
 * Whether two names of a character encoding (an HTTP `charset`, an XML declaration's `encoding`, the encoding a
 * byte order mark gives) mean the same encoding. Names are compared by the WHATWG Encoding Standard's table of
 * labels, as the platform's TextDecoder knows it (case-insensitive; `utf8` is `UTF-8`; `latin1`, `ISO-8859-1`
 * and `us-ascii` are windows-1252 there), not by a list kept here. A name the table does not know is compared
 * as written, ignoring case. `UTF-16` without a byte order is either order (RFC 2781): it agrees with
 * `UTF-16LE` and `UTF-16BE`.
 */

/** The encoding's canonical name, lower-case: the WHATWG name when the label is known, else the label itself. */
export function canonicalCharset(label: string): string {
  const name = label.trim().toLowerCase();
  try {
    return new TextDecoder(name).encoding;
  } catch {
    return name;
  }
}

const UTF16 = new Set(['utf-16le', 'utf-16be']);

export function sameCharset(a: string, b: string): boolean {
  const [ca, cb] = [canonicalCharset(a), canonicalCharset(b)];
  if (ca === cb) return true;
  const generic = (label: string) => label.trim().toLowerCase() === 'utf-16';
  return UTF16.has(ca) && UTF16.has(cb) && (generic(a) || generic(b));
}
