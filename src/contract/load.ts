/**
 * Contract loading: YAML with source positions, JSON Schema validation (ajv), QName and type
 * resolution. STUB — being implemented; the signatures below are the interface others use.
 */
import type { Contract, ContractDoc, ContractProblem, TypesDoc } from './model.ts';

export interface LoadOutcome {
  contracts: Contract[];
  problems: ContractProblem[];
}

/**
 * Load every contract under the given files/folders (folders are walked for `*.yaml`, skipping
 * `types.yaml` files, which are loaded as the types of the contracts beside them, and
 * `*.suite.yaml`). Never throws for bad input: problems are returned with positions.
 */
export async function loadContracts(paths: string[]): Promise<LoadOutcome> {
  void paths;
  throw new Error('loadContracts: not implemented yet');
}

/** Resolve an in-memory contract (and its types) — for tests and for importers. */
export function resolveContract(doc: ContractDoc, file: string, types?: { doc: TypesDoc; file: string }): { contract?: Contract; problems: ContractProblem[] } {
  void doc; void file; void types;
  throw new Error('resolveContract: not implemented yet');
}
