/**
 * Pack bindings in a run: each contract's pack (contracts/…/pack.yaml) says which request fields take
 * which variables. This module gathers the packs of a run's contracts, their variable declarations
 * (secret or not), and the values the bindings give each contract.
 *
 * Against a real endpoint a bound variable with no value is an input error naming the pack and the
 * variable, when some contract of the run has the bound field. On the embedded mock an unset one gives
 * its stand-in value (`mock-<NAME>`), which the mock then expects: the mock checks the bound fields of
 * every request, so a step that sends a wrong ticket gets the contract's fault there too.
 */
import type { Contract } from '../contract/model.ts';
import { packFor, type Pack } from '../contract/pack.ts';
import type { ValueMap } from './suite.ts';
import { forEachRequestField } from './values.ts';
import { Variables, VariableError, type VariableDecl } from './variables.ts';

/** The value an unset bound variable takes on the embedded mock (the mock expects the same). */
export function mockStandIn(name: string): string {
  return `mock-${name}`;
}

export interface RunPacks {
  /** The pack of each contract that has one. */
  packOf: ReadonlyMap<Contract, Pack>;
  /** Every pack variable, as a suite would declare it (a suite's own declarations win over these). */
  decls: Record<string, VariableDecl>;
  /** Problems reading the packs, each `file[:line]: message`. */
  problems: string[];
}

/** The packs of these contracts (each pack file read once). */
export function packsOf(contracts: readonly Contract[], shown: (file: string) => string): RunPacks {
  const packOf = new Map<Contract, Pack>();
  const decls: Record<string, VariableDecl> = {};
  const problems = new Set<string>();
  for (const c of contracts) {
    const found = packFor(c.file);
    for (const p of found.problems) problems.add(`${shown(p.file)}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    if (!found.pack) continue;
    packOf.set(c, found.pack);
    for (const [name, v] of Object.entries(found.pack.variables)) {
      decls[name] = { ...(decls[name]?.secret || v.secret ? { secret: true } : {}), ...(v.description ? { description: v.description } : {}) };
    }
  }
  return { packOf, decls, problems: [...problems] };
}

/**
 * The values a contract's pack bindings give it, for the fields the contract's request has. Against a real
 * endpoint (`lenient` false) an unset variable throws VariableError naming the pack file and the binding;
 * on the embedded mock it gives the variable's stand-in.
 */
export function boundValues(c: Contract, pack: Pack | undefined, vars: Variables, lenient: boolean, shown: (file: string) => string): ValueMap {
  const out: ValueMap = {};
  if (!pack) return out;
  const paths = requestPaths(c);
  for (const [path, text] of Object.entries(pack.bindings)) {
    if (!paths.has(path)) continue;
    if (lenient) {
      out[path] = text.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_m, name: string) => vars.get(name) ?? mockStandIn(name));
      continue;
    }
    const unset = Variables.references(text).find((n) => vars.get(n) === undefined);
    if (unset !== undefined) {
      throw new VariableError(
        `${shown(pack.file)}: bindings.${path}: variable \${${unset}} has no value; pack "${pack.name}" sends it in ${path} of every request that has that field (set it in the environment or pass --var ${unset}=…)`,
        pack.file,
        `bindings.${path}`,
      );
    }
    out[path] = vars.substitute(text, shown(pack.file), `bindings.${path}`);
  }
  return out;
}

const pathsOf = new WeakMap<Contract, ReadonlySet<string>>();

/** Every dotted path of the contract's request, as values use them. */
export function requestPaths(c: Contract): ReadonlySet<string> {
  let paths = pathsOf.get(c);
  if (!paths) {
    const out = new Set<string>();
    forEachRequestField(c, (path) => out.add(path));
    pathsOf.set(c, (paths = out));
  }
  return paths;
}
