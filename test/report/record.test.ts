import { describe, expect, it } from 'vitest';
import { CaseError, ContractViolation, recordCase, type RecordableTask } from '../../src/report/record.ts';
import { Redactor } from '../../src/report/redact.ts';
import type { CaseResult } from '../../src/run/result.ts';

const base: CaseResult = {
  id: 's/User/Services88/GetUser',
  name: 'User/GetUser',
  kind: 'contract',
  suite: 's',
  contract: { file: 'c.yaml', service: 'User', version: 'Services88', operation: 'GetUser' },
  status: 'passed',
  findings: [],
  durationMs: 1,
  exchange: {
    request: { method: 'POST', url: 'http://127.0.0.1/x', headers: { authorization: 'Basic abc' }, body: '<Ticket>t-secret-1</Ticket>' },
    durationMs: 1,
  },
};

describe('recordCase', () => {
  it('stores the result, redacted and without the exchange bodies, in task.meta for the reporters', async () => {
    const task: RecordableTask = { meta: {} };
    const redactor = new Redactor({ secrets: ['t-secret-1'] });
    await recordCase(task, { ...base, status: 'passed', findings: [{ rule: 'x/y', severity: 'warn', message: 'saw t-secret-1', path: '/' }] }, redactor);
    expect(task.meta.soapcheck).toEqual({ ...base, exchange: undefined, findings: [{ rule: 'x/y', severity: 'warn', message: 'saw ***', path: '/' }] });
    expect(task.meta.soapcheck).not.toHaveProperty('exchange');
    expect(base.exchange?.request.body).toBe('<Ticket>t-secret-1</Ticket>');
  });

  it('drops scenario step exchanges from meta but keeps the steps', async () => {
    const task: RecordableTask = { meta: {} };
    const step = { name: 'save', status: 'passed' as const, findings: [], messages: ['ok'], exchange: base.exchange };
    await recordCase(task, { ...base, kind: 'scenario', exchange: undefined, steps: [step] });
    expect(task.meta.soapcheck?.steps).toEqual([{ name: 'save', status: 'passed', findings: [], messages: ['ok'] }]);
  });

  it('fails the test with the findings as an AssertionError when the case failed', async () => {
    const task: RecordableTask = { meta: {} };
    const failed: CaseResult = {
      ...base,
      status: 'failed',
      findings: [{ rule: 'field/missing', severity: 'error', message: 'Name is missing', path: '/Envelope/Body/GetUserResponse', expected: 'Name', actual: 'nothing' }],
    };
    const err = await recordCase(task, failed).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(ContractViolation);
    expect((err as Error).name).toBe('AssertionError');
    expect((err as Error).message).toBe(
      [
        'User/GetUser (Services88): 1 error finding',
        '  error field/missing at /Envelope/Body/GetUserResponse',
        '    expected: Name',
        '    actual:   nothing',
        '    Name is missing',
      ].join('\n'),
    );
    expect(task.meta.soapcheck?.status).toBe('failed');
  });

  it('fails with a CaseError (Allure: broken) when the case could not be checked, redacting the reason', async () => {
    const redactor = new Redactor({ secrets: ['t-secret-1'] });
    const err = await recordCase({ meta: {} }, { ...base, status: 'error', error: 'reset while sending t-secret-1' }, redactor).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(CaseError);
    expect((err as Error).message).toBe('User/GetUser (Services88) could not be checked: reset while sending ***');
  });

  it('does not throw for passed cases or warnings only', async () => {
    await expect(
      recordCase({ meta: {} }, { ...base, findings: [{ rule: 'namespace/prefix', severity: 'warn', message: 'm', path: '/' }] }),
    ).resolves.toBeUndefined();
  });
});
