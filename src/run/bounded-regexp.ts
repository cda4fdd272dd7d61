/**
 * A suite's `matches:` pattern is a JavaScript regular expression written by a user and run over text a server
 * sent: a backtracking pattern (`^(a+)+$`) on a hostile value would hang the run, and V8 cannot stop a regular
 * expression from outside. So the match runs as a script in an empty `vm` context with a timeout: V8 interrupts
 * it (regular expression execution included) and the assertion fails with a clear message instead.
 * See docs/decisions/0005-user-patterns.md for the measurements (and why not a linear engine such as re2js).
 */
import vm from 'node:vm';

/** Longest a `matches:` pattern may run on one value. */
export const MATCH_TIMEOUT_MS = 1000;

export type BoundedMatch = { ok: true; matched: boolean } | { ok: false; message: string };

/** An empty context (no globals) reused for every match; the pattern and subject are passed in and cleared after. */
const sandbox = vm.createContext(Object.create(null) as Record<string, unknown>);
const script = new vm.Script('pattern.test(subject)');

/** Whether `pattern` matches `subject`, or a failure when it runs longer than `timeoutMs`. */
export function boundedTest(pattern: RegExp, subject: string, timeoutMs = MATCH_TIMEOUT_MS): BoundedMatch {
  pattern.lastIndex = 0;
  sandbox.pattern = pattern;
  sandbox.subject = subject;
  try {
    return { ok: true, matched: script.runInContext(sandbox, { timeout: timeoutMs }) === true };
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      return { ok: false, message: `the pattern ran longer than ${timeoutMs} ms on a value of ${subject.length} characters and was stopped (a pattern that backtracks, such as (a+)+, can take forever)` };
    }
    return { ok: false, message: `the pattern failed: ${(e as Error).message}` };
  } finally {
    sandbox.pattern = undefined;
    sandbox.subject = undefined;
  }
}
