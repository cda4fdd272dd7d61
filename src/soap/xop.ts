/**
 * The envelope a multipart/related message carries, as the checks read it. For MTOM (an XOP
 * package) that is the reconstructed envelope (XOP 1.0 §3.2): each `xop:Include` element is
 * replaced by the base64 text of the part its `href` names, so an element declared
 * `xs:base64Binary` holds its value again and is checked as such. An include that names no part
 * is left as it is (and reported as an element where a value is expected).
 *
 * Linear in the root part's size: includes are found by one pattern that cannot backtrack past a
 * tag; each named part is encoded once.
 */
import { multipartOf, partByCid, type MultipartMessage } from './mime.ts';

export const XOP_NS = 'http://www.w3.org/2004/08/xop/include';

export interface CarriedEnvelope {
  /** The envelope's text or bytes. */
  body: string | Uint8Array;
  /** Lines of the whole message before the envelope's first line (add to the envelope's line numbers). */
  lineOffset: number;
  /** How it travelled. */
  packaging: 'mtom' | 'swa';
}

export type CarrierResult = { ok: true; envelope: CarriedEnvelope } | { ok: false; message: string; line?: number };

/** Includes: `<p:Include … />` or `<p:Include …></p:Include>` (an empty element, as XOP requires). */
const INCLUDE = /<(?:([A-Za-z_][\w.-]*):)?Include\b([^<>]*?)(?:\/>|>\s*<\/(?:[A-Za-z_][\w.-]*:)?Include\s*>)/g;

/**
 * The envelope inside a multipart/related message (the Content-Type when it travelled over
 * HTTP; without one, a body that opens with a boundary line), or undefined when it is not one.
 */
export function envelopeOfMultipart(body: string | Uint8Array, contentType?: string): CarrierResult | undefined {
  const m = multipartOf(body, contentType);
  if (!m) return undefined;
  if (!m.ok) return m;
  const lineOffset = m.message.root.line - 1;
  if (!m.message.xop) return { ok: true, envelope: { body: m.message.root.body, lineOffset, packaging: 'swa' } };
  return { ok: true, envelope: { body: reconstruct(m.message), lineOffset, packaging: 'mtom' } };
}

function reconstruct(message: MultipartMessage): string | Uint8Array {
  const root = message.root.body;
  if (root.indexOf('Include') < 0) return root;
  const text = root.toString('utf8');
  const encoded = new Map<string, string | undefined>();
  // The prefix's binding: on the Include itself, else somewhere in the envelope (a prefix bound twice, once to XOP, is taken as XOP).
  const bound = (prefix: string | undefined, attrs: string) => {
    const attr = prefix === undefined ? 'xmlns' : `xmlns:${prefix}`;
    const own = new RegExp(`(?:^|\\s)${attr.replace(/\./g, '\\.')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attrs);
    if (own) return (own[1] ?? own[2]) === XOP_NS;
    return text.includes(`${attr}="${XOP_NS}"`) || text.includes(`${attr}='${XOP_NS}'`);
  };
  return text.replace(INCLUDE, (whole, prefix: string | undefined, attrs: string) => {
    if (!bound(prefix, attrs)) return whole;
    const href = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(attrs);
    const cid = href ? (href[1] ?? href[2] ?? '') : '';
    if (!encoded.has(cid)) encoded.set(cid, partByCid(message, cid)?.toString('base64'));
    const value = encoded.get(cid);
    if (value === undefined) return whole;
    // Keep the line count: line breaks go after the value, where base64Binary's whitespace collapses them.
    return value + '\n'.repeat(whole.split('\n').length - 1);
  });
}
