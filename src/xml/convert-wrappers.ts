/**
 * The engine's parsed tree → soapcheck's plain tree (./tree.ts), through libxml2-wasm's public node
 * wrappers. parse.ts uses it only when ./convert-memory.ts cannot read the engine's heap (see
 * ./engine-memory.ts); the two give the same tree.
 */
import {
  XmlCData,
  XmlComment,
  XmlDocument,
  XmlElement,
  XmlEntityReference,
  XmlNode,
  XmlText,
  XmlTreeNode,
} from 'libxml2-wasm';
import { EMPTY_DECLARED, chargeScopeCopy, tooManyNodes, type ConvertState } from './convert-state.ts';
import type { NamespaceScope, XAttribute, XElement, XNode, XProcessingInstruction } from './tree.ts';

/** Convert the document; null (with `st.failure` set) when a limit or rule refuses it. */
export function convertFromWrappers(doc: XmlDocument, text: string, scope: NamespaceScope, st: ConvertState): XElement | null {
  const piTargets = piTargetsByLine(text);
  // Processing instructions before/after the root element are siblings of the root. (XPath: a PI
  // wrapper has no prev/next, so the sibling links cannot be followed past one.)
  for (const n of doc.root.find('preceding-sibling::node()')) pushPi(n, piTargets, st.pis);
  const root = convert(doc.root, null, scope, 1, st, piTargets);
  if (!root) return null;
  for (const n of doc.root.find('following-sibling::node()')) pushPi(n, piTargets, st.pis);
  return root;
}

/** An element's child nodes, in order. A PI's wrapper has no `next`: past one, ask XPath for the list. */
function childNodes(el: XmlElement): XmlNode[] {
  const out: XmlNode[] = [];
  for (let c: XmlTreeNode | null | undefined = el.firstChild; c; c = c.next) {
    out.push(c);
    if (!(c instanceof XmlTreeNode)) return el.find('node()');
  }
  return out;
}

function pushPi(n: XmlNode, piTargets: Map<number, string>, to: XProcessingInstruction[]): XProcessingInstruction | null {
  if (n.constructor.name !== 'XmlProcessingInstructionNode') return null;
  const pi: XProcessingInstruction = { kind: 'pi', target: piTargets.get(n.line) ?? '?', line: n.line };
  to.push(pi);
  return pi;
}

/** libxml2-wasm's wrappers do not expose a PI's target; read it from the source line it stands on. */
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

function convert(el: XmlElement, parent: XElement | null, parentScope: NamespaceScope, depth: number, st: ConvertState, piTargets: Map<number, string>): XElement | null {
  if (depth > st.lim.maxDepth) {
    st.failure = { ok: false, kind: 'too-deep', message: `elements nested deeper than ${st.lim.maxDepth} levels`, line: st.elementLines[st.elements] ?? el.line };
    return null;
  }
  if (++st.nodes > st.lim.maxNodes) {
    st.failure = tooManyNodes(st, st.elementLines[st.elements] ?? el.line);
    return null;
  }
  const declared = el.nsDeclarations;
  let scope = parentScope;
  const declaredKeys = Object.keys(declared);
  if (declaredKeys.length > 0) {
    if (!chargeScopeCopy(st, parentScope, st.elementLines[st.elements] ?? el.line)) return null;
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
  for (const c of childNodes(el)) {
    if (c instanceof XmlElement) {
      const ce = convert(c, me, scope, depth + 1, st, piTargets);
      if (!ce) return null;
      children.push(ce);
      continue;
    }
    if (++st.nodes > st.lim.maxNodes) {
      st.failure = tooManyNodes(st, c.line);
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
      const pi = pushPi(c, piTargets, st.pis);
      if (pi) children.push(pi);
    }
  }
  return me;
}
