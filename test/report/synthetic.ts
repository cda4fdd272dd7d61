/**
 * Synthetic vitest test cases and modules — just the parts of vitest's reported-task API that the soapcheck
 * reporters read — for feeding reporters many cases quickly.
 */
import type { TestCase, TestModule } from 'vitest/node';
import type { Finding } from '../../src/checks/api.ts';
import type { CaseIdentity, CaseResult, CaseStatus } from '../../src/run/result.ts';

export interface FakeCase {
  name: string;
  state: 'passed' | 'failed' | 'skipped';
  recorded?: CaseResult;
  /** The identity the test was registered with (test meta `soapcheckCase`). */
  planned?: CaseIdentity;
  error?: string;
  durationMs?: number;
}

const module = { relativeModuleId: 'suites/conformance.test.ts', errors: () => [] };

export function fakeTestCase(c: FakeCase): TestCase {
  return {
    name: c.name,
    fullName: `demo > ${c.name}`,
    module,
    meta: () => ({ ...(c.recorded ? { soapcheck: c.recorded } : {}), ...(c.planned ? { soapcheckCase: c.planned } : {}) }),
    result: () =>
      c.state === 'failed' ? { state: 'failed', errors: [{ message: c.error ?? 'failed' }] } : { state: c.state, errors: undefined },
    diagnostic: () => ({ duration: c.durationMs ?? 2 }),
  } as unknown as TestCase;
}

export function fakeModule(tests: TestCase[], errors: string[] = []): TestModule {
  return {
    relativeModuleId: 'suites/conformance.test.ts',
    errors: () => errors.map((message) => ({ message })),
    children: {
      *allTests() {
        yield* tests;
      },
    },
  } as unknown as TestModule;
}

export const finding = (rule: string, over: Partial<Finding> = {}): Finding => ({
  rule,
  severity: 'error',
  message: `${rule} broken`,
  path: '/Envelope/Body/Op',
  expected: 'this',
  actual: 'that',
  ...over,
});

/** A recorded contract case named `Svc/Op<i>`. */
export function contractCase(i: number, status: CaseStatus, findings: Finding[] = [], error?: string): FakeCase {
  const recorded: CaseResult = {
    id: `demo/Svc/Services88/Op${i}`,
    name: `Svc/Op${i}`,
    kind: 'contract',
    suite: 'demo',
    contract: { file: `contracts/Svc/Op${i}.yaml`, service: 'Svc', version: 'Services88', operation: `Op${i}` },
    status,
    findings,
    durationMs: 1,
    ...(error ? { error } : {}),
  };
  return { name: recorded.name, state: status === 'passed' ? 'passed' : status === 'skipped' ? 'skipped' : 'failed', recorded };
}
