/**
 * Reading one documentation page, in either of its two forms:
 *  - markdown, with YAML front matter, `#` headings, `* **param:** text` bullets and the
 *    request/response examples in ```xml fences;
 *  - plain text scraped from the rendered page: no fences, no indentation, no markup, and
 *    noise lines (tool-tips, "1 minute to read") around the XML.
 *
 * The XML examples are found by their envelope span (`<?xml …` or `<p:Envelope` up to the
 * matching `</p:Envelope>`), not by fences, so both forms go through the same code.
 * Nothing here parses XML; infer.ts does.
 */

export interface XmlExample {
  /** 'request' or 'response', from the heading before the example (or its order on the page). */
  role: 'request' | 'response';
  /** The example's text, from `<?xml` (or the Envelope start tag) to the Envelope end tag. */
  text: string;
  /** 1-based line on the page where the example starts. */
  line: number;
}

export interface DocPage {
  /** Version label, e.g. `Services88`. */
  version: string;
  /** Agent (service) name, e.g. `User`. */
  agent: string;
  operation: string;
  /** Endpoint path, e.g. `Remote/Services88/User.svc`. */
  endpoint?: string;
  /** Operation description (markup removed), if the page has one. */
  description?: string;
  /** Parameter descriptions by lower-cased parameter name. */
  params: Map<string, string>;
  /** The `Returns:` text, if any. */
  returns?: string;
  examples: XmlExample[];
  /** An example whose Envelope start tag has no end tag on the page (it and what follows are not read). */
  unclosed?: { line: number; endTag: string };
}

/** Why a page is not an operation page. */
export type PageRejection =
  | { kind: 'wsdl'; reason: string }
  | { kind: 'no-examples'; reason: string }
  | { kind: 'unrecognised'; reason: string };

export type PageResult = { ok: true; page: DocPage } | ({ ok: false } & PageRejection);

/** `# Services88 User GetUser SOAP` (markdown) or `Services88 User GetUser` (plain): a version label ends in digits. */
const TITLE_RE = /^#?\s*([A-Za-z][\w.-]*\d)\s+(\w+)\s+(\w+)(?:\s+SOAP)?\s*$/;
const ENDPOINT_RE = /\b(Remote\/[\w.-]+\/\w+\.svc)\b/;

