/**
 * `soapcheck run` with no arguments runs every shipped suite against the embedded mock and
 * passes, leaving junit.xml, summary.json and allure-results; the round-trip scenario really
 * depends on the saved values coming back (without the mock's echo state it fails). The first in process
 * through runMain (test/support/in-process.ts), the second spawned as a user runs it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain } from '../support/in-process.ts';
import { runCli } from '../support/spawned-cli.ts';
import { junitCases, readSummary } from './support/reports.ts';

const dirs: string[] = [];
const tmp = (p: string) => {
  const d = mkdtempSync(join(tmpdir(), p));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('soapcheck run on the embedded mock', () => {
  it('runs every shipped suite green and writes the reports', async () => {
    const out = tmp('soapcheck-conformance-');
    const r = await runMain(['run', '--out', out, '--concurrency', '16'], { cwd: REPO_ROOT, env: { SO_TICKET: '', SO_APP_TOKEN: '', SO_ENDPOINT: '' } });
    expect(r.code, r.stdout.slice(-3000) + r.stderr).toBe(0);
    const summary = readSummary(out);
    expect(summary.totals.failed).toBe(0);
    expect(summary.totals.error).toBe(0);
    const user = summary.cases.filter((c) => c.id.startsWith('superoffice-user/'));
    expect(user.length).toBeGreaterThan(50);
    expect(summary.cases.filter((c) => c.id.startsWith('superoffice-favourite/')).map((c) => c.status)).toEqual(Array(8).fill('passed'));
    expect(summary.cases.find((c) => c.kind === 'scenario' && c.name === 'scenario: untrusted credentials round-trip')?.status).toBe('passed');
    expect(junitCases(out).size).toBe(summary.totals.cases);
    expect(readdirSync(join(out, 'allure-results')).some((f) => f.endsWith('-result.json'))).toBe(true);
  }, 160_000);

  it('fails the round trip when the mock does not give the saved values back (spawned, as a user runs it)', async () => {
    const dir = tmp('soapcheck-roundtrip-');
    const suite = parse(readFileSync(join(REPO_ROOT, 'suites/untrusted-credentials-roundtrip.suite.yaml'), 'utf8')) as Record<string, unknown>;
    delete suite.mock;
    suite.contracts = (suite.contracts as string[]).map((c) => join(REPO_ROOT, 'suites', c));
    const file = join(dir, 'no-echo.suite.yaml');
    writeFileSync(file, stringify(suite));
    const out = join(dir, 'reports');
    const r = await runCli(['run', file, '--out', out], { env: { SO_ENDPOINT: '' }, timeoutMs: 90_000 });
    expect(r.code, r.stdout + r.stderr).toBe(1);
    const c = readSummary(out).cases[0]!;
    expect(c.status).toBe('failed');
    expect(c.error).toMatch(/count .*expected 1, got 0/);
    expect(existsSync(join(out, 'junit.xml'))).toBe(true);
  }, 100_000);
});
