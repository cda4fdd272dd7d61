/**
 * The SOAP envelope inside a `multipart/related` message: SOAP with Attachments (the envelope in
 * a `text/xml` or `application/soap+xml` root part) and MTOM (the envelope in an
 * `application/xop+xml` root part, binary content moved into other parts and referenced by
 * `xop:Include`). Real services answer that way; the envelope is the root part: the one the
 * `start` parameter names by its Content-ID, else the first.
 *
 * Hostile input: one pass over the bytes (each boundary found by `indexOf`), at most
 * MAX_MIME_PARTS parts, part headers at most MAX_PART_HEADER_BYTES each; nothing is decoded but
 * the headers. The body's own size limit is the caller's (the checks' `maxBytes`).
 */
import { parseContentType } from './content-type.ts';

export const MAX_MIME_PARTS = 256;
export const MAX_PART_HEADER_BYTES = 16 * 1024;

export interface MimePart {
  /** Header names lower-case. */
  headers: ReadonlyMap<string, string>;
  /** Content-ID without its angle brackets. */
  contentId?: string;
  /** The Content-Type header as written ('' when absent). */
  contentType: string;
  body: Buffer;
  /** 1-based line of the whole message where the part's body begins. */
  line: number;
}

export interface MultipartMessage {
  root: MimePart;
  parts: MimePart[];
  /** True when the root is an XOP package (application/xop+xml): MTOM. */
  xop: boolean;
  /** The media type of the envelope the root holds (XOP: its `type` parameter, else the root's media type). */
  envelopeType: string;
}

export type MultipartResult = { ok: true; message: MultipartMessage } | { ok: false; message: string; line?: number };

const CRLF_DASHES = Buffer.from('\n--');

/**
 * The parts of a multipart/related message, or undefined when the message is not one. With a
 * Content-Type (HTTP), only `multipart/related` is; without one (a saved message, as `verify`
 * reads it), a body whose first line is a boundary delimiter followed by part headers is.
 */
export function multipartOf(body: string | Uint8Array, contentType?: string): MultipartResult | undefined {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  let boundary: string | undefined;
  let start: string | undefined;
  if (contentType !== undefined) {
    const ct = parseContentType(contentType);
    if (ct.mediaType !== 'multipart/related') return undefined;
    boundary = ct.params.get('boundary');
    if (!boundary) return { ok: false, message: 'Content-Type multipart/related has no boundary parameter' };
    start = ct.params.get('start');
  } else {
    boundary = sniffBoundary(bytes);
    if (boundary === undefined) return undefined;
  }
  return split(bytes, boundary, start === undefined ? undefined : stripAngles(start));
}