/** Read a page's text. Never throws. */
export function readDocPage(text: string): PageResult {
  const src = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = src.split('\n');
  if (/<wsdl:definitions\b|<definitions\s[^>]*xmlns="http:\/\/schemas\.xmlsoap\.org\/wsdl\/"/.test(src)) {
    return { ok: false, kind: 'wsdl', reason: 'a WSDL page (no request/response examples)' };
  }
  const { examples, unclosed } = scanExamples(lines);
  const titleIdx = lines.findIndex((l) => TITLE_RE.test(l.trim()));
  if (examples.length === 0) {
    if (unclosed) return { ok: false, kind: 'no-examples', reason: unclosedReason(unclosed) };
    return { ok: false, kind: 'no-examples', reason: 'no request/response examples on the page' };
  }
  if (titleIdx < 0) {
    return { ok: false, kind: 'unrecognised', reason: 'no title line "<Version> <Agent> <Operation>" (e.g. "Services88 User GetUser") found' };
  }
  const m = TITLE_RE.exec(lines[titleIdx]!.trim())!;
  const [, version, agent, operation] = m as unknown as [string, string, string, string];
  const endpoint = ENDPOINT_RE.exec(src)?.[1];
  const markdown = lines.some((l) => /^```/.test(l));
  const prose = markdown ? markdownProse(lines, operation) : plainProse(lines, operation);
  return { ok: true, page: { version, agent, operation, endpoint, ...prose, examples, ...(unclosed ? { unclosed } : {}) } };
}

export function unclosedReason(u: { line: number; endTag: string }): string {
  return `the example starting at line ${u.line} has no closing ${u.endTag}`;
}

/** Find the envelope spans, and label each by the nearest heading line above it. */
function scanExamples(lines: string[]): { examples: XmlExample[]; unclosed?: { line: number; endTag: string } } {
  const out: XmlExample[] = [];
  let i = 0;
  while (i < lines.length) {
    const start = findEnvelopeStart(lines, i);
    if (!start) break;
    const end = findEnvelopeEnd(lines, start.envelopeLine, start.prefix);
    if (end < 0) return { examples: out, unclosed: { line: start.line + 1, endTag: `</${start.prefix}Envelope>` } };
    const body = lines.slice(start.line, end + 1).join('\n');
    const text = body.slice(body.indexOf('<')).replace(/(<\/(?:[\w.-]+:)?Envelope\s*>)[\s\S]*$/, '$1');
    out.push({ role: roleFromHeading(lines, start.line) ?? (out.length === 0 ? 'request' : 'response'), text, line: start.line + 1 });
    i = end + 1;
  }
  return { examples: out };
}

function findEnvelopeStart(lines: string[], from: number): { line: number; envelopeLine: number; prefix: string } | null {
  for (let i = from; i < lines.length; i++) {
    const l = lines[i]!;
    const env = /<([\w.-]+:)?Envelope\b/.exec(l);
    if (env) {
      // Take the XML declaration just above, if there is one.
      const declAbove = i > 0 && /^\s*<\?xml\b/.test(lines[i - 1]!) ? i - 1 : i;
      return { line: declAbove, envelopeLine: i, prefix: env[1] ?? '' };
    }
    if (/^\s*<\?xml\b/.test(l)) {
      // The Envelope start tag may follow within a few lines.
      for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
        const e = /<([\w.-]+:)?Envelope\b/.exec(lines[j]!);
        if (e) return { line: i, envelopeLine: j, prefix: e[1] ?? '' };
      }
    }
  }
  return null;
}

function findEnvelopeEnd(lines: string[], from: number, prefix: string): number {
  const close = new RegExp(`</${prefix.replace(/[.]/g, '\\.')}Envelope\\s*>`);
  for (let i = from; i < lines.length; i++) if (close.test(lines[i]!)) return i;
  return -1;
}

function roleFromHeading(lines: string[], before: number): 'request' | 'response' | null {
  for (let i = before - 1; i >= 0 && i >= before - 8; i--) {
    const l = lines[i]!.trim();
    if (/\bResponse\s*$/.test(l) && !l.startsWith('<')) return 'response';
    if (/\bRequest\s*$/.test(l) && !l.startsWith('<')) return 'request';
    if (l.startsWith('</')) break;
  }
  return null;
}

interface Prose {
  description?: string;
  params: Map<string, string>;
  returns?: string;
}

/**
 * Remove inline markup (`<see …>`, `<para />`, `<b>`), markdown emphasis and links; collapse spaces. Linear: a tag
 * cannot contain `<`, link text `[`, a link target `(`, so a failed attempt stops where the next one starts (a page
 * of 200,000 `<` without `>` took minutes when `<[^>]+>` rescanned to the end from each).
 */
export function plainText(s: string): string {
  return s
    .replace(/<[^<>]+>/g, ' ')
    .replace(/\[([^[\]]*)\]\([^()]*\)/g, '$1')
    .replace(/\*\*([^*]*)\*\*/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The section `## <Operation>`: description paragraphs, `* **p:** text` bullets, `**Returns:** text`. */
function markdownProse(lines: string[], operation: string): Prose {
  const params = new Map<string, string>();
  const start = lines.findIndex((l) => l.trim() === `## ${operation}`);
  if (start < 0) return { params };
  const desc: string[] = [];
  let returns: string | undefined;
  for (let i = start + 1; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (l.startsWith('#') || l.startsWith('```') || /^\[WSDL file/.test(l) || /^Obtain a ticket/.test(l)) break;
    const bullet = /^[*-]\s+\*\*([\w.]+):\*\*\s*(.*)$/.exec(l);
    if (bullet) { params.set(bullet[1]!.toLowerCase(), plainText(bullet[2]!)); continue; }
    const ret = /^\*\*Returns:\*\*\s*(.*)$/.exec(l);
    if (ret) { returns = plainText(ret[1]!) || undefined; continue; }
    if (l) desc.push(l);
  }
  const description = plainText(desc.join(' ')) || undefined;
  return { description, params, returns };
}

/**
 * Plain text: the prose stands between the "Implemented by the" line (followed by the operation
 * name) and "Obtain a ticket" / the first example heading. Bullets are `• name: text`; noise lines
 * such as "1 minute to read" have no `name:` and are dropped.
 */
function plainProse(lines: string[], operation: string): Prose {
  const params = new Map<string, string>();
  let i = lines.findIndex((l) => /^Implemented by the\b/.test(l.trim()));
  if (i < 0) return { params };
  i++;
  if (lines[i]?.trim() === operation) i++;
  const desc: string[] = [];
  let returns: string | undefined;
  for (; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (/^(Obtain a ticket|WSDL file|Application tokens)\b/.test(l) || l === `${operation} Request` || l.startsWith('<')) break;
    if (l === operation || l === `## ${operation}`) continue; // the operation's own heading
    const bullet = /^[•*-]\s+(\w+):\s*(.*)$/.exec(l);
    if (bullet) { params.set(bullet[1]!.toLowerCase(), plainText(bullet[2]!)); continue; }
    if (/^[•*-]\s/.test(l)) continue; // noise bullet
    const ret = /^Returns:\s*(.*)$/.exec(l);
    if (ret) { returns = plainText(ret[1]!) || undefined; continue; }
    if (l) desc.push(l);
  }
  return { description: plainText(desc.join(' ')) || undefined, params, returns };
}

/**
 * Drop lines inside an example that cannot be XML (scraped tool-tip text, "Copy" buttons): a line
 * is kept when it has markup (`<`, `>`) or is an attribute continuation (`name="value"`).
 */
export function withoutNoiseLines(xml: string): string {
  return xml
    .split('\n')
    .filter((l) => /[<>]/.test(l) || /^\s*[\w.:-]+\s*=\s*["']/.test(l) || l.trim() === '')
    .join('\n');
}
