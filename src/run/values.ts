/**
 * Where a contract's request goes and which values it carries: operation keys, endpoint URLs,
 * a suite's values per operation, and `${NAME}` substitution in them.
 */
import type { Contract, Field } from '../contract/model.ts';
import { clark } from '../xml/qname.ts';
import type { ValueMap } from './suite.ts';
import { Variables, VariableError } from './variables.ts';

/** `Version/Service/Operation` — the unique key of a contract. */
export function operationKey(c: Pick<Contract, 'version' | 'service' | 'operation'>): string {
  return `${c.version}/${c.service}/${c.operation}`;
}

/** endpointUrl's answers, by base and path (a run uses a handful). */
const resolvedUrls = new Map<string, string>();

/**
 * Resolve a contract endpoint path against the base URL (a base without a trailing `/` is treated as a folder).
 * The result always stays under the base's origin and path: a path that resolves anywhere else (backslashes the
 * URL parser reads as slashes, a leading space before `//host`, `../x`, a scheme; the contract schema refuses
 * them already) throws instead of sending a request, and its ticket, elsewhere.
 */
export function endpointUrl(base: string, path: string): string {
  // Every request asks again for one of a few URLs; two URL parses each time showed in profiles.
  const key = `${base}\n${path}`;
  let url = resolvedUrls.get(key);
  if (url === undefined) {
    const b = new URL(base);
    if (!b.pathname.endsWith('/')) b.pathname += '/';
    const u = new URL(path.replace(/^\/+/, ''), b);
    if (u.origin !== b.origin || !u.pathname.startsWith(b.pathname)) {
      throw new Error(`contract endpoint ${JSON.stringify(path)} resolves to ${u.origin}${u.pathname}, outside the base URL ${b.origin}${b.pathname}`);
    }
    url = u.toString();
    if (resolvedUrls.size >= 1000) resolvedUrls.clear();
    resolvedUrls.set(key, url);
  }
  return url;
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

/**
 * Calls `visit` with the dotted path (as buildMessage takes values) and the field, for every field of the
 * contract's request: header blocks and body, through named types (a type inside itself is not entered again;
 * at most 16 types deep).
 */
export function forEachRequestField(c: Contract, visit: (path: string, f: Field) => void): void {
  const walk = (fields: readonly Field[], prefix: string, typeStack: readonly string[]) => {
    for (const f of fields) {
      const path = prefix ? `${prefix}.${f.name.local}` : f.name.local;
      visit(path, f);
      if (f.fields) walk(f.fields, path, typeStack);
      const t = f.type ? c.types.get(clark(f.type)) : undefined;
      if (t?.kind === 'complex' && !typeStack.includes(clark(f.type!)) && typeStack.length < 16) walk(t.fields, path, [...typeStack, clark(f.type!)]);
    }
  };
  walk([...c.request.headers, c.request.body], '', []);
}

/**
 * `${NAME}` in a contract's request examples: the examples of the request's fields (header blocks
 * and body, through named types) that refer to variables, substituted, keyed by dotted path as
 * buildMessage takes them. Against a real endpoint an unset variable is an error naming the
 * contract file and the field; on the embedded mock (`lenient`) the example is left as written.
 */
export function contractExampleValues(c: Contract, vars: Variables, lenient: boolean): ValueMap {
  const out: ValueMap = {};
  forEachRequestField(c, (path, f) => {
    if (!f.example?.includes('${')) return;
    try {
      out[path] = vars.substitute(f.example, c.file, `request ${path} (example)`);
    } catch (e) {
      if (!(lenient && e instanceof VariableError)) throw e;
    }
  });
  return out;
}
