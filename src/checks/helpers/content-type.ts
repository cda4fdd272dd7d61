/** Parse an HTTP Content-Type value: lower-cased media type and parameters (quotes removed). */
export function parseContentType(raw: string): { mediaType: string; params: Map<string, string> } {
  const [type = '', ...rest] = raw.split(';');
  const params = new Map<string, string>();
  for (const p of rest) {
    const i = p.indexOf('=');
    if (i < 0) continue;
    const k = p.slice(0, i).trim().toLowerCase();
    let v = p.slice(i + 1).trim();
    if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) v = v.slice(1, -1);
    params.set(k, v);
  }
  return { mediaType: type.trim().toLowerCase(), params };
}

/** A SOAPAction header value without its surrounding quotes. */
export function unquoteAction(v: string): string {
  const t = v.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}
