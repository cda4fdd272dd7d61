/** What both conversions of the engine's tree (./convert-memory.ts, ./convert-wrappers.ts) share. */
import type { ParseFailure, ParseLimits } from './parse.ts';
import type { NamespaceScope, XProcessingInstruction } from './tree.ts';

export interface ConvertState {
  /** Nodes converted so far (elements, texts, comments, PIs). */
  nodes: number;
  /** Elements converted so far (their index in document order). */
  elements: number;
  /** The line where each element's start tag begins, in document order (engine.ts). */
  elementLines: readonly number[];
  lim: Required<ParseLimits>;
  /** Processing instructions met so far, in document order. */
  pis: XProcessingInstruction[];
  failure: ParseFailure | null;
}

export const EMPTY_DECLARED: NamespaceScope = Object.freeze({});

export function tooManyNodes(st: ConvertState, line: number): ParseFailure {
  return { ok: false, kind: 'too-deep', message: `more than ${st.lim.maxNodes} nodes`, line };
}

/**
 * Charge the copy of a parent's namespace scope (done once per element that declares namespaces)
 * against the node budget: each copied binding is memory like a node. Without it, many declaring
 * elements under a scope of many prefixes cost (elements × prefixes): a 1 MB message of 20,000
 * prefixes and 20,000 declaring elements would copy 400 million bindings. False (with
 * `st.failure` set) when the budget is spent.
 */
export function chargeScopeCopy(st: ConvertState, parentScope: NamespaceScope, line: number): boolean {
  st.nodes += Object.keys(parentScope).length;
  if (st.nodes <= st.lim.maxNodes) return true;
  st.failure = { ok: false, kind: 'too-deep', message: `too many namespace declarations: copying the prefixes in scope to the elements that declare more would pass the limit of ${st.lim.maxNodes} nodes`, line };
  return false;
}
