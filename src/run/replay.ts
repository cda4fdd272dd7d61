/**
 * Cross-version replay: a suite's contracts of an older version, moved into a newer version's namespaces
 * (`--namespace-map old=new`, a suite's `namespaceMap:`), so that an old client's traffic is sent to a newer
 * endpoint and its answers are checked against the old contract in the new namespaces. The moving itself is
 * src/contract/namespace-map.ts; here the suite's and the command line's maps are merged and checked, and the
 * suite's scenarios get their namespace prefixes moved too.
 */
import type { Contract } from '../contract/model.ts';
import { addMapping, mapContracts, namespacesOf, NamespaceMapError } from '../contract/namespace-map.ts';
import type { CaseReplay } from './result.ts';
import type { Scenario, Suite } from './suite.ts';

export interface ReplayPlan {
  /** The contracts to run: moved when a map applies, else those given. */
  contracts: Contract[];
  /** What each moved contract was moved to. */
  of: Map<Contract, CaseReplay>;
  /** The suite's scenarios, their namespace prefixes moved. */
  scenarios: Scenario[];
  /** The suite's map merged with the command line's (which wins for the same old URI); absent when neither has one. */
  map?: Record<string, string>;
  /** Input errors, `file:line: message`. */
  problems: string[];
}

/** How many namespaces a problem lists when a mapped one is not among them. */
const LISTED = 6;

/**
 * Plan the replay of one suite. Every namespace URI its contracts name (before moving) is added to `seen`, so that
 * the run can tell a command-line mapping nothing uses. A suite mapping nothing uses is an input error here.
 */
export function replayPlan(
  suite: Suite,
  cliMap: Readonly<Record<string, string>> | undefined,
  contracts: Contract[],
  seen: Set<string>,
  at: (place: string) => string,
): ReplayPlan {
  const used = new Set<string>();
  for (const c of contracts) for (const u of namespacesOf(c)) used.add(u);
  for (const u of used) seen.add(u);
  if (!suite.namespaceMap && !cliMap) return { contracts, of: new Map(), scenarios: suite.scenarios, problems: [] };

  const problems: string[] = [];
  const map = new Map<string, string>();
  for (const [from, to] of Object.entries(suite.namespaceMap ?? {})) {
    const where = `${at(`namespaceMap/${from}`)}: namespaceMap`;
    try {
      addMapping(map, from, to, where);
    } catch (e) {
      if (e instanceof NamespaceMapError) problems.push(e.message);
      else throw e;
    }
    // A contract-less suite has its own problem already; a mapping is checked only against contracts that loaded.
    if (contracts.length && !used.has(from)) problems.push(`${where}: no contract of this suite names ${from}${hint(from, to, used)}`);
  }
  for (const [from, to] of Object.entries(cliMap ?? {})) map.set(from, to);

  const moved = mapContracts(contracts, map);
  const of = new Map<Contract, CaseReplay>(moved.map((m) => [m.contract, m.replay]));
  const uri = (u: string): string => map.get(u) ?? u;
  const scenarios = suite.scenarios.map((s) => ({ ...s, namespaces: Object.fromEntries(Object.entries(s.namespaces).map(([p, u]) => [p, uri(u)])) }));
  return { contracts: moved.map((m) => m.contract), of, scenarios, map: Object.fromEntries(map), problems };
}

/** Why a mapping may name no contract's namespace: given the wrong way round, or which ones the contracts do name. */
export function hint(from: string, to: string, used: ReadonlySet<string>): string {
  if (used.has(to)) return ` (its contracts name ${to}: the map is old=new, was it given the wrong way round?)`;
  const names = [...used].sort();
  return ` (its contracts name ${names.slice(0, LISTED).join(', ')}${names.length > LISTED ? `, … ${names.length - LISTED} more` : ''})`;
}
