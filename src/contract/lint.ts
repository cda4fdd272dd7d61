/**
 * Linting contracts: load them (schema, QNames, types, duplicates) and report every problem as
 * `file:line:col  code  message  (pointer)`, or as JSON.
 */
import type { ContractProblem } from './model.ts';
import { loadContracts } from './load.ts';

export interface LintResult {
  /** Contract files checked. */
  contracts: number;
  /** Types files checked. */
  typesFiles: number;
  /** Every problem, ordered by file, then line, then column. */
  problems: ContractProblem[];
}

/** Lint the contracts under the given files or folders. */
export async function lintContracts(paths: string[]): Promise<LintResult> {
  const out = await loadContracts(paths);
  const problems = [...out.problems];
  if (out.contractFiles.length === 0 && out.typesFiles.length === 0 && !problems.some((p) => p.code === 'io')) {
    problems.push({ file: paths.join(', '), code: 'no-contracts', message: `no contract files (*.yaml) found in ${paths.join(', ')}` });
  }
  problems.sort(byPosition);
  return { contracts: out.contractFiles.length, typesFiles: out.typesFiles.length, problems };
}

function byPosition(a: ContractProblem, b: ContractProblem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** `file:line:col  code  message  (pointer)` — position and pointer only where known. */
export function formatProblem(p: ContractProblem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  const pointer = p.pointer !== undefined ? `  (${p.pointer})` : '';
  return `${where}  ${p.code}  ${p.message}${pointer}`;
}

/** The closing count line. */
export function formatSummary(r: LintResult): string {
  const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
  return `${n(r.contracts, 'contract', 'contracts')}, ${n(r.typesFiles, 'types file', 'types files')}, ${n(r.problems.length, 'problem', 'problems')}`;
}
