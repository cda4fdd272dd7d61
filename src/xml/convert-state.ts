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
