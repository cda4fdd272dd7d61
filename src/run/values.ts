/**
 * Where a contract's request goes and which values it carries: operation keys, endpoint URLs,
 * a suite's values per operation, and `${NAME}` substitution in them.
 */
import type { Contract } from '../contract/model.ts';
import type { ValueMap } from './suite.ts';
import { Variables, VariableError } from './variables.ts';

/** `Version/Service/Operation` — the unique key of a contract. */
export function operationKey(c: Pick<Contract, 'version' | 'service' | 'operation'>): string {
  return `${c.version}/${c.service}/${c.operation}`;
}

/** Resolve a contract endpoint path against the base URL (a base without a trailing `/` is treated as a folder). */
export function endpointUrl(base: string, path: string): string {
  const b = new URL(base);
  if (!b.pathname.endsWith('/')) b.pathname += '/';
  return new URL(path.replace(/^\/+/, ''), b).toString();
}

/** Values for one contract from a suite's `values` map: `*` < `Service/Operation` < `Version/Service/Operation`. */
export function valuesFor(c: Contract, byOperation: Readonly<Record<string, ValueMap>>): ValueMap {
  return {
    ...(byOperation['*'] ?? {}),
    ...(byOperation[`${c.service}/${c.operation}`] ?? {}),
    ...(byOperation[operationKey(c)] ?? {}),
  };
}

/**
 * Substitute `${NAME}` in values. With `lenient` (the embedded mock), a value whose variable has
 * no value is dropped, so the contract's example is used; otherwise it is an input error.
 */
export function resolveValues(values: ValueMap, vars: Variables, file: string, key: string, lenient: boolean): ValueMap {
  const out: ValueMap = {};
  for (const [k, v] of Object.entries(values)) {
    try {
      out[k] = vars.substitute(v, file, `${key}.${k}`);
    } catch (e) {
      if (lenient && e instanceof VariableError) continue;
      throw e;
    }
  }
  return out;
}
