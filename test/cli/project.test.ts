/**
 * One configuration for every command and a user's own project: soapcheck.config.yaml is found from the working
 * folder upward (not past a project boundary) or named by --config; `soapcheck run` with no arguments runs the
 * project's suites/ (exit 2 with how to start when there is none); precedence command line > suite > config > defaults.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findProject } from '../../src/cli/project.ts';
import { UsageError } from '../../src/cli/command.ts';
import { Redactor } from '../../src/secrets/redact.ts';
import type { RunOptions } from '../../src/run/options.ts';
import { planRun } from '../../src/run/plan.ts';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain } from '../support/in-process.ts';

const INVENTORY = join(REPO_ROOT, 'test/fixtures/run/inventory');
let tmp: string;

function write(path: string, text: string): string {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return path;
}

const suite = (name: string, extra = '') => `soapcheck: 1\nkind: suite\nname: ${name}\ncontracts: [${INVENTORY}]\nvalues:\n  "*":\n    Ticket: t-${name}-0001\n${extra}`;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'soapcheck-project-'));
  // outer/ has a config but is not this project: proj/ is a boundary (package.json).
  write(join(tmp, 'outer', 'soapcheck.config.yaml'), 'profile: compatible\n');
  write(join(tmp, 'outer', 'proj', 'package.json'), '{}');
  mkdirSync(join(tmp, 'outer', 'proj', 'src', 'deep'), { recursive: true });
  // configured/: config + suites, run from a subfolder.
  write(join(tmp, 'configured', '.git', 'HEAD'), 'ref: x\n');
  write(join(tmp, 'configured', 'soapcheck.config.yaml'), 'profile: compatible\nrules:\n  http/action: warn\n');
  write(join(tmp, 'configured', 'suites', 'mine.suite.yaml'), suite('mine'));
  mkdirSync(join(tmp, 'configured', 'sub'), { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('findProject', () => {
  it('finds soapcheck.config.yaml upward, and the project folder with it', () => {
    const p = findProject(join(tmp, 'configured', 'sub'));
    expect(p.configFile).toBe(join(tmp, 'configured', 'soapcheck.config.yaml'));
    expect(p.root).toBe(join(tmp, 'configured'));
    expect(p.config).toEqual({ profile: 'compatible', rules: { 'http/action': 'warn' } });
  });

  it('does not look past a folder with package.json or .git', () => {
    const p = findProject(join(tmp, 'outer', 'proj', 'src', 'deep'));
    expect(p.configFile).toBeUndefined();
    expect(p.config).toEqual({ rules: {} });
  });

  it('reads --config instead, and a missing or bad file is a usage error naming it', () => {
    const other = write(join(tmp, 'other.yaml'), 'profile: strict\nrules:\n  field/order: off\n');
    expect(findProject(join(tmp, 'configured'), other).config).toEqual({ profile: 'strict', rules: { 'field/order': 'off' } });
    expect(() => findProject(tmp, 'nope.yaml')).toThrow(new UsageError('--config nope.yaml: no such file'));
    const bad = write(join(tmp, 'bad.yaml'), 'profile: strict\nrule:\n  field/order: off\n');
    expect(() => findProject(tmp, bad)).toThrow(/bad\.yaml:2:1: unknown key `rule` at the top level/);
  });
});

describe('precedence: command line > suite > config file > defaults', () => {
  const base: RunOptions = { suites: [], contracts: [], concurrency: 1, timeoutMs: 1000, vars: {}, insecure: false, out: '/nonexistent' };
  const rows: Array<[string, { config?: string; suite?: string; cli?: Partial<RunOptions> }, { profile: string; rules: Record<string, string> }]> = [
    ['defaults', {}, { profile: 'strict', rules: {} }],
    ['config file', { config: 'profile: compatible\nrules:\n  http/action: warn\n  fault/unexpected: off\n' }, { profile: 'compatible', rules: { 'http/action': 'warn', 'fault/unexpected': 'off' } }],
    [
      'suite over config (rule by rule)',
      { config: 'profile: compatible\nrules:\n  http/action: warn\n  fault/unexpected: off\n', suite: 'profile: strict\nrules:\n  http/action: error\n' },
      { profile: 'strict', rules: { 'http/action': 'error', 'fault/unexpected': 'off' } },
    ],
    [
      'command line over suite and config',
      { config: 'profile: strict\nrules:\n  fault/unexpected: off\n', suite: 'profile: strict\nrules:\n  http/action: error\n', cli: { profile: 'compatible', rules: { 'http/action': 'off' } } },
      { profile: 'compatible', rules: { 'http/action': 'off', 'fault/unexpected': 'off' } },
    ],
  ];

  it.each(rows)('%s', async (name, layers, expected) => {
    const dir = join(tmp, `prec-${rows.findIndex((r) => r[0] === name)}`);
    const suiteFile = write(join(dir, 's.suite.yaml'), suite('s', layers.suite ?? ''));
    const config = layers.config ? findProject(dir, write(join(dir, 'c.yaml'), layers.config)).config : undefined;
    const plan = await planRun({ ...base, suites: [suiteFile], ...(config ? { config } : {}), ...layers.cli }, new Redactor(), {});
    expect(plan.problems).toEqual([]);
    // The run's redactor comes along as the checks' mask (issue 10): a function, not configuration.
    const { mask, ...levels } = plan.suites[0]!.config;
    expect(levels).toEqual(expected);
    expect(typeof mask).toBe('function');
  });

  it('verify reads the same file, and its command line wins', async () => {
    const contract = join(INVENTORY, 'GetItem.yaml');
    const msg = write(join(tmp, 'configured', 'msg.xml'), '<x/>');
    const found = await runMain(['verify', contract, msg], { cwd: join(tmp, 'configured', 'sub') });
    expect(found.stdout + found.stderr).toContain('(profile compatible)');
    const overridden = await runMain(['verify', contract, msg, '--profile', 'strict'], { cwd: join(tmp, 'configured', 'sub') });
    expect(overridden.stdout + overridden.stderr).toContain('(profile strict)');
  });
});

describe('soapcheck run with no arguments', () => {
  it("runs the project's own suites/, found from a subfolder", async () => {
    const out = join(tmp, 'configured', 'reports');
    const r = await runMain(['run', '--out', out, '--reporter', 'summary'], { cwd: join(tmp, 'configured', 'sub') });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain('suite mine: 9 case(s) against the embedded mock (profile compatible)');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { cases: { suite: string }[] };
    expect(new Set(summary.cases.map((c) => c.suite))).toEqual(new Set(['mine']));
  });

  it('exits 2 and says how to start when the project has no suites (never runs the shipped ones)', async () => {
    const r = await runMain(['run', '--out', join(tmp, 'r2')], { cwd: join(tmp, 'outer', 'proj', 'src') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`no suites to run: ${join(tmp, 'outer', 'proj', 'suites')} has no *.suite.yaml.`);
    expect(r.stderr).toContain('soapcheck run contracts/ --endpoint');
  });
});
