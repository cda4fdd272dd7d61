/**
 * Planning a replay under a namespace map (src/run/replay.ts): a suite's `namespaceMap:` and `--namespace-map`, merged;
 * the profile of a replayed suite (command line > suite > compatible > config file); mappings that name no contract's
 * namespace as input errors with their place; the reports' mark on every case; `soapcheck run` exiting 2 on them.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/secrets/redact.ts';
import type { RunOptions } from '../../src/run/options.ts';
import { planRun, type ContractCase } from '../../src/run/plan.ts';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain } from '../support/in-process.ts';

const INVENTORY = join(REPO_ROOT, 'test/fixtures/run/inventory');
const V1 = 'urn:example:inventory:v1';
const V2 = 'urn:example:inventory:v2';
const dir = mkdtempSync(join(tmpdir(), 'soapcheck-replay-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A suite file over the Inventory fixture contracts with these extra lines. */
function suite(extra: string): string {
  const file = join(dir, `s${++n}.suite.yaml`);
  writeFileSync(file, `soapcheck: 1\nkind: suite\nname: inv${n}\ncontracts:\n  - ${INVENTORY}/\n${extra}`);
  return file;
}

const opts = (o: Partial<RunOptions>): RunOptions => ({ suites: [], contracts: [], concurrency: 1, timeoutMs: 1000, vars: {}, insecure: false, out: join(dir, 'out'), ...o });
const plan = (o: Partial<RunOptions>) => planRun(opts(o), new Redactor(), {});
const contractCases = (p: Awaited<ReturnType<typeof plan>>) => p.suites[0]!.cases.filter((c): c is ContractCase => c.kind === 'contract');

