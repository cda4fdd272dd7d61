/**
 * Redaction: secrets (tickets, tokens, passwords, `SecretValue`, fields marked `secret: true`) become `***`
 * before anything reaches a report, an attachment or a log.
 *
 * Two mechanisms, used together:
 * - known values: every value registered with `addSecret` is replaced wherever it appears, by meaning: the text is
 *   also searched in its decoded form (entity and character references, CDATA split, comments inside, %-escapes,
 *   JSON escapes; see decoded-text.ts), so no spelling of the value survives;
 * - known places: the content of XML elements (and attributes) whose local name is secret, HTTP headers that
 *   carry credentials, object keys and URL query parameters with secret names — replaced even when the value was
 *   never registered (e.g. a `SecretValue` that a server sends back).
 */
import { decodeLevels } from './decoded-text.ts';

export const MASK = '***';

/** Values shorter than this are not registered: masking "1" or "no" everywhere would ruin reports, not protect. */
export const MIN_SECRET_LENGTH = 4;

/** Local names of XML elements/attributes (and object keys) whose content is always secret. Compared case-insensitively. */
export const DEFAULT_SECRET_NAMES: readonly string[] = [
  'Ticket',
  'ApplicationToken',
  'SecretValue',
  'Password',
  'NewPassword',
  'OldPassword',
  'Secret',
  'ClientSecret',
  'AccessToken',
  'RefreshToken',
  'Token',
  'ApiKey',
];

/** Header names that always carry credentials (lower-case). */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
/** Any header whose name mentions one of these is secret too (X-Api-Token, X-Auth-Ticket, X-Api-Key, …). */
const SECRET_HEADER_WORDS = /token|ticket|secret|password|passwd|api-?key|auth/i;
/**
 * `scheme://user:password@` (groups: up to the user name, the password). Linear: a scheme starts only where a run
 * of scheme characters starts (the look-behind), so no run is scanned twice, and the user name and password stop
 * at the first `:`/`@`/delimiter after their `://`.
 */
