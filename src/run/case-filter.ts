/**
 * The `-t` filter: a user's regular expression over case names (`<suite> <case>`). Like a suite's `matches:`
 * pattern it runs bounded in time (./bounded-regexp.ts, decision 0005): every case name of the run is matched
 * once, up front, each match at most MATCH_TIMEOUT_MS; a pattern that runs longer on a name is an input error
 * naming that case, not a hang. Afterwards the filter is a set lookup.
 */
import { boundedTest, MATCH_TIMEOUT_MS } from './bounded-regexp.ts';

/** Which cases a run keeps, by `<suite> <case>` name (a RegExp is one, unbounded: tests only). */
export interface CaseFilter {
  test(name: string): boolean;
}

export type CaseFilterResult = { ok: true; filter: CaseFilter; matched: number } | { ok: false; message: string };

export function caseFilter(pattern: RegExp, names: readonly string[], timeoutMs = MATCH_TIMEOUT_MS): CaseFilterResult {
  const kept = new Set<string>();
  for (const name of names) {
    const r = boundedTest(pattern, name, timeoutMs);
    if (!r.ok) return { ok: false, message: `on the case name ${JSON.stringify(name)}: ${r.message}` };
    if (r.matched) kept.add(name);
  }
  return { ok: true, matched: kept.size, filter: { test: (name) => kept.has(name) } };
}
