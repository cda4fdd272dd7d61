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
import {
  XmlCData,
  XmlComment,
  XmlDocument,
  XmlElement,
  XmlEntityReference,
  XmlText,
  type XmlTreeNode,
} from 'libxml2-wasm';
import { openDocument } from './engine.ts';
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

const EMPTY_SCOPE: NamespaceScope = Object.freeze({ xml: 'http://www.w3.org/XML/1998/namespace' });

/** Parse a message body. Never throws for bad input; returns a failure with position instead. */
export function parseXml(input: string | Uint8Array, limits: ParseLimits = {}): ParseResult {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const opened = openDocument(input, lim);
  if (!opened.ok) return opened;
  const { doc, text, elementLines } = opened;
  try {
    if (doc.dtd) return { ok: false, kind: 'doctype', message: 'document has a DOCTYPE; DTDs are not allowed in SOAP messages' };
    const pis: XProcessingInstruction[] = [];
    const state: ConvertState = { nodes: 0, elements: 0, elementLines, lim, pis, failure: null, piTargets: piTargetsByLine(text) };
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
  /** Elements converted so far (their index in document order). */
  elements: number;
  elementLines: readonly number[];
  lim: Required<ParseLimits>;
  pis: XProcessingInstruction[];
  failure: ParseFailure | null;
  piTargets: Map<number, string>;
}

function convert(el: XmlElement, parent: XElement | null, parentScope: NamespaceScope, depth: number, st: ConvertState): XElement | null {
  if (depth > st.lim.maxDepth) {
    st.failure = { ok: false, kind: 'too-deep', message: `elements nested deeper than ${st.lim.maxDepth} levels`, line: st.elementLines[st.elements] ?? el.line };
    return null;
  }
  if (++st.nodes > st.lim.maxNodes) {
    st.failure = { ok: false, kind: 'too-deep', message: `more than ${st.lim.maxNodes} nodes`, line: st.elementLines[st.elements] ?? el.line };
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
    line: st.elementLines[st.elements++] ?? el.line,
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
