/**
 * `soapcheck run` against a test endpoint of our own that breaks the contracts on purpose:
 * exit 1, and the expected rule ids (or transport errors) per case in summary.json and junit.xml.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain, type InProcessOutcome as CliOutcome } from '../support/in-process.ts';
import { junitCases, readSummary, type SummaryView } from './support/reports.ts';
import { EXPECTED_ERRORS, EXPECTED_RULES, startViolationServer, type ViolationServer } from './support/violation-server.ts';

const SUITE = join(REPO_ROOT, 'test/fixtures/run/inventory.suite.yaml');

describe('soapcheck run against an endpoint that violates its contracts', () => {
  let server: ViolationServer;
  let out: string;
  let run: CliOutcome;
  let summary: SummaryView;

  beforeAll(async () => {
    server = await startViolationServer();
    out = mkdtempSync(join(tmpdir(), 'soapcheck-violations-'));
    run = await runMain(['run', SUITE, '--endpoint', server.url, '--timeout', '1500', '--concurrency', '4', '--out', out], {
      env: { SO_TICKET: 'violations-ticket-0001' },
      cwd: REPO_ROOT,
    });
    summary = readSummary(out);
  }, 100_000);

  afterAll(async () => {
    await server?.close();
    if (out) rmSync(out, { recursive: true, force: true });
  });

  it('exits 1', () => {
    expect(run.code, run.stderr).toBe(1);
  });

  it('passes the operation that the endpoint answers correctly', () => {
    expect(summary.cases.find((c) => c.name === 'V1/Inventory/GetItem')?.status).toBe('passed');
  });

  it.each(Object.entries(EXPECTED_RULES))('%s fails with %j in summary.json', (op, rules) => {
    const c = summary.cases.find((x) => x.name === `V1/Inventory/${op}`);
    expect(c?.status).toBe('failed');
    const got = c!.findings.filter((f) => f.severity === 'error').map((f) => f.rule);
    for (const r of rules) expect(got).toContain(r);
  });

  it.each(Object.entries(EXPECTED_ERRORS))('%s is an error (%s), and the run went on', (op, why) => {
    const c = summary.cases.find((x) => x.name === `V1/Inventory/${op}`);
    expect(c?.status).toBe('error');
    expect(c?.error).toMatch(why);
  });

  it('writes one junit testcase per contract (classname suite.version.service, named after the operation), with the rule ids in the failure text', () => {
    const cases = junitCases(out);
    expect(cases.size).toBe(9);
    expect(cases.get('inventory.V1.Inventory.GetItem')).not.toMatch(/<failure/);
    for (const [op, rules] of Object.entries(EXPECTED_RULES)) {
      const text = cases.get(`inventory.V1.Inventory.${op}`) ?? '';
      expect(text, op).toMatch(/<failure/);
      for (const r of rules) expect(text, op).toContain(r);
    }
    for (const [op, why] of Object.entries(EXPECTED_ERRORS)) expect(cases.get(`inventory.V1.Inventory.${op}`), op).toMatch(why);
  });

  it('counts the outcome in the totals', () => {
    expect(summary.totals).toMatchObject({ cases: 9, passed: 2, failed: 5, error: 2 });
  });
});
