import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/secrets/redact.ts';
import { SummaryReporter, type Summary } from '../../src/report/summary-reporter.ts';
import type { CaseResult } from '../../src/run/result.ts';
import { REPO_ROOT } from '../support/corpus.ts';
import { contractCase, finding } from './synthetic.ts';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'summary.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function summarise(
  cases: CaseResult[],
  opts: { reason?: 'passed' | 'failed' | 'interrupted'; runErrors?: string[]; redactor?: Redactor } = {},
): Promise<{ summary: Summary; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'soapcheck-summary-'));
  dirs.push(dir);
  let t = Date.UTC(2026, 0, 2, 3, 4, 5, 6);
  const reporter = new SummaryReporter({ outDir: join(dir, 'out'), redactor: opts.redactor, now: () => new Date((t += 1000)) });
  reporter.onRunStart();
  for (const c of cases) await reporter.onCaseResult(c);
  await reporter.onRunEnd({ outcome: opts.reason ?? 'failed', runErrors: opts.runErrors ?? [] });
  const summary = JSON.parse(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')) as Summary;
  expect(validate(summary), JSON.stringify(validate.errors, null, 2)).toBe(true);
  return { summary, dir };
}

describe('SummaryReporter', () => {
  it('writes tool, times, totals by status and findings by rule', async () => {
    const { summary } = await summarise([
      contractCase(1, 'passed'),
      contractCase(2, 'failed', [finding('field/missing'), finding('field/missing'), finding('xsi-type/mismatch', { severity: 'warn' })]),
      contractCase(3, 'error', [], 'connection refused'),
      contractCase(4, 'skipped'),
    ]);
    expect(summary.schemaVersion).toBe(1);
    expect(summary.tool).toEqual({ name: 'soapcheck', version: JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')).version });
    expect(summary.startedAt).toBe('2026-01-02T03:04:06.006Z');
    expect(summary.finishedAt).toBe('2026-01-02T03:04:07.006Z');
    expect(summary.durationMs).toBe(1000);
    expect(summary.outcome).toBe('failed');
    expect(summary.totals).toEqual({
      cases: 4,
      passed: 1,
      failed: 1,
      error: 1,
      skipped: 1,
      findings: 3,
      findingsByRule: { 'field/missing': 2, 'xsi-type/mismatch': 1 },
    });
    expect(summary.cases.map((c) => [c.id, c.status])).toEqual([
      ['demo/Svc/Services88/Op1', 'passed'],
      ['demo/Svc/Services88/Op2', 'failed'],
      ['demo/Svc/Services88/Op3', 'error'],
      ['demo/Svc/Services88/Op4', 'skipped'],
    ]);
    expect(summary.cases[1]!.findings[2]).toEqual({
      rule: 'xsi-type/mismatch',
      severity: 'warn',
      path: '/Envelope/Body/Op',
      line: null,
      column: null,
      expected: 'this',
      actual: 'that',
      message: 'xsi-type/mismatch broken',
    });
  });

  it('says passed only when nothing failed, and interrupted when the run was cut short', async () => {
    expect((await summarise([contractCase(1, 'passed'), contractCase(2, 'skipped')], { reason: 'passed' })).summary.outcome).toBe('passed');
    expect((await summarise([contractCase(1, 'passed')], { reason: 'interrupted' })).summary.outcome).toBe('interrupted');
    expect((await summarise([contractCase(1, 'passed')], { reason: 'passed', runErrors: ['suite x failed to load'] })).summary).toMatchObject({
      outcome: 'failed',
      runErrors: ['suite x failed to load'],
    });
  });

  it('writes a valid file for a run without cases', async () => {
    const { summary } = await summarise([], { reason: 'passed' });
    expect(summary.cases).toEqual([]);
    expect(summary.totals.cases).toBe(0);
  });

  it('redacts again what it writes', async () => {
    const redactor = new Redactor({ secrets: ['leaky-secret-77'] });
    const leaky = contractCase(1, 'failed', [finding('value/enum', { actual: 'leaky-secret-77', message: '<Ticket>t-unknown</Ticket>' })]);
    const { summary, dir } = await summarise([leaky, contractCase(2, 'error', [], 'leaky-secret-77 in <Password>pw</Password>')], { redactor });
    expect(summary.cases[0]!.findings[0]).toMatchObject({ actual: '***', message: '<Ticket>***</Ticket>' });
    expect(summary.cases[1]!.error).toBe('*** in <Password>***</Password>');
    expect(readFileSync(join(dir, 'out', 'summary.json'), 'utf8')).not.toContain('leaky-secret-77');
  });

  it('streams thousands of cases and leaves only summary.json behind', async () => {
    const n = 5000;
    const cases = Array.from({ length: n }, (_, i) => (i % 100 === 0 ? contractCase(i, 'failed', [finding('body/element')]) : contractCase(i, 'passed')));
    const { summary, dir } = await summarise(cases);
    expect(summary.cases).toHaveLength(n);
    expect(summary.totals).toMatchObject({ cases: n, passed: n - 50, failed: 50, findings: 50, findingsByRule: { 'body/element': 50 } });
    expect(summary.cases.at(-1)!.id).toBe(`demo/Svc/Services88/Op${n - 1}`);
    expect(readdirSync(join(dir, 'out'))).toEqual(['summary.json']);
  });
});
