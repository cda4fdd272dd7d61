/**
 * Choosing and listing a run's cases without sending anything: `--operation NAME` (repeatable; `*` and
 * `?` as globs; matched against `Operation`, `Service/Operation` and `Version/Service/Operation`) keeps the
 * contract cases of matching operations and the scenarios that call one; `--list` says where each case's
 * requests would go.
 */
import type { Contract } from '../contract/model.ts';
import type { CaseFilter } from './case-filter.ts';
import type { PlannedCase, PlannedSuite, RunPlan } from './plan.ts';
import { endpointUrl, operationKey } from './values.ts';

/** A glob over operation names (`*` any run of characters, `?` one) as a whole-name RegExp. */
function globRegExp(glob: string): RegExp {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${body}$`);
}

/** True when one of the patterns names the contract's operation (by Operation, Service/Operation or Version/Service/Operation). */
export function operationMatches(c: Contract, patterns: readonly RegExp[]): boolean {
  const names = [c.operation, `${c.service}/${c.operation}`, operationKey(c)];
  return patterns.some((p) => names.some((n) => p.test(n)));
}

/**
 * The plan narrowed to the cases of the given operations: contract cases of a matching operation, and the
 * scenarios with a step that calls one. `matched` is false when nothing in the run matches.
 */
export function selectOperations(plan: RunPlan, globs: readonly string[]): { plan: RunPlan; matched: boolean } {
  if (!globs.length) return { plan, matched: true };
  const patterns = globs.map(globRegExp);
  const keep = (s: PlannedSuite, c: PlannedCase): boolean => {
    if (c.kind === 'contract') return operationMatches(c.contract, patterns);
    return c.scenario.steps.some((step) => {
      try {
        return operationMatches(s.resolveCall(step.call), patterns);
      } catch {
        return false;
      }
    });
  };
  const suites = plan.suites.map((s) => ({ ...s, cases: s.cases.filter((c) => keep(s, c)) }));
  const names = new Set(suites.flatMap((s) => s.cases.map((c) => `${s.suite.name} ${c.name}`)));
  return {
    plan: { ...plan, suites, testNames: plan.testNames.filter((n) => names.has(n)) },
    matched: names.size > 0,
  };
}

/**
 * One line per case: `<suite> <case>  →  POST <url>` (a scenario: one line per step), the embedded mock's URL as
 * `(embedded mock)/…`; a case replayed under a namespace map also names the action it is sent with.
 */
export function listCases(plan: RunPlan, filter?: CaseFilter): string[] {
  const lines: string[] = [];
  for (const s of plan.suites) {
    const base = s.endpoint ?? 'http://embedded-mock/';
    const where = (c: Contract) => {
      const url = endpointUrl(base, c.endpoint);
      return s.endpoint ? url : url.replace('http://embedded-mock/', '(embedded mock)/');
    };
    for (const c of s.cases) {
      const name = `${s.suite.name} ${c.name}`;
      if (filter && !filter.test(name)) continue;
      if (c.kind === 'contract') {
        // A replayed case shows the action it is sent with: the one moved into the new namespace.
        lines.push(`${name}  →  POST ${where(c.contract)}${c.identity.replay ? `  (replayed, action ${c.contract.action})` : ''}`);
        continue;
      }
      lines.push(name);
      for (const step of c.scenario.steps) {
        let target: string;
        try {
          target = `POST ${where(s.resolveCall(step.call))}`;
        } catch (e) {
          target = (e as Error).message;
        }
        lines.push(`  ${step.name}  →  ${target}${step.expect?.fault ? '  (expects a fault)' : ''}`);
      }
    }
  }
  return lines;
}
