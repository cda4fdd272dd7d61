/**
 * Hostile-input XML parsing. The only module that calls the XML engine's parser.
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
import {
  ParseOption,
  XmlCData,
  XmlComment,
  XmlDocument,
  XmlElement,
  XmlEntityReference,
  XmlLibError,
  XmlText,
  type XmlTreeNode,
} from 'libxml2-wasm';
import type { NamespaceScope, XAttribute, XDocument, XElement, XNode, XProcessingInstruction } from './tree.ts';

export interface ParseLimits {
  /** Largest input accepted, in bytes (default 16 MiB). */
  maxBytes?: number;
  /** Deepest element nesting accepted (default 256; libxml2 refuses deeper than 256 in any case). */
  maxDepth?: number;
  /** Most nodes (elements, texts, comments, PIs) accepted (default 2,000,000). */
  maxNodes?: number;
}

export const DEFAULT_LIMITS: Required<ParseLimits> = {
  maxBytes: 16 * 1024 * 1024,
  maxDepth: 256,
  maxNodes: 2_000_000,
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
}

export type ParseResult = ParseSuccess | ParseFailure;

const PARSE_OPTIONS =
  ParseOption.XML_PARSE_NONET |
  ParseOption.XML_PARSE_NO_XXE |
  ParseOption.XML_PARSE_NO_SYS_CATALOG |
  ParseOption.XML_PARSE_BIG_LINES;
/** For text: it is already decoded, so the declaration's encoding must not be applied again. */
const TEXT_PARSE_OPTIONS = PARSE_OPTIONS | ParseOption.XML_PARSE_IGNORE_ENC;

const EMPTY_SCOPE: NamespaceScope = Object.freeze({ xml: 'http://www.w3.org/XML/1998/namespace' });

/** Parse a message body. Never throws for bad input; returns a failure with position instead. */
export function parseXml(input: string | Uint8Array, limits: ParseLimits = {}): ParseResult {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > lim.maxBytes) {
    return { ok: false, kind: 'too-large', message: `message is ${size} bytes, over the limit of ${lim.maxBytes} bytes` };
  }
  // For bytes, `text` serves the checks below only; the engine decodes the bytes itself.
  const text = typeof input === 'string' ? input : sniffText(input);
  const pre = precheck(text) ?? elementFlood(text, lim.maxNodes);
  if (pre) return pre;

  let doc: XmlDocument;
  try {
    doc =
      typeof input === 'string'
        ? XmlDocument.fromString(text, { option: TEXT_PARSE_OPTIONS })
        : XmlDocument.fromBuffer(input, { option: PARSE_OPTIONS });
  } catch (e) {
    return engineRefusal(e, lim);
  }
  try {
    if (doc.dtd) return { ok: false, kind: 'doctype', message: 'document has a DOCTYPE; DTDs are not allowed in SOAP messages' };
    const pis: XProcessingInstruction[] = [];
    const state: ConvertState = { nodes: 0, lim, pis, failure: null, piTargets: piTargetsByLine(text) };
    // Processing instructions before/after the root element are siblings of the root.
    collectTopLevelPis(doc, state);
    const root = convert(doc.root, null, EMPTY_SCOPE, 1, state);
    if (state.failure) return state.failure;
    const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/.exec(text);
    return { ok: true, doc: { root: root!, processingInstructions: pis, declaredEncoding: m ? m[1]! : null } };
  } finally {
    doc.dispose();
  }
}

/** Bytes as text for the pre-parse checks: UTF-16 by its BOM or its first '<', else UTF-8 (lenient). */
function sniffText(bytes: Uint8Array): string {
  const [a, b] = [bytes[0], bytes[1]];
  const le = (a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00);
  const be = (a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c);
  return new TextDecoder(le ? 'utf-16le' : be ? 'utf-16be' : 'utf-8', { fatal: false }).decode(bytes);
}

/**
 * Refuses, before parsing, a document with more start tags than maxNodes. Every element has one,
 * so this never refuses a document within the limit; it scans the text once (skipping comments,
 * CDATA sections and processing instructions, where '<' is not markup).
 */
function elementFlood(text: string, maxNodes: number): ParseFailure | null {
  let elements = 0;
  for (let i = text.indexOf('<'); i >= 0; ) {
    let next = i + 1;
    const c = text.charCodeAt(i + 1);
    if (text.startsWith('<!--', i)) next = text.indexOf('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) next = text.indexOf(']]>', i + 9);
    else if (c === 0x3f /* ? */) next = text.indexOf('?>', i + 2);
    else if (c !== 0x2f /* / */ && c !== 0x21 /* ! */ && ++elements > maxNodes) {
      const { line, column } = positionOf(text, i);
      return { ok: false, kind: 'too-deep', message: `more than ${maxNodes} elements (refused before parsing)`, line, column };
    }
    if (next < 0) return null; // unterminated comment, CDATA or PI: the engine reports it
    i = text.indexOf('<', next);
  }
  return null;
}

function precheck(text: string): ParseFailure | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.length === 0) return { ok: false, kind: 'not-xml', message: 'message is empty' };
  if (!start.startsWith('<')) {
    const what = start.startsWith('{') || start.startsWith('[') ? 'looks like JSON' : 'is plain text';
    return { ok: false, kind: 'not-xml', message: `message is not XML: it ${what} (starts with ${JSON.stringify(start.slice(0, 24))})`, line: 1, column: 1 };
  }
  if (/^<!doctype\s+html|^<html[\s>]/i.test(start)) {
    return { ok: false, kind: 'not-xml', message: 'message is not XML: it is an HTML page', line: 1, column: 1 };
  }
  const dt = text.search(/<!DOCTYPE/i);
  if (dt >= 0) {
    const { line, column } = positionOf(text, dt);
    return { ok: false, kind: 'doctype', message: 'document has a DOCTYPE; DTDs and entity declarations are not allowed in SOAP messages (refused before parsing)', line, column };
  }
  return null;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastNl = -1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) { line++; lastNl = i; }
  return { line, column: offset - lastNl };
}

