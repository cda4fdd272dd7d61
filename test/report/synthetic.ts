/** Synthetic case results and run events for feeding reporters many cases quickly. */
import type { Finding } from '../../src/checks/api.ts';
import type { RunEnd, RunListener, RunOutcome, RunStart } from '../../src/run/events.ts';
import type { CaseResult, CaseStatus } from '../../src/run/result.ts';

export const finding = (rule: string, over: Partial<Finding> = {}): Finding => ({
  rule,
  severity: 'error',
  message: `${rule} broken`,
  path: '/Envelope/Body/Op',
  expected: 'this',
  actual: 'that',
  ...over,
});

/** A contract case named `Services88/Svc/Op<i>`. */
export function contractCase(i: number, status: CaseStatus, findings: Finding[] = [], error?: string): CaseResult {
  return {
    id: `demo/Svc/Services88/Op${i}`,
    name: `Services88/Svc/Op${i}`,
    kind: 'contract',
    suite: 'demo',
    contract: { file: `contracts/Svc/Op${i}.yaml`, service: 'Svc', version: 'Services88', operation: `Op${i}` },
    status,
    findings,
    durationMs: 1,
    ...(error ? { error } : {}),
  };
}

export function runStart(cases: readonly CaseResult[], environment: Record<string, string> = {}): RunStart {
  return { startedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)), cases, environment };
}

export function runEnd(outcome: RunOutcome, runErrors: string[] = []): RunEnd {
  return { finishedAt: new Date(Date.UTC(2026, 0, 2, 3, 4, 9)), outcome, runErrors };
}

/** Feed `cases` to `listener` as a run would: start, each result (awaiting back-pressure), end. */
export async function feed(listener: RunListener, cases: readonly CaseResult[], outcome: RunOutcome = 'failed', runErrors: string[] = []): Promise<void> {
  await listener.onRunStart?.(runStart(cases));
  for (const c of cases) await listener.onCaseResult?.(c);
  await listener.onRunEnd?.(runEnd(outcome, runErrors));
}
