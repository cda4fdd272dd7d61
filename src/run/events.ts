/**
 * What a run tells its reporters, in order: the run starts (every selected case's identity is known
 * up front), each case's result as soon as it is final, and the end. Reporters live in src/report/;
 * this is the only thing the run layer knows of them.
 */
import type { CaseIdentity, CaseResult } from './result.ts';

export interface RunStart {
  startedAt: Date;
  /** Every case this run will report, in plan order (after --shard and -t). */
  cases: readonly CaseIdentity[];
  /** Facts about the run for report headers (Allure's environment block): endpoint, profile, versions, … */
  environment: Record<string, string>;
}

export type RunOutcome = 'passed' | 'failed' | 'interrupted';

export interface RunEnd {
  finishedAt: Date;
  /** passed: every case passed (or was skipped) and the run had no errors; interrupted: cut short by a signal. */
  outcome: RunOutcome;
  /** Errors outside any case (an embedded mock that could not start, …), already redacted. */
  runErrors: readonly string[];
}

/** A reporter. A returned promise is awaited before the next event (back-pressure). */
export interface RunListener {
  onRunStart?(start: RunStart): void | Promise<void>;
  /** Called once per case of RunStart.cases, in completion order; the result is redacted. */
  onCaseResult?(result: CaseResult): void | Promise<void>;
  onRunEnd?(end: RunEnd): void | Promise<void>;
}
