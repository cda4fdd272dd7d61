/**
 * Hostile-input XML parsing into soapcheck's plain read-only tree (./tree.ts). The engine is
 * called through ./engine.ts, which screens the input first:
 *
 * - No DTDs at all: a document with a DOCTYPE is refused before the engine sees it, so no
 *   entity is ever declared, expanded or loaded (no XXE, no billion laughs, no file reads).
 * - No network: the engine is called with NONET and NO_XXE as a second line of defence.
 * - A size limit (bytes) and an element-count limit before parsing (a cheap scan of the text, so a
 *   flood of tiny elements is refused before the engine builds millions of nodes), and a depth
 *   limit and node limit while converting. libxml2 itself refuses nesting deeper than 256 levels
 *   (XML_PARSE_HUGE is never set), and text nodes or attribute values over 10 MB.
 * - Text (a JS string) is parsed as the characters it is: an `encoding` in the XML declaration is
 *   ignored, since the text is already decoded. Bytes go to the engine as bytes, so it honours a BOM
 *   and the declared encoding and refuses bytes that are invalid in it (invalid UTF-8, say).
 */
import { convertFromMemory } from './convert-memory.ts';
import type { ConvertState } from './convert-state.ts';
import { convertFromWrappers } from './convert-wrappers.ts';
import { NativeDocument } from './native.ts';
import { openDocument } from './engine.ts';
import { engineMemory } from './engine-memory.ts';
import type { NamespaceScope, XDocument } from './tree.ts';

export interface ParseLimits {
  /** Largest input accepted, in bytes (default 16 MiB). */
  maxBytes?: number;
  /** Deepest element nesting accepted (default 256; libxml2 refuses deeper than 256 in any case). */
  maxDepth?: number;
  /** Most nodes (elements, texts, comments, PIs) accepted (default 2,000,000). */
  maxNodes?: number;
  /** Masks secrets in text quoted from the input (the start of a non-XML body) before it is shortened. Default: none. */
  mask?: (text: string) => string;
}

export const DEFAULT_LIMITS: Required<ParseLimits> = {
  maxBytes: 16 * 1024 * 1024,
  maxDepth: 256,
  maxNodes: 2_000_000,
  mask: (text) => text,
};

export type ParseFailureKind =
  /** Not XML at all: empty, HTML, JSON, plain text. */
  | 'not-xml'
  /** Looks like XML but is not well-formed. */
  | 'malformed'
  /** Has a DOCTYPE (refused: DTDs are never processed). */
  | 'doctype'
  /** Has an entity reference other than the five predefined ones. */
  | 'entity'
  /** Larger than maxBytes. */
  | 'too-large'
  /** Nested deeper than maxDepth, or more nodes than maxNodes. */
  | 'too-deep';

export interface ParseFailure {
  ok: false;
  kind: ParseFailureKind;
  message: string;
  line?: number;
  column?: number;
}

export interface ParseSuccess {
  ok: true;
  doc: XDocument;
  /** The engine's document, kept when asked (`keepNative`): the caller must dispose() it. */
  native?: NativeDocument;
}

export type ParseResult = ParseSuccess | ParseFailure;

const EMPTY_SCOPE: NamespaceScope = Object.freeze({ xml: 'http://www.w3.org/XML/1998/namespace' });

/** Parse a message body. Never throws for bad input; returns a failure with position instead. */
export function parseXml(input: string | Uint8Array, limits: ParseLimits = {}, opts: { keepNative?: boolean } = {}): ParseResult {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const opened = openDocument(input, lim);
  if (!opened.ok) return opened;
  const { doc, text, elementLines } = opened;
  let kept = false;
  try {
    if (doc.dtd) return { ok: false, kind: 'doctype', message: 'document has a DOCTYPE; DTDs are not allowed in SOAP messages' };
    const state: ConvertState = { nodes: 0, elements: 0, elementLines, lim, pis: [], failure: null };
    // No engine call from here to dispose(): the heap reader's view stays valid.
    const memory = engineMemory();
    const root = memory
      ? convertFromMemory(memory, memory.docPointer(doc), EMPTY_SCOPE, state)
      : convertFromWrappers(doc, text, EMPTY_SCOPE, state);
    if (state.failure) return state.failure;
    const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text);
    const out: ParseSuccess = { ok: true, doc: { root: root!, processingInstructions: state.pis, declaredEncoding: m ? m[1]! : null, byteOrderMark: typeof input === 'string' ? null : byteOrderMark(input) } };
    if (opts.keepNative) {
      out.native = new NativeDocument(doc);
      kept = true;
    }
    return out;
  } finally {
    if (!kept) doc.dispose();
  }
}

/** The encoding a byte order mark at the start of the bytes names, if there is one. */
function byteOrderMark(bytes: Uint8Array): XDocument['byteOrderMark'] {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return null;
}