/** The boundary of a body that opens with a delimiter line and a part header (`--b`, then `Content-Type: …`). */
function sniffBoundary(bytes: Buffer): string | undefined {
  let i = 0;
  while (i < bytes.length && i < 1024 && (bytes[i] === 0x0d || bytes[i] === 0x0a || bytes[i] === 0x20 || bytes[i] === 0x09)) i++;
  if (bytes[i] !== 0x2d || bytes[i + 1] !== 0x2d) return undefined;
  const eol = bytes.indexOf(0x0a, i);
  if (eol < 0 || eol - i > 74) return undefined; // RFC 2046: a boundary is at most 70 characters
  const boundary = bytes.subarray(i + 2, eol).toString('latin1').replace(/[ \t\r]+$/, '');
  if (!/^[0-9A-Za-z'()+_,\-./:=? ]{1,70}$/.test(boundary)) return undefined;
  const next = bytes.subarray(eol + 1, eol + 1 + 200).toString('latin1');
  return /^[A-Za-z][A-Za-z0-9-]*[ \t]*:/.test(next) ? boundary : undefined;
}

function stripAngles(v: string): string {
  const t = v.trim();
  return t.startsWith('<') && t.endsWith('>') ? t.slice(1, -1) : t;
}

function lineAt(bytes: Buffer, offset: number, from: { offset: number; line: number }): number {
  let line = from.line;
  for (let i = bytes.indexOf(0x0a, from.offset); i >= 0 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
  from.offset = offset;
  from.line = line;
  return line;
}

function split(bytes: Buffer, boundary: string, start: string | undefined): MultipartResult {
  const dash = Buffer.from(`--${boundary}`, 'latin1');
  // The first delimiter: at the very start or after a line break (a preamble before it is ignored).
  let at = bytes.subarray(0, dash.length).equals(dash) ? 0 : -1;
  if (at < 0) {
    const i = bytes.indexOf(Buffer.concat([CRLF_DASHES.subarray(0, 1), dash]));
    if (i < 0) return { ok: false, message: `multipart/related: no delimiter line --${boundary} in the message` };
    at = i + 1;
  }
  const delimiter = Buffer.concat([CRLF_DASHES.subarray(0, 1), dash]);
  const parts: MimePart[] = [];
  const cursor = { offset: 0, line: 1 };
  for (;;) {
    let p = at + dash.length;
    if (bytes[p] === 0x2d && bytes[p + 1] === 0x2d) break; // close delimiter
    const eol = bytes.indexOf(0x0a, p);
    if (eol < 0) return { ok: false, message: `multipart/related: the message ends inside the delimiter line of part ${parts.length + 1}`, line: lineAt(bytes, at, cursor) };
    p = eol + 1;
    if (parts.length === MAX_MIME_PARTS) return { ok: false, message: `multipart/related: more than ${MAX_MIME_PARTS} parts`, line: lineAt(bytes, at, cursor) };
    // Headers: up to the first empty line.
    const headers = new Map<string, string>();
    const headerStart = p;
    let last: string | undefined;
    for (;;) {
      const e = bytes.indexOf(0x0a, p);
      if (e < 0 || e - headerStart > MAX_PART_HEADER_BYTES) return { ok: false, message: `multipart/related: the headers of part ${parts.length + 1} do not end (no empty line within ${MAX_PART_HEADER_BYTES} bytes)`, line: lineAt(bytes, headerStart, cursor) };
      const text = bytes.subarray(p, e).toString('latin1').replace(/\r$/, '');
      p = e + 1;
      if (text === '') break;
      if ((text[0] === ' ' || text[0] === '\t') && last !== undefined) {
        headers.set(last, `${headers.get(last)!} ${text.trim()}`);
        continue;
      }
      const colon = text.indexOf(':');
      if (colon <= 0) return { ok: false, message: `multipart/related: part ${parts.length + 1} has a header line without a colon: ${JSON.stringify(text.slice(0, 60))}`, line: lineAt(bytes, e, cursor) };
      last = text.slice(0, colon).trim().toLowerCase();
      if (!headers.has(last)) headers.set(last, text.slice(colon + 1).trim());
    }
    const next = bytes.indexOf(delimiter, p - 1);
    if (next < 0) return { ok: false, message: `multipart/related: part ${parts.length + 1} has no closing delimiter --${boundary}--`, line: lineAt(bytes, p, cursor) };
    const end = next > 0 && bytes[next - 1] === 0x0d ? next - 1 : next;
    const id = headers.get('content-id');
    parts.push({ headers, ...(id !== undefined ? { contentId: stripAngles(id) } : {}), contentType: headers.get('content-type') ?? '', body: bytes.subarray(p, Math.max(p, end)), line: lineAt(bytes, p, cursor) });
    at = next + 1;
  }
  if (parts.length === 0) return { ok: false, message: 'multipart/related: the message has no parts' };
  const root = start === undefined ? parts[0]! : parts.find((x) => x.contentId === start);
  if (!root) return { ok: false, message: `multipart/related: no part has the Content-ID <${start}> that the start parameter names` };
  const encoding = (root.headers.get('content-transfer-encoding') ?? 'binary').toLowerCase();
  if (!['binary', '8bit', '7bit'].includes(encoding)) return { ok: false, message: `multipart/related: the root part's Content-Transfer-Encoding ${encoding} is not supported (binary, 8bit or 7bit)`, line: root.line };
  const ct = parseContentType(root.contentType);
  const xop = ct.mediaType === 'application/xop+xml';
  const envelopeType = xop ? (ct.params.get('type') ?? '').toLowerCase() : ct.mediaType;
  return { ok: true, message: { root, parts, xop, envelopeType } };
}

/** The content of the part a `cid:` URL names (RFC 2392: %-escaped Content-ID), decoded from its transfer encoding; undefined when there is none. */
export function partByCid(message: MultipartMessage, href: string): Buffer | undefined {
  if (!/^cid:/i.test(href)) return undefined;
  let id: string;
  try {
    id = decodeURIComponent(href.slice(4));
  } catch {
    return undefined;
  }
  const part = message.parts.find((x) => x.contentId === id);
  if (!part) return undefined;
  const encoding = (part.headers.get('content-transfer-encoding') ?? 'binary').toLowerCase();
  if (encoding === 'base64') return Buffer.from(part.body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  return part.body;
}
