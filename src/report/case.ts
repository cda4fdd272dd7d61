/**
 * A finished vitest test case seen as a soapcheck case: the CaseResult the runner recorded in its meta
 * (`recordCase`), reconciled with what vitest saw; or, for a test that ended before recording anything
 * (a crash in the runner, a skipped test), a case made from vitest's own result.
 */
import type { TestCase } from 'vitest/node';
import type { CaseResult, CaseStatus } from '../run/result.ts';
import type { Redactor } from './redact.ts';

/** A CaseResult, or for a test without one, `kind: 'test'`. */
export interface ReportedCase extends Omit<CaseResult, 'kind'> {
  kind: CaseResult['kind'] | 'test';
}

/**
 * True the first time a test is seen in `seen`. vitest reports a test's result once, except when a run is
 * cancelled (Ctrl-C): the tests it marks skipped can be reported again, which would count them twice.
 */
export function reportedOnce(seen: Set<string>, test: TestCase): boolean {
  const key = test.id ?? test.fullName;
  if (seen.has(key)) return false;
  seen.add(key);
  return true;
}

export function caseOf(test: TestCase, redactor: Redactor): ReportedCase {
  const recorded = test.meta().soapcheck;
  const result = test.result();
  const durationMs = Math.round(test.diagnostic()?.duration ?? 0);
  const vitestError = result.state === 'failed' ? result.errors?.[0]?.message : undefined;

  if (recorded) {
    const c: ReportedCase = redactor.redactDeep(recorded);
    if (result.state === 'skipped') return { ...c, status: 'skipped' };
    // A test that failed although its recorded case passed (e.g. an assertion after recordCase): report it.
    if (result.state === 'failed' && c.status === 'passed') {
      return { ...c, status: 'error', error: redactor.redactUrl(redactor.redactXml(vitestError ?? 'test failed')) };
    }
    return c.durationMs ? c : { ...c, durationMs };
  }

  const status: CaseStatus =
    result.state === 'passed' ? 'passed' : result.state === 'skipped' || result.state === 'pending' ? 'skipped' : 'error';
  // A case that never recorded a result (skipped, or the test crashed) keeps the identity it was registered with.
  const planned = test.meta().soapcheckCase;
  const c: ReportedCase = {
    ...(planned
      ? { id: planned.id, name: planned.name, kind: planned.kind, ...(planned.suite !== undefined ? { suite: planned.suite } : {}), ...(planned.contract ? { contract: planned.contract } : {}) }
      : { id: `${test.module.relativeModuleId}/${test.fullName.replace(/ > /g, '/')}`, name: test.name, kind: 'test' as const }),
    status,
    findings: [],
    durationMs,
  };
  if (status === 'error') c.error = redactor.redactUrl(redactor.redactXml(vitestError ?? 'test failed without an error message'));
  return c;
}
