/**
 * The engine's parsed tree → soapcheck's plain tree (./tree.ts), read straight from WebAssembly
 * memory (./engine-memory.ts): a few typed-array loads per node instead of a wrapper object and
 * several calls into the engine per field. Produces the same tree as ./convert-wrappers.ts, which
 * parse.ts uses when the heap cannot be read; the limits are enforced the same way.
 */
import { NodeType, type EngineMemory } from './engine-memory.ts';
import { EMPTY_DECLARED, chargeScopeCopy, tooManyNodes, type ConvertState } from './convert-state.ts';
import type { NamespaceScope, XAttribute, XElement, XNode, XProcessingInstruction } from './tree.ts';

/** Convert the document at `docPtr`; null (with `st.failure` set) when a limit or rule refuses it. */
export function convertFromMemory(m: EngineMemory, docPtr: number, scope: NamespaceScope, st: ConvertState): XElement | null {
  let root: XElement | null = null;
  for (let c = m.firstChild(docPtr); c; c = m.next(c)) {
    const t = m.type(c);
    if (t === NodeType.element && !root) {
      root = element(m, c, null, scope, 1, st);
      if (!root) return null;
    } else if (t === NodeType.pi) st.pis.push(pi(m, c));
  }
  return root;
}

function pi(m: EngineMemory, p: number): XProcessingInstruction {
  return { kind: 'pi', target: m.name(p), line: m.line(p) };
}

function element(m: EngineMemory, p: number, parent: XElement | null, parentScope: NamespaceScope, depth: number, st: ConvertState): XElement | null {
  if (depth > st.lim.maxDepth) {
    st.failure = { ok: false, kind: 'too-deep', message: `elements nested deeper than ${st.lim.maxDepth} levels`, line: st.elementLines[st.elements] ?? m.line(p) };
    return null;
  }
  if (++st.nodes > st.lim.maxNodes) {
    st.failure = tooManyNodes(st, st.elementLines[st.elements] ?? m.line(p));
    return null;
  }
  let scope = parentScope;
  let declared = EMPTY_DECLARED;
  let d = m.firstNsDef(p);
  if (d) {
    if (!chargeScopeCopy(st, parentScope, st.elementLines[st.elements] ?? m.line(p))) return null;
    const inScope: Record<string, string> = { ...parentScope };
    const own: Record<string, string> = {};
    for (; d; d = m.nextNs(d)) {
      const prefix = m.nsPrefix(d);
      own[prefix] = inScope[prefix] = m.nsHref(d);
    }
    scope = Object.freeze(inScope);
    declared = Object.freeze(own);
  }
  const attrs: XAttribute[] = [];
  for (let a = m.firstAttr(p); a; a = m.next(a)) {
    const ans = m.ns(a);
    let value = '';
    for (let t = m.firstChild(a); t; t = m.next(t)) {
      if (m.type(t) !== NodeType.text) {
        // Only an entity reference can stand here; never read its content (that would expand it).
        st.failure = { ok: false, kind: 'entity', message: `entity reference &${m.name(t)}; is not allowed`, line: st.elementLines[st.elements] ?? m.line(p) };
        return null;
      }
      value += m.content(t);
    }
    attrs.push({ local: m.name(a), ns: ans ? m.nsHref(ans) : '', prefix: ans ? m.nsPrefix(ans) : '', value });
  }
  const ens = m.ns(p);
  const children: XNode[] = [];
  const me: XElement = {
    kind: 'element',
    local: m.name(p),
    ns: ens ? m.nsHref(ens) : '',
    prefix: ens ? m.nsPrefix(ens) : '',
    attrs,
    children,
    line: st.elementLines[st.elements++] ?? m.line(p),
    scope,
    declared,
    parent,
  };
  for (let c = m.firstChild(p); c; c = m.next(c)) {
    const t = m.type(c);
    if (t === NodeType.element) {
      const ce = element(m, c, me, scope, depth + 1, st);
      if (!ce) return null;
      children.push(ce);
      continue;
    }
    if (++st.nodes > st.lim.maxNodes) {
      st.failure = tooManyNodes(st, m.line(c));
      return null;
    }
    if (t === NodeType.text) children.push({ kind: 'text', value: m.content(c), cdata: false, line: m.line(c) });
    else if (t === NodeType.cdata) children.push({ kind: 'text', value: m.content(c), cdata: true, line: m.line(c) });
    else if (t === NodeType.comment) children.push({ kind: 'comment', value: m.content(c), line: m.line(c) });
    else if (t === NodeType.entityRef) {
      // Never read its content: that would expand it.
      st.failure = { ok: false, kind: 'entity', message: `entity reference &${m.name(c)}; is not allowed`, line: m.line(c) };
      return null;
    } else if (t === NodeType.pi) {
      const node = pi(m, c);
      st.pis.push(node);
      children.push(node);
    }
  }
  return me;
}
