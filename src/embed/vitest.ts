/**
 * soapcheck's suites inside a user's own vitest run: `import { soapcheckRun } from 'soapcheck/vitest'`.
 *
 *   // conformance.test.ts
 *   import { soapcheckRun } from 'soapcheck/vitest';
 *   await soapcheckRun('suites/billing.suite.yaml', '--endpoint', process.env.BILLING_URL ?? '');
 *
 * The arguments are `soapcheck run`'s (suites or contracts, and the options that choose and shape the
 * cases). The run is planned when the file is collected: one `describe` per suite, one test per case,
 * named as in soapcheck's own reports. The first test of the file runs every case through soapcheck's
 * engine (embedded mock, concurrency, the checks) once, in a `beforeAll`; each test then passes or
 * fails with its case's findings as its error. soapcheck's own reports are not written (vitest's
 * reporters report). vitest is the user's: a peer dependency, not one of soapcheck's.
 */
import { beforeAll, describe, it } from 'vitest';
import { planCommandLine } from '../cli/run.ts';
import { executeRun, selectedCases } from '../run/engine.ts';
import type { CaseResult } from '../run/result.ts';
import { formatCaseFailure } from '../report/format.ts';

export interface SoapcheckRunTimeouts {
  /** Time for the whole run (the `beforeAll`), ms; default 10 minutes. */
  runMs?: number;
}

/** Plans the run `argv` describes and registers its cases as vitest tests. Call it at the top level of a test file (await it). */
export async function soapcheckRun(...argv: Array<string | SoapcheckRunTimeouts>): Promise<void> {
  await registerRun(argv, { describe, it, beforeAll });
}

/** The test-runner functions a run registers with (vitest's; a test hands in its own to watch what is registered). */
export interface TestApi {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => void): void;
  beforeAll(body: () => Promise<unknown>, timeoutMs: number): void;
}

export async function registerRun(argv: Array<string | SoapcheckRunTimeouts>, api: TestApi): Promise<void> {
  const timeouts = argv.find((a): a is SoapcheckRunTimeouts => typeof a === 'object') ?? {};
  const { plan, options, redactor, filter } = await planCommandLine(argv.filter((a): a is string => typeof a === 'string'));
  const results = new Map<string, CaseResult>();
  let running: Promise<unknown> | undefined;
  const runAll = (): Promise<unknown> =>
    (running ??= executeRun({ plan, options, redactor, ...(filter ? { filter } : {}), listener: { onCaseResult: (r) => void results.set(r.id, r) } }).then((x) => {
      if (x.runErrors.length) throw new Error(x.runErrors.join('\n'));
    }));
  for (const s of plan.suites) {
    const cases = selectedCases(s, filter);
    if (cases.length === 0) continue;
    api.describe(s.suite.name, () => {
      api.beforeAll(runAll, timeouts.runMs ?? 600_000);
      for (const c of cases) {
        api.it(c.name, () => {
          const r = results.get(c.identity.id);
          if (!r) throw new Error(`soapcheck: no result for ${c.identity.id}`);
          if (r.status !== 'passed') throw new Error(formatCaseFailure(r));
        });
      }
    });
  }
}
