/**
 * Vitest reporter that redacts, in place, the errors vitest keeps for each test and module, as soon as a test
 * (or module) ends — before the junit and Allure reporters read them at the end of the run.
 *
 * The failure text of a recorded case is built from an already redacted result; this covers what did not come
 * through recordCase: an exception thrown by the runner, an assertion in a test, a suite file that failed to load.
 */
import { experimental_getRunnerTask, type Reporter, type TestCase, type TestModule } from 'vitest/node';
import type { Redactor } from './redact.ts';

type ErrorLike = Record<string, unknown>;

export class RedactErrorsReporter implements Reporter {
  readonly #redactor: Redactor;

  constructor(redactor: Redactor) {
    this.#redactor = redactor;
  }

  onTestCaseResult(test: TestCase): void {
    this.#redactErrors(experimental_getRunnerTask(test).result?.errors);
  }

  onTestModuleEnd(module: TestModule): void {
    this.#redactErrors(experimental_getRunnerTask(module).result?.errors);
  }

  #redactErrors(errors: unknown[] | undefined): void {
    if (!errors) return;
    for (const e of errors) if (e && typeof e === 'object') this.#redactInPlace(e as ErrorLike, 0);
  }

  /** Every string property (message, stack, stacks' methods, diff, expected, actual, cause…), a few levels deep. */
  #redactInPlace(e: ErrorLike, depth: number): void {
    if (depth > 4) return;
    for (const [k, v] of Object.entries(e)) {
      if (typeof v === 'string') e[k] = this.#text(v);
      else if (v && typeof v === 'object') this.#redactInPlace(v as ErrorLike, depth + 1);
    }
  }

  #text(s: string): string {
    return this.#redactor.redactUrl(this.#redactor.redactXml(s));
  }
}
