/**
 * Parse an HTTP Content-Type value (RFC 9110 §8.3): lower-cased media type and parameters with
 * lower-cased names. A quoted-string value may hold `;` and `\`-escapes; its quotes are removed.
 */
export function parseContentType(raw: string): ContentType {
  // Three rules read the same header of each message, and a run's messages mostly carry the same one.
  if (raw === last.raw) return last.parsed;
  const parsed = parse(raw);
  last = { raw, parsed };
  return parsed;
}

export interface ContentType {
  readonly mediaType: string;
  readonly params: ReadonlyMap<string, string>;
}

let last: { raw: string | undefined; parsed: ContentType } = { raw: undefined, parsed: { mediaType: '', params: new Map() } };

function parse(raw: string): ContentType {
  const semi = raw.indexOf(';');
  const mediaType = (semi < 0 ? raw : raw.slice(0, semi)).trim().toLowerCase();
  const params = new Map<string, string>();
  let i = semi < 0 ? raw.length : semi + 1;
  while (i < raw.length) {
    const eq = raw.indexOf('=', i);
    const nextSemi = raw.indexOf(';', i);
    if (eq < 0 || (nextSemi >= 0 && nextSemi < eq)) {
      // A parameter without a value: skip it.
      i = nextSemi < 0 ? raw.length : nextSemi + 1;
      continue;
    }
    const name = raw.slice(i, eq).trim().toLowerCase();
    let j = eq + 1;
    while (raw[j] === ' ' || raw[j] === '\t') j++;
    let value: string;
    if (raw[j] === '"') {
      value = '';
      for (j++; j < raw.length && raw[j] !== '"'; j++) value += raw[j] === '\\' && j + 1 < raw.length ? raw[++j] : raw[j];
      const end = raw.indexOf(';', j);
      i = end < 0 ? raw.length : end + 1;
    } else {
      const end = raw.indexOf(';', j);
      value = raw.slice(j, end < 0 ? raw.length : end).trim();
      i = end < 0 ? raw.length : end + 1;
    }
    if (name !== '' && !params.has(name)) params.set(name, value);
  }
  return { mediaType, params };
}

/** A SOAPAction header value without its surrounding quotes. */
export function unquoteAction(v: string): string {
  const t = v.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}
