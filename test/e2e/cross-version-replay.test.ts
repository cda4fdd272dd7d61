/**
 * Cross-version replay end to end (issue 12): the mock serves the shipped Services88 User contracts on 127.0.0.1,
 * and `soapcheck run` replays the Services86 User contracts against it under the namespace map that `soapcheck diff`
 * detects between the two packs. Written for any generation of the packs (documentation pages or WSDL): it asserts
 * behaviour, never counts of one pack version.
 *
 * - every Services86 operation gets a verdict, passed or failed, never an error (no crash, no transport trouble);
 * - every passing case reached the mock as a request in the new namespace, routed to the Services88 operation of
 *   the same name and accepted there (the mock checks requests against the Services88 contracts);
 * - without the map the same replay passes nothing: the map is what makes old traffic reach the new operations;
 * - an operation the new server lacks (the ones Services86 has and 88 does not, and one shared operation the mock
 *   is started without, so that the case exists whatever the packs hold) fails, with the mock's "no operation"
 *   fault as its reason;
 * - every failing case says why (an error finding with a message);
 * - the reports say the case was replayed, and under which map: console, summary.json, junit.xml properties, Allure
 *   parameters and environment.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContracts } from '../../src/contract/load.ts';
import type { Contract } from '../../src/contract/model.ts';
import { diffContracts } from '../../src/diff/diff.ts';
import { startMock, type MockLogEntry, type MockServer } from '../../src/mock/server.ts';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain, type InProcessOutcome } from '../support/in-process.ts';
import { junitCases } from '../run/support/reports.ts';

const OLD = join(REPO_ROOT, 'contracts/superoffice/Services86/User');
const NEW = join(REPO_ROOT, 'contracts/superoffice/Services88/User');

interface ReplayedCase {
  name: string;
  status: string;
  contract: { operation: string };
  findings: Array<{ rule: string; severity: string; message: string }>;
  replay?: { namespaceMap: Record<string, string>; action?: string; endpoint?: string };
}

let mock: MockServer;
let olds: Contract[];
let news: Contract[];
let map: Map<string, string>;
/** A shared operation the mock is started without: the new server "lacks" it. */
let withheld: string;
const log: MockLogEntry[] = [];
const dirs: string[] = [];
let out: string;
let run: InProcessOutcome;
let cases: ReplayedCase[];

const ENV = { SO_TICKET: '7T:replay-ticket', SO_APP_TOKEN: 'replay-app-token' };
const mapArgs = (): string[] => [...map].flatMap(([from, to]) => ['--namespace-map', `${from}=${to}`]);
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'soapcheck-replay-'));
  dirs.push(d);
  return d;
};

beforeAll(async () => {
  const o = await loadContracts([OLD]);
  const n = await loadContracts([NEW]);
  expect([...o.problems, ...n.problems]).toEqual([]);
  olds = o.contracts;
  news = n.contracts;
  // The map a user gets from `soapcheck diff Services86/User Services88/User`.
  map = new Map(diffContracts(olds, news).namespaceMap);
  const newOps = new Set(news.map((c) => c.operation));
  withheld = olds.map((c) => c.operation).filter((op) => newOps.has(op)).sort()[0]!;
  mock = await startMock({
    contracts: news.filter((c) => c.operation !== withheld),
    host: '127.0.0.1',
    port: 0,
    onRequest: (e) => log.push(e),
  });
  out = tempDir();
  run = await runMain(['run', OLD, '--endpoint', mock.url, ...mapArgs(), '--out', out, '--reporter', 'console,json,junit,allure'], { env: ENV });
  cases = (JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { cases: ReplayedCase[] }).cases;
}, 120_000);

