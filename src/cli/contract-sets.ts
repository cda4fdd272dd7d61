/** Loading one side of a comparison (`diff`, `crosscheck`): a folder or file of contracts, cleanly. */
import { loadContracts } from '../contract/load.ts';
import { formatProblem } from '../contract/lint.ts';
import type { Contract } from '../contract/model.ts';
import { onlyOperations } from '../diff/diff.ts';

/**
 * Load the contracts under `path`, keep those named in `names` (all when empty), and print the
 * load problems prefixed with the command's name. Null when it does not load cleanly or holds
 * no contracts (the caller exits 2).
 */
export async function loadContractSet(command: string, path: string, names: readonly string[]): Promise<Contract[] | null> {
  const { contracts: all, problems } = await loadContracts([path]);
  const contracts = onlyOperations(all, names);
  for (const p of problems) process.stderr.write(`soapcheck ${command}: ${formatProblem(p)}\n`);
  if (problems.length > 0) return null;
  if (contracts.length === 0) {
    process.stderr.write(`soapcheck ${command}: ${path}: no contracts found${names.length ? ` for --operation ${names.join(', ')}` : ''}\n`);
    return null;
  }
  return contracts;
}