/** The engine's refusal as a failure: its resource limits as too-deep / too-large, the rest as malformed. */
function engineRefusal(e: unknown, lim: Required<ParseLimits>): ParseFailure {
  if (e instanceof XmlLibError) {
    const d = e.details?.[0];
    const msg = (d?.message ?? e.message).trim();
    const at = { line: d?.line, column: d?.col };
    if (/^Excessive depth in document/.test(msg)) {
      return { ok: false, kind: 'too-deep', message: `elements nested deeper than ${Math.min(lim.maxDepth, 256)} levels`, ...at };
    }
    if (/^Resource limit exceeded|huge text node|too long/i.test(msg)) {
      return { ok: false, kind: 'too-large', message: `a text node, attribute value or name is over the engine's size limit (${msg})`, ...at };
    }
    return { ok: false, kind: 'malformed', message: `not well-formed XML: ${msg}`, ...at };
  }
  return { ok: false, kind: 'malformed', message: `not well-formed XML: ${e instanceof Error ? e.message : String(e)}` };
}

function collectTopLevelPis(doc: XmlDocument, st: ConvertState): void {
  let n = doc.root.prev;
  while (n) { pushPi(n, st); n = n.prev; }
  n = doc.root.next;
  while (n) { pushPi(n, st); n = n.next; }
}

function pushPi(n: XmlTreeNode, st: ConvertState): XProcessingInstruction | null {
  if (n.constructor.name !== 'XmlProcessingInstructionNode') return null;
  const pi: XProcessingInstruction = { kind: 'pi', target: st.piTargets.get(n.line) ?? '?', line: n.line };
  st.pis.push(pi);
  return pi;
}

/** libxml2-wasm does not expose a PI's target; read it from the source line it stands on. */
function piTargetsByLine(text: string): Map<number, string> {
  const out = new Map<number, string>();
  if (!text.includes('<?')) return out;
  const re = /<\?([A-Za-z_][\w.:-]*)/g;
  let line = 1;
  let scanned = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (; scanned < m.index; scanned++) if (text.charCodeAt(scanned) === 10) line++;
    if (m[1]!.toLowerCase() === 'xml') continue;
    if (!out.has(line)) out.set(line, m[1]!);
  }
  return out;
}

interface ConvertState {
  nodes: number;
  lim: Required<ParseLimits>;
  pis: XProcessingInstruction[];
  failure: ParseFailure | null;
  piTargets: Map<number, string>;
}

function convert(el: XmlElement, parent: XElement | null, parentScope: NamespaceScope, depth: number, st: ConvertState): XElement | null {
  if (depth > st.lim.maxDepth) {
    st.failure = { ok: false, kind: 'too-deep', message: `elements nested deeper than ${st.lim.maxDepth} levels`, line: el.line };
    return null;
  }
  if (++st.nodes > st.lim.maxNodes) {
    st.failure = { ok: false, kind: 'too-deep', message: `more than ${st.lim.maxNodes} nodes`, line: el.line };
    return null;
  }
  const declared = el.nsDeclarations;
  let scope = parentScope;
  const declaredKeys = Object.keys(declared);
  if (declaredKeys.length > 0) {
    const s: Record<string, string> = { ...parentScope };
    for (const k of declaredKeys) s[k] = declared[k]!;
    scope = Object.freeze(s);
  }
  const attrs: XAttribute[] = el.attrs.map((a) => ({ local: a.name, ns: a.namespaceUri ?? '', prefix: a.prefix ?? '', value: a.value }));
  const children: XNode[] = [];
  const me: XElement = {
    kind: 'element',
    local: el.name,
    ns: el.namespaceUri ?? '',
    prefix: el.prefix ?? '',
    attrs,
    children,
    line: el.line,
    scope,
    declared: declaredKeys.length ? Object.freeze({ ...declared }) : EMPTY_DECLARED,
    parent,
  };
  for (let c = el.firstChild; c; c = c.next) {
    if (st.failure) return null;
    if (c instanceof XmlElement) {
      const ce = convert(c, me, scope, depth + 1, st);
      if (!ce) return null;
      children.push(ce);
      continue;
    }
    if (++st.nodes > st.lim.maxNodes) {
      st.failure = { ok: false, kind: 'too-deep', message: `more than ${st.lim.maxNodes} nodes`, line: c.line };
      return null;
    }
    if (c instanceof XmlText) children.push({ kind: 'text', value: c.content, cdata: false, line: c.line });
    else if (c instanceof XmlCData) children.push({ kind: 'text', value: c.content, cdata: true, line: c.line });
    else if (c instanceof XmlComment) children.push({ kind: 'comment', value: c.content, line: c.line });
    else if (c instanceof XmlEntityReference) {
      // Never read its content: that would expand it.
      st.failure = { ok: false, kind: 'entity', message: `entity reference &${c.name}; is not allowed`, line: c.line };
      return null;
    } else {
      const pi = pushPi(c, st);
      if (pi) children.push(pi);
    }
  }
  return me;
}

const EMPTY_DECLARED: NamespaceScope = Object.freeze({});
