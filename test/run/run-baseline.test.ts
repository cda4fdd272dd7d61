/**
 * `soapcheck run --baseline`, `--fail-on regression` and the known-failures file, end to end in this process
 * against a loopback endpoint of our own whose behaviour changes between runs: GetItem passes and then fails
 * (a regression), MissingField fails and then passes (a recovery).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/report/summary-reporter.ts';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain } from '../support/in-process.ts';
import { startViolationServer, type ViolationServer } from './support/violation-server.ts';

const SUITE = join(REPO_ROOT, 'test/fixtures/run/inventory.suite.yaml');
const GET = 'inventory/Inventory/V1/GetItem';
const MISSING = 'inventory/Inventory/V1/MissingField';
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'summary.schema.json'), 'utf8')));

describe('soapcheck run --baseline with one case regressing and one recovering', () => {
  let server: ViolationServer;
  let dir: string;

  const run = (out: string, ...more: string[]) =>
    runMain(['run', SUITE, '--endpoint', server.url, '--operation', 'GetItem', '--operation', 'MissingField', '--reporter', 'console,summary', '--out', join(dir, out), ...more], {
      env: { SO_TICKET: 'baseline-ticket-0001' },
    });
  const summary = (out: string) => {
    const s = JSON.parse(readFileSync(join(dir, out, 'summary.json'), 'utf8')) as Summary;
    expect(validate(s), JSON.stringify(validate.errors)).toBe(true);
    return s;
  };
  const before = () => {
    for (const k of Object.keys(server.behaviour)) delete server.behaviour[k];
  };
  const after = () => Object.assign(server.behaviour, { GetItem: 'MissingField', MissingField: 'GetItem' });

  beforeAll(async () => {
    server = await startViolationServer();
    dir = mkdtempSync(join(tmpdir(), 'soapcheck-baseline-'));
    before();
    const first = await run('before');
    expect(first.code, first.stderr).toBe(1);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the case newly failing and the one newly passing, with the finding that appeared and the one that went away', async () => {
    after();
    const r = await run('after', '--baseline', join(dir, 'before', 'summary.json'));
    expect(r.code, r.stderr).toBe(1);
    const b = summary('after').baseline!;
    expect(b.newlyFailing).toEqual([{ id: GET, name: 'V1/Inventory/GetItem', was: 'passed', now: 'failed' }]);
    expect(b.newlyPassing).toEqual([{ id: MISSING, name: 'V1/Inventory/MissingField', was: 'failed', now: 'passed' }]);
    expect(b.newFindings.map((f) => [f.case, f.rule])).toEqual([[GET, 'field/missing']]);
    expect(b.goneFindings.map((f) => [f.case, f.rule])).toEqual([[MISSING, 'field/missing']]);
    expect(b.newFindings[0]!.path).toBe('/Envelope/Body/GetItemResponse/Item');
    expect(b).toMatchObject({ regression: true, regressions: { cases: 1, findings: 1 }, newCases: [], absentCases: [] });
    expect(r.stdout).toMatch(/compared with .*before\/summary\.json/);
    expect(r.stdout).toMatch(/newly failing \(1\):\n {4}V1\/Inventory\/GetItem: passed → failed/);
    expect(r.stdout).toMatch(/newly passing \(1\):\n {4}V1\/Inventory\/MissingField: failed → passed/);
    expect(r.stdout).toContain('regression: 1 case newly failing, 1 new error finding');
  });

  it('--fail-on regression: exit 1 for the regression, exit 0 against a baseline with the same failures', async () => {
    after();
    const regressed = await run('gate-1', '--baseline', join(dir, 'before', 'summary.json'), '--fail-on', 'regression');
    expect(regressed.code, regressed.stdout).toBe(1);
    const same = await run('gate-2', '--baseline', join(dir, 'gate-1', 'summary.json'), '--fail-on', 'regression');
    expect(summary('gate-2').totals.failed).toBe(1); // GetItem still fails…
    expect(same.code, same.stdout).toBe(0); // …but it failed in the baseline too
    expect(summary('gate-2').baseline).toMatchObject({ regression: false, newlyFailing: [], newlyPassing: [], newFindings: [], goneFindings: [] });
    expect(same.stdout).toContain('no regression');
    // Without --fail-on the exit status is the usual one.
    const plain = await run('gate-3', '--baseline', join(dir, 'gate-1', 'summary.json'));
    expect(plain.code).toBe(1);
  });

  it('a known-failures file written from a run accepts its findings; entries that no longer match are stale', async () => {
    after();
    const known = join(dir, 'known.yaml');
    const w = await run('known-1', '--write-known-failures', known);
    expect(w.code).toBe(1);
    const text = readFileSync(known, 'utf8');
    expect(text).toContain(`case: ${GET}`);
    expect(text).toContain('rule: field/missing');
    expect(text).not.toContain('baseline-ticket-0001');
    expect(text).not.toMatch(/message|expected|actual/);

    const accepted = await run('known-2', '--known-failures', known, '--reporter', 'junit,allure');
    expect(accepted.code, accepted.stdout).toBe(0);
    const s = summary('known-2');
    expect(s.cases.find((c) => c.id === GET)).toMatchObject({ status: 'failed', knownFailure: true });
    expect(s.cases.find((c) => c.id === GET)!.findings.every((f) => f.known)).toBe(true);
    expect(s.knownFailures).toMatchObject({ entries: 1, acceptedFindings: 1, knownFailureCases: 1, stale: [], expired: [] });
    expect(accepted.stdout).toMatch(/✗ V1\/Inventory\/GetItem \(failed, known failure, \d+ ms\)/);
    expect(accepted.stdout).toContain('known failures (');
    // JUnit and Allure say so too.
    const junit = readFileSync(join(dir, 'known-2', 'junit.xml'), 'utf8');
    expect(junit).toMatch(/<testcase classname="inventory\.V1\.Inventory" name="GetItem"[^>]*>\s*<failure type="KnownFailure" message="known failure: every error finding is accepted/);
    const allure = readdirSync(join(dir, 'known-2', 'allure-results'))
      .filter((f) => f.endsWith('-result.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, 'known-2', 'allure-results', f), 'utf8')) as { testCaseId: string; labels: Array<{ name: string; value: string }> });
    expect(allure.find((t) => t.testCaseId === GET)?.labels).toContainEqual({ name: 'tag', value: 'known-failure' });
    expect(allure.find((t) => t.testCaseId === MISSING)?.labels).not.toContainEqual({ name: 'tag', value: 'known-failure' });

    before(); // GetItem passes again, MissingField fails: not accepted
    const stale = await run('known-3', '--known-failures', known);
    expect(stale.code).toBe(1);
    expect(summary('known-3').knownFailures!.stale).toEqual([{ case: GET, rule: 'field/missing', path: '/Envelope/Body/GetItemResponse/Item', reason: expect.stringMatching(/^TODO/) }]);
    expect(stale.stdout).toMatch(/stale: .*known\.yaml:\d+ inventory\/Inventory\/V1\/GetItem field\/missing/);
  });

  it('a known finding that is new against the baseline is no regression', async () => {
    after();
    const known = join(dir, 'known-get.yaml');
    writeFileSync(known, `soapcheck: 1\nkind: known-failures\nfailures:\n  - case: ${GET}\n    rule: field/missing\n    path: /Envelope/Body/GetItemResponse/Item\n    reason: vendor ticket 42\n`);
    const r = await run('known-4', '--baseline', join(dir, 'before', 'summary.json'), '--fail-on', 'regression', '--known-failures', known);
    expect(r.code, r.stdout).toBe(0);
    expect(summary('known-4').baseline).toMatchObject({ regression: false, newlyFailing: [{ id: GET, known: true }], newFindings: [{ case: GET, known: true }] });
  });

  it('the config file names the known-failures file; --known-failures wins over it', async () => {
    after();
    const cfgDir = mkdtempSync(join(dir, 'cfg-'));
    writeFileSync(join(cfgDir, 'accept.yaml'), `soapcheck: 1\nkind: known-failures\nfailures:\n  - case: ${GET}\n    rule: field/missing\n    path: /Envelope/Body/GetItemResponse/Item\n    reason: accepted in config\n`);
    writeFileSync(join(cfgDir, 'empty.yaml'), 'soapcheck: 1\nkind: known-failures\nfailures: []\n');
    writeFileSync(join(cfgDir, 'soapcheck.config.yaml'), 'knownFailures: accept.yaml\n');
    const fromConfig = await run('cfg-1', '--config', join(cfgDir, 'soapcheck.config.yaml'));
    expect(fromConfig.code, fromConfig.stdout).toBe(0);
    expect(summary('cfg-1').knownFailures!.file).toMatch(/accept\.yaml$/);
    const overridden = await run('cfg-2', '--config', join(cfgDir, 'soapcheck.config.yaml'), '--known-failures', join(cfgDir, 'empty.yaml'));
    expect(overridden.code).toBe(1);
    expect(summary('cfg-2').knownFailures!.file).toMatch(/empty\.yaml$/);
  });

  it.each([
    ['a missing file', () => join(dir, 'nope.json'), /--baseline .*nope\.json: no such file/],
    ['a file that is not JSON', () => file('x.json', '<xml/>'), /x\.json: not JSON/],
    ['JSON of another tool', () => file('other.json', '{"tool":{"name":"jest"},"cases":[]}'), /other\.json: not a soapcheck summary\.json \(no "tool": \{"name": "soapcheck"\}\)/],
    ['a newer schema version', () => file('v9.json', '{"schemaVersion":9,"tool":{"name":"soapcheck","version":"9.0.0"},"cases":[]}'), /v9\.json: summary schema version 9 was written by a newer soapcheck \(9\.0\.0\); this one reads up to version 1/],
    ['a case without a status', () => file('bad.json', '{"schemaVersion":1,"tool":{"name":"soapcheck"},"cases":[{"id":"a","name":"a"}]}'), /bad\.json: not a soapcheck summary\.json \(cases\[0\]: "status" must be/],
  ])('a baseline that is %s is a usage error naming the file and why (exit 2)', async (_what, make, why) => {
    const r = await run('usage', '--baseline', make());
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(why);
  });

  it('--fail-on regression without --baseline, and an unknown --fail-on, are usage errors', async () => {
    expect((await run('usage', '--fail-on', 'regression')).stderr).toMatch(/--fail-on regression needs --baseline/);
    const bad = await run('usage', '--fail-on', 'warnings');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--fail-on must be findings or regression, got "warnings"/);
  });

  function file(name: string, text: string): string {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  }
});