describe('planning a replay', () => {
  it("a suite's namespaceMap moves its contracts, marks every case and checks in the compatible profile", async () => {
    const p = await plan({ suites: [suite(`namespaceMap:\n  ${JSON.stringify(V1)}: ${JSON.stringify(V2)}\n`)] });
    expect(p.problems).toEqual([]);
    const s = p.suites[0]!;
    expect(s.namespaceMap).toEqual({ [V1]: V2 });
    expect(s.config.profile).toBe('compatible');
    const cases = contractCases(p);
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      expect(c.contract.request.body.name.ns).toBe(V2);
      expect(c.identity.replay?.namespaces).toEqual({ [V1]: V2 });
      expect(c.identity.replay?.action).toBe(c.contract.action);
      expect(c.identity.replay?.action?.startsWith(V2)).toBe(true);
    }
  });

  it('without a map nothing is moved or marked, and the profile stays the default', async () => {
    const p = await plan({ contracts: [INVENTORY] });
    expect(p.suites[0]!.namespaceMap).toBeUndefined();
    expect(p.suites[0]!.config.profile).toBe('strict');
    for (const c of contractCases(p)) {
      expect(c.identity.replay).toBeUndefined();
      expect(c.contract.request.body.name.ns).toBe(V1);
    }
  });

  it("moves the prefixes of the suite's scenario namespaces too, so their XPaths read the new answers", async () => {
    const file = suite(
      `namespaces:\n  inv: ${JSON.stringify(V1)}\nscenarios:\n  - name: read\n    steps:\n      - call: Inventory/GetItem\n        assert:\n          - xpath: //inv:Item\n            exists: true\n`,
    );
    const p = await plan({ suites: [file], namespaceMap: { [V1]: V2 } });
    expect(p.problems).toEqual([]);
    const scenario = p.suites[0]!.cases.find((c) => c.kind === 'scenario');
    expect(scenario?.kind === 'scenario' && scenario.scenario.namespaces['inv']).toBe(V2);
    expect(scenario?.identity.replay).toEqual({ namespaces: { [V1]: V2 } });
  });

  it.each([
    ['--namespace-map alone: compatible', {}, '', 'compatible'],
    ["the config file's profile does not apply to a replay", { config: { profile: 'strict' as const, rules: {} } }, '', 'compatible'],
    ["the suite's profile wins", { config: { profile: 'compatible' as const, rules: {} } }, 'profile: strict\n', 'strict'],
    ['--profile wins over the suite', { profile: 'strict' as const }, 'profile: compatible\n', 'strict'],
  ])('profile: %s', async (_, o, extra, profile) => {
    const p = await plan({ ...o, suites: [suite(extra)], namespaceMap: { [V1]: V2 } });
    expect(p.problems).toEqual([]);
    expect(p.suites[0]!.config.profile).toBe(profile);
  });

  it("--namespace-map wins over the suite's mapping of the same old namespace", async () => {
    const p = await plan({ suites: [suite(`namespaceMap:\n  ${JSON.stringify(V1)}: urn:elsewhere\n`)], namespaceMap: { [V1]: V2 } });
    expect(p.problems).toEqual([]);
    expect(p.suites[0]!.namespaceMap).toEqual({ [V1]: V2 });
    for (const c of contractCases(p)) expect(c.contract.request.body.name.ns).toBe(V2);
  });

  it("a suite's mapping no contract of it names is an input error at its line, with what the contracts do name", async () => {
    const file = suite(`profile: strict\nnamespaceMap:\n  urn:example:inventory:v9: ${JSON.stringify(V2)}\n`);
    const p = await plan({ suites: [file] });
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatch(new RegExp(`s\\d+\\.suite\\.yaml:8: namespaceMap: no contract of this suite names urn:example:inventory:v9 \\(its contracts name .*${V1}`));
  });

  it('a mapping given the wrong way round says so', async () => {
    const p = await plan({ suites: [suite(`namespaceMap:\n  ${JSON.stringify(V2)}: ${JSON.stringify(V1)}\n`)] });
    expect(p.problems.join('\n')).toMatch(/no contract of this suite names urn:example:inventory:v2 \(its contracts name urn:example:inventory:v1: the map is old=new, was it given the wrong way round\?\)/);
  });

  it('a --namespace-map entry no contract of the run names is reported with every namespace the run names', async () => {
    const p = await plan({ contracts: [INVENTORY], namespaceMap: { [V1]: V2, 'urn:example:inventroy:v1': V2 } });
    expect(p.problems).toEqual([]);
    expect(p.unusedNamespaces).toEqual(['urn:example:inventroy:v1']);
    expect(p.namespacesSeen).toContain(V1);
  });
});

describe('soapcheck run --namespace-map --list', () => {
  it('shows each replayed case with the action it would be sent with, and sends nothing', async () => {
    const r = await runMain(['run', INVENTORY, '--endpoint', 'http://127.0.0.1:9/', '--namespace-map', `${V1}=${V2}`, '--list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/contracts V1\/Inventory\/GetItem {2}→ {2}POST http:\/\/127\.0\.0\.1:9\/api\/V1\/Inventory\.svc {2}\(replayed, action urn:example:inventory:v2\/GetItem\)/);
  });
});

describe('soapcheck run --namespace-map: usage errors exit 2 before anything is sent', () => {
  const run = (...args: string[]) => runMain(['run', INVENTORY, '--endpoint', 'http://127.0.0.1:9/', '--out', join(dir, 'out'), ...args]);

  it.each([
    ['a malformed map', ['--namespace-map', V1], /--namespace-map "urn:example:inventory:v1": expected old-uri=new-uri/],
    ['an old namespace mapped twice', ['--namespace-map', `${V1}=${V2}`, '--namespace-map', `${V1}=urn:x`], /is mapped twice/],
    ['a misspelt old namespace: did you mean', ['--namespace-map', `urn:example:inventroy:v1=${V2}`], /no contract of this run names urn:example:inventroy:v1; did you mean urn:example:inventory:v1\?/],
    ['a map the wrong way round', ['--namespace-map', `urn:x=${V1}`], /no contract of this run names urn:x, but they name urn:example:inventory:v1: the map is old=new/],
  ])('%s', async (_, args, message) => {
    const r = await run(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