afterAll(async () => {
  await mock?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('soapcheck run --namespace-map: Services86 User contracts against the mock serving Services88', () => {
  it('the diff finds the Services86 → Services88 move the replay uses', () => {
    expect(map.get('http://www.superoffice.net/ws/crm/NetServer/Services86')).toBe('http://www.superoffice.net/ws/crm/NetServer/Services88');
  });

  it('gives every old operation a verdict, passed or failed, and no case an error', () => {
    expect(run.stderr).toBe('');
    expect(cases.map((c) => c.contract.operation).sort()).toEqual(olds.map((c) => c.operation).sort());
    expect(cases.filter((c) => c.status !== 'passed' && c.status !== 'failed').map((c) => `${c.name}: ${c.status}`)).toEqual([]);
    expect(run.code).toBe(cases.some((c) => c.status === 'failed') ? 1 : 0);
  });

  it('passes operations whose old traffic the new server accepts: each reached its Services88 operation in the new namespace', () => {
    const passed = cases.filter((c) => c.status === 'passed');
    expect(passed.length).toBeGreaterThan(0);
    const accepted = new Set(log.filter((e) => e.status === 200 && e.findings === 0).map((e) => e.operation));
    for (const c of passed) {
      expect(accepted.has(`Services88/User/${c.contract.operation}`), c.name).toBe(true);
      expect(c.replay?.endpoint).toBe('Remote/Services88/User.svc');
      expect(c.replay?.action).toBe(`http://www.superoffice.net/ws/crm/NetServer/Services88/User/${c.contract.operation}`);
    }
  });

  it('fails an operation the new server lacks, with the reason, not a crash', () => {
    const newOps = new Set(news.filter((c) => c.operation !== withheld).map((c) => c.operation));
    const missing = cases.filter((c) => !newOps.has(c.contract.operation));
    expect(missing.map((c) => c.contract.operation)).toContain(withheld);
    for (const c of missing) {
      expect(c.status, c.name).toBe('failed');
      expect(c.findings.map((f) => `${f.rule} ${f.message}`).join('\n'), c.name).toMatch(/fault\/unexpected .*No operation at \/Remote\/Services88\/User\.svc matches the request/);
    }
  });

  it('says why every failing case failed', () => {
    for (const c of cases.filter((x) => x.status === 'failed')) {
      const errors = c.findings.filter((f) => f.severity === 'error');
      expect(errors.length, c.name).toBeGreaterThan(0);
      for (const f of errors) expect(f.message.length, `${c.name} ${f.rule}`).toBeGreaterThan(0);
    }
  });

  it('checks in the compatible profile and says the run was replayed under the map: console, summary.json, junit.xml, Allure', () => {
    expect(run.stdout).toMatch(/suite contracts: \d+ case\(s\) against http:\/\/127\.0\.0\.1:\d+\/ \(profile compatible\)/);
    for (const [from, to] of map) expect(run.stdout).toContain(`replayed under namespace map ${from} → ${to}`);
    for (const c of cases) expect(c.replay?.namespaceMap['http://www.superoffice.net/ws/crm/NetServer/Services86'], c.name).toBe('http://www.superoffice.net/ws/crm/NetServer/Services88');
    const junit = junitCases(out);
    expect(junit.size).toBe(cases.length);
    for (const [name, inner] of junit) {
      expect(inner, name).toContain('<property name="soapcheck.replay.namespace" value="http://www.superoffice.net/ws/crm/NetServer/Services86 → http://www.superoffice.net/ws/crm/NetServer/Services88"/>');
    }
    const allure = readdirSync(join(out, 'allure-results')).filter((f) => f.endsWith('-result.json'));
    expect(allure.length).toBe(cases.length);
    for (const f of allure) {
      const t = JSON.parse(readFileSync(join(out, 'allure-results', f), 'utf8')) as { name: string; parameters: Array<{ name: string; value: string }> };
      expect(t.parameters, t.name).toContainEqual({ name: 'replayed under namespace map', value: 'http://www.superoffice.net/ws/crm/NetServer/Services86 → http://www.superoffice.net/ws/crm/NetServer/Services88' });
    }
    expect(readFileSync(join(out, 'allure-results', 'environment.properties'), 'utf8')).toMatch(/^namespace-map=.*Services86.*Services88/m);
  });

  it('without the map the same replay passes nothing: the old requests never reach the new operations', async () => {
    const plain = tempDir();
    const r = await runMain(['run', OLD, '--endpoint', mock.url, '--out', plain, '--reporter', 'json'], { env: ENV });
    expect(r.code).toBe(1);
    const s = JSON.parse(readFileSync(join(plain, 'summary.json'), 'utf8')) as { totals: { cases: number; passed: number } ; cases: ReplayedCase[] };
    expect(s.totals).toMatchObject({ cases: olds.length, passed: 0 });
    expect(s.cases.every((c) => c.replay === undefined)).toBe(true);
  }, 120_000);
});
