/**
 * The generic suites test file: one describe per suite, one test per replayed contract
 * (concurrent, up to --concurrency) and one per scenario. Run through `soapcheck run` (or
 * `npx vitest run -c vitest.suites.config.ts`); `npm test` does not pick it up.
 */
import { afterAll, describe, inject, test } from 'vitest';
import { recordCase } from '../src/report/record.ts';
import { contractCaseIdentity, scenarioCaseIdentity } from '../src/run/result.ts';
import { openSession } from '../src/run/session.ts';

// Ctrl-C at a terminal signals the whole process group, this worker too: leave it to `soapcheck run`,
// which cancels the run so that the cases in flight end and every report is still written.
if (process.env.SOAPCHECK_RUN_OPTIONS) process.on('SIGINT', () => {});

const session = await openSession(inject('soapcheckMocks') ?? {});
afterAll(() => session.close());

const timeout = session.options.timeoutMs + 5_000;
const registered = session.suites.reduce((n, s) => n + s.cases.length, 0);
for (const s of session.suites) {
  if (s.cases.length === 0) continue;
  describe(s.suite.name, () => {
    for (const c of s.cases) {
      if (c.kind === 'contract') {
        const meta = { soapcheckCase: contractCaseIdentity(s.suite.name, c.contract) };
        test.concurrent(c.name, { timeout, meta }, async ({ task, signal }) => {
          await recordCase(task, await session.runContract(s, c, signal), session.redactor);
        });
      } else {
        const meta = { soapcheckCase: scenarioCaseIdentity(s.suite.name, c.scenario.name) };
        test(c.name, { timeout: timeout * c.scenario.steps.length, meta }, async ({ task, signal }) => {
          await recordCase(task, await session.runScenario(s, c, signal), session.redactor);
        });
      }
    }
  });
}
if (registered === 0) test.skip('no cases to run (empty shard or filter)', () => {});