const USER_INFO = /((?<![a-z0-9+.-])[a-z][a-z0-9+.-]*:\/\/[^\s/?#@:"'<>]*):([^\s/?#@"'<>]+)@/gi;

/**
 * `?key=value`, `&key=value`, `;key=value` (groups: separator, key, value). Linear: a key cannot contain a
 * separator, so every failed attempt stops at the next one (`;;;;…` costs one step per character).
 */
const QUERY_PARAM = /([?&;])([^=&#\s"'<>?;]+)=([^&#\s"'<>]*)/g;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Redactor {
  readonly #values = new Set<string>();
  readonly #names = new Set<string>();
  #valuePattern: RegExp | null | undefined;
  #attrPattern: RegExp | undefined;
  #namePattern: RegExp | undefined;
  #version = 0;

  constructor(options: { secrets?: Iterable<string>; secretNames?: Iterable<string> } = {}) {
    for (const n of DEFAULT_SECRET_NAMES) this.#names.add(n.toLowerCase());
    for (const n of options.secretNames ?? []) this.addSecretName(n);
    for (const v of options.secrets ?? []) this.addSecret(v);
  }

  /**
   * Register a secret value. Empty, whitespace-only and very short values (under MIN_SECRET_LENGTH characters)
   * are ignored: they cannot be masked without masking ordinary text. Returns whether the value was registered.
   */
  addSecret(value: string | undefined | null): boolean {
    if (typeof value !== 'string') return false;
    const v = value.trim();
    if (v.length < MIN_SECRET_LENGTH) return false;
    const before = this.#values.size;
    for (const form of [...spellings(value), ...spellings(v)]) {
      if (form.trim().length >= MIN_SECRET_LENGTH) this.#values.add(form);
    }
    if (this.#values.size !== before) {
      this.#valuePattern = undefined;
      this.#version++;
    }
    return true;
  }

  /** Register a local name (element, attribute, object key) whose content is always secret, e.g. a field marked `secret: true`. */
  addSecretName(localName: string): void {
    const n = localName.trim().toLowerCase();
    if (!n || this.#names.has(n)) return;
    this.#names.add(n);
    this.#attrPattern = undefined;
    this.#namePattern = undefined;
    this.#version++;
  }

  /**
   * Changes whenever a secret value or name is registered: a redacted text cached together with the version it
   * was made at is still what `redact*` would return while the version stays the same.
   */
  get version(): number {
    return this.#version;
  }

  /** True when `name` (an element local name or object key) is secret. */
  isSecretName(name: string): boolean {
    return this.#names.has(name.toLowerCase());
  }

  get secretCount(): number {
    return this.#values.size;
  }

  /**
   * Every registered value → `***`, longest first: as written, and wherever the decoded text (references, CDATA,
   * comments, %-escapes, JSON escapes undone) spells it, over the whole original span that spells it.
   */
  redact(text: string): string {
    if (!text) return text;
    const re = this.#values.size === 0 ? null : (this.#valuePattern ??= buildValuePattern(this.#values));
    return re ? maskDecoded(text.replace(re, MASK), re) : text;
  }

  /**
   * The content of every element whose local name is secret (any prefix) → `***`, children included; attributes
   * with a secret local name get a `***` value. Works on text, not a parse tree, so malformed or truncated XML is
   * redacted too and the rest stays byte-for-byte. Registered values are redacted as well.
   */
  redactXml(body: string, secretLocalNames?: Iterable<string>): string {
    return body ? this.redact(this.#secretPlaces(body, secretLocalNames)) : body;
  }

  /** redactXml without the search for registered values. */
  #secretPlaces(body: string, secretLocalNames?: Iterable<string>): string {
    let names = this.#names;
    let attrRe: RegExp;
    let nameRe: RegExp;
    if (secretLocalNames) {
      names = new Set(this.#names);
      for (const n of secretLocalNames) if (n.trim()) names.add(n.trim().toLowerCase());
      attrRe = buildAttrPattern(names);
      nameRe = buildNamePattern(names);
    } else {
      attrRe = this.#attrPattern ??= buildAttrPattern(this.#names);
      nameRe = this.#namePattern ??= buildNamePattern(this.#names);
    }
    // Most messages name no secret element or attribute at all: one search for the names (any case) rules that
    // out, and the tag-by-tag pass is skipped (secret names are matched case-insensitively, so a text without
    // any of them, in any case, has nothing for that pass to mask).
    nameRe.lastIndex = 0;
    if (!nameRe.test(body)) return body;
    return maskSecretXml(body, names, attrRe, nameRe);
  }

  /**
   * Any text: secret elements and attributes (`redactXml`), URL secrets (`redactUrl`), registered values — the
   * value search (the costly part on escaped text: it reads the text decoded) made once.
   */
  redactText(text: string): string {
    return text ? this.redact(this.#urlSecrets(text.includes('<') ? this.#secretPlaces(text) : text)) : text;
  }

  /** Credential headers (Authorization, Cookie, Set-Cookie, X-*-Token, X-Api-Key, …) → `***`; other values get `redact`. */
  redactHeaders<T extends Record<string, string | string[] | undefined>>(headers: T): T {
    const out: Record<string, string | string[] | undefined> = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value === undefined) {
        out[name] = value;
      } else if (isSecretHeader(name)) {
        out[name] = Array.isArray(value) ? value.map(maskHeaderValue) : maskHeaderValue(value);
      } else {
        out[name] = Array.isArray(value) ? value.map((v) => this.redactUrl(this.redact(v))) : this.redactUrl(this.redact(value));
      }
    }
    return out as T;
  }

  /**
   * Query parameters with a secret name (`?ticket=…&apiKey=…`) → `***`; the password of a URL's user
   * info (`https://user:***@host/`); registered values too.
   */
  redactUrl(text: string): string {
    return text ? this.redact(this.#urlSecrets(text)) : text;
  }

  /** redactUrl without the search for registered values. */
  #urlSecrets(text: string): string {
    if (text.includes('@')) text = text.replace(USER_INFO, `$1:${MASK}@`);
    if (!text.includes('=')) return text;
    return text.replace(QUERY_PARAM, (m, sep: string, key: string, val: string) => {
      let k = key;
      try {
        k = decodeURIComponent(key);
      } catch {
        /* keep raw */
      }
      return val && this.isSecretName(k) ? `${sep}${key}=${MASK}` : m;
    });
  }

  /**
   * A deep copy of `value` with every string redacted: XML-looking strings with `redactXml`, others with
   * `redact`/`redactUrl`; properties named like secrets (`password`, `ticket`, …) and credential headers
   * (`authorization`, `cookie`, …) masked whole. Cycles are cut; functions dropped.
   */
  redactDeep<T>(value: T): T {
    return this.#deep(value, new WeakSet()) as T;
  }

  #deep(value: unknown, seen: WeakSet<object>): unknown {
    if (typeof value === 'string') return this.#string(value);
    if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
    if (seen.has(value)) return '[circular]';
    seen.add(value);
    try {
      if (Array.isArray(value)) return value.map((v) => this.#deep(v, seen));
      if (value instanceof Date) return new Date(value.getTime());
      if (value instanceof Error) {
        return { name: value.name, message: this.#string(value.message) };
      }
      if (value instanceof Uint8Array) return this.#string(Buffer.from(value).toString('utf8'));
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        if (typeof v === 'string' && v !== '' && (this.isSecretName(k) || isSecretHeader(k))) {
          out[k] = isSecretHeader(k) ? maskHeaderValue(v) : MASK;
        } else {
          out[k] = this.#deep(v, seen);
        }
      }
      return out;
    } finally {
      seen.delete(value);
    }
  }

  #string(s: string): string {
    return this.redactText(s);
  }
}

/**
 * The spellings searched for, in the text as written and in its decoded form: the value itself and its
 * form-encoded spelling (`+` for spaces, which decoding cannot undo: `+` is also an ordinary character).
 */
function spellings(v: string): string[] {
  return v.includes(' ') ? [v, v.replace(/ /g, '+')] : [v];
}

/**
 * The registered values found in the decoded text (at any level of decoding: see decodeLevels), masked over the
 * original spans that spell them. A match that starts or ends inside a reference or an escape covers all of it, so
 * no half of an escape is left behind.
 */
function maskDecoded(text: string, re: RegExp): string {
  const spans: Array<[number, number]> = [];
  for (const view of decodeLevels(text)) {
    re.lastIndex = 0;
    for (let m = re.exec(view.text); m; m = re.exec(view.text)) {
      spans.push([view.start[m.index]!, view.end[m.index + m[0].length - 1]!]);
    }
  }
  if (spans.length === 0) return text;
  spans.sort((a, b) => a[0] - b[0]);
  const out: string[] = [];
  let copied = 0;
  for (const [from, to] of spans) {
    if (from < copied) {
      copied = Math.max(copied, to); // overlaps the span masked last (a match at another level): one mask for both
      continue;
    }
    out.push(text.slice(copied, from), MASK);
    copied = to;
  }
  if (copied === 0) return text;
  out.push(text.slice(copied));
  return out.join('');
}

function buildValuePattern(values: Set<string>): RegExp | null {
  if (values.size === 0) return null;
  const sorted = [...values].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(sorted.join('|'), 'g');
}

/** Any secret name, any case, anywhere (global: `lastIndex` says where a search starts). */
function buildNamePattern(names: Set<string>): RegExp {
  return new RegExp(namesAlternation(names), 'gi');
}

function namesAlternation(names: Set<string>): string {
  return [...names].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

/**
 * Masks the content of secret elements and the values of secret attributes in one left-to-right pass over the
 * text (linear time: no regular expression that could backtrack on hostile input). Not a parser: malformed or
 * truncated XML is handled too, and everything else stays byte-for-byte.
 */
function maskSecretXml(body: string, names: ReadonlySet<string>, attrRe: RegExp, nameRe: RegExp): string {
  const out: string[] = [];
  let copied = 0; // body[0, copied) is already in `out`
  // Where the next secret name (any case) starts at or after `from`; Infinity when none. A start tag with no
  // such place inside it has no secret name and no secret attribute: it is passed over without a closer look.
  let hit = -1;
  const nameAtOrAfter = (from: number): number => {
    if (hit >= from) return hit;
    nameRe.lastIndex = from;
    const m = nameRe.exec(body);
    hit = m ? m.index : Infinity;
    return hit;
  };
  let i = body.indexOf('<');
  while (i >= 0 && i < body.length) {
    const next = body.charCodeAt(i + 1);
    // End tags, comments, CDATA, DOCTYPE, processing instructions: not start tags. Their insides are scanned
    // like the rest, so a secret element hidden in a comment or CDATA section is masked too.
    if (next === 0x2f /* / */ || next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      i = body.indexOf('<', i + 1);
      continue;
    }
    const tagEnd = endOfTag(body, i);
    if (tagEnd === TRUNCATED) break;
    if (body.charCodeAt(tagEnd) === 0x3c) {
      i = tagEnd; // malformed tag: resume at the '<' that interrupted it
      continue;
    }
    if (nameAtOrAfter(i + 1) > tagEnd) {
      i = body.indexOf('<', tagEnd + 1);
      continue;
    }
    QNAME.lastIndex = i + 1;
    const m = QNAME.exec(body);
    if (!m) {
      i = body.indexOf('<', i + 1);
      continue;
    }
    const qname = m[0];
    const local = (qname.includes(':') ? qname.slice(qname.indexOf(':') + 1) : qname).toLowerCase();
    // Secret attributes, in this start tag only.
    const tag = body.slice(i, tagEnd + 1);
    if (tag.includes('=')) {
      const masked = tag.replace(attrRe, (_m, lead: string, quote: string) => `${lead}${quote}${MASK}${quote}`);
      if (masked !== tag) {
        out.push(body.slice(copied, i), masked);
        copied = tagEnd + 1;
      }
    }
    const selfClosing = body.charCodeAt(tagEnd - 1) === 0x2f;
    if (!names.has(local) || selfClosing) {
      i = body.indexOf('<', tagEnd + 1);
      continue;
    }
    // A secret element: its content, children included, up to the first end tag of the same name.
    const contentStart = tagEnd + 1;
    const endTag = new RegExp(`</${escapeRegExp(qname)}\\s*>`, 'g');
    endTag.lastIndex = contentStart;
    const close = endTag.exec(body);
    const contentEnd = close ? close.index : body.length;
    const content = body.slice(contentStart, contentEnd);
    if (copied < contentStart) out.push(body.slice(copied, contentStart));
    // Empty content stays empty: "no ticket was sent" is worth seeing and reveals nothing.
    out.push(content.trim() === '' ? content : MASK);
    copied = contentEnd;
    if (!close) break; // cut off inside a secret element: everything after its start tag is masked
    i = body.indexOf('<', close.index + close[0].length);
  }
  if (copied === 0) return body;
  out.push(body.slice(copied));
  return out.join('');
}

/** An element or attribute name at a position (sticky). */
const QNAME = /[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/y;

const TRUNCATED = -1;

/**
 * Index of the `>` ending the start tag at `start` (quoted attribute values honoured); or of a `<` met before it
 * (malformed: `<` cannot appear in a tag, not even in an attribute value); or TRUNCATED at the end of the text.
 */
function endOfTag(body: string, start: number): number {
  let quote = 0;
  for (let j = start + 1; j < body.length; j++) {
    const c = body.charCodeAt(j);
    if (c === 0x3c /* < */) return j;
    if (quote) {
      if (c === quote) quote = 0;
    } else if (c === 0x22 || c === 0x27) {
      quote = c;
    } else if (c === 0x3e /* > */) {
      return j;
    }
  }
  return TRUNCATED;
}

/** ` Name="value"` / ` p:Name='value'` with a secret local name; groups: lead (up to `=`), quote. */
function buildAttrPattern(names: Set<string>): RegExp {
  const alt = namesAlternation(names);
  return new RegExp(`(\\s(?:[A-Za-z_][\\w.-]*:)?(?:${alt})\\s*=\\s*)(["'])(?:(?!\\2)[^<])*\\2`, 'gi');
}

function isSecretHeader(name: string): boolean {
  const n = name.toLowerCase();
  if (SECRET_HEADERS.has(n)) return true;
  return SECRET_HEADER_WORDS.test(n) && (n.startsWith('x-') || n.includes('token') || n.includes('api-key') || n.includes('apikey'));
}

/** `Bearer abc` → `Bearer ***` (the scheme helps debugging and is not secret); anything else → `***`. */
function maskHeaderValue(v: string): string {
  const m = /^(Basic|Bearer|Digest|Negotiate|NTLM|SO|Token|SOTicket)\s+\S/i.exec(v);
  return m ? `${m[1]} ${MASK}` : MASK;
}
