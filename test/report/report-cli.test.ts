import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJava } from '../../src/cli/report.ts';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain } from '../support/in-process.ts';

const BIN = join(REPO_ROOT, 'bin', 'soapcheck.js');
const RESULTS_FIXTURE = join(REPO_ROOT, 'test', 'report', 'fixtures', 'allure-results');
const hasJava = findJava().ok;

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'soapcheck-report-cli-'));
});
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Runs `soapcheck report …` in process (test/support/in-process.ts); env entries replace the inherited ones (undefined removes one). */
function soapcheck(args: string[], env: Record<string, string | undefined> = {}) {
  return runMain(['report', ...args], { cwd: tmp, env });
}

/** The same, spawned as a user runs it (bounded in time): the smoke test, which also runs Java. */
function spawned(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'report', ...args], { cwd: tmp, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function outWithResults(name: string): string {
  const out = join(tmp, name);
  mkdirSync(out, { recursive: true });
  cpSync(RESULTS_FIXTURE, join(out, 'allure-results'), { recursive: true });
  return out;
}

describe('soapcheck report', { timeout: 90_000 }, () => {
  it('--help names every option', async () => {
    const r = await soapcheck(['--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--out DIR', '--single-file', '--open', 'Java']) expect(r.stdout).toContain(opt);
  });

  it('without results: exit 2 and says to run first', async () => {
    const r = await soapcheck(['--out', join(tmp, 'empty')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no Allure results yet');
    expect(r.stderr).toContain('soapcheck run');
  });

  it('with an empty results folder: exit 2', async () => {
    const out = join(tmp, 'no-results');
    mkdirSync(join(out, 'allure-results'), { recursive: true });
    const r = await soapcheck(['--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('has no test results');
  });

  it('without java on PATH: exit 2 and a clear message', async () => {
    const out = outWithResults('nojava');
    const r = await soapcheck(['--out', out], { JAVA_HOME: undefined, PATH: join(tmp, 'no-bin-here') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Java is required');
    expect(r.stderr).toContain('`java` was not found on PATH');
    expect(existsSync(join(out, 'allure-report'))).toBe(false);
  });

  it('with JAVA_HOME pointing nowhere: exit 2 and names it', async () => {
    const out = outWithResults('badhome');
    const r = await soapcheck(['--out', out], { JAVA_HOME: join(tmp, 'no-jdk') });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`JAVA_HOME is set to ${join(tmp, 'no-jdk')}`);
  });

  it('rejects a stray argument with exit 2', async () => {
    const r = await soapcheck(['reports']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unexpected argument 'reports'");
  });

  it.skipIf(!hasJava)('builds index.html from allure results (spawned, as a user runs it) [skipped when java is absent]', async () => {
    const out = outWithResults('withjava');
    const r = await spawned(['--out', out], 150_000);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(out, 'allure-report', 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'allure-report', 'data'))).toBe(true);
    expect(r.stdout).toContain('Allure report (2 results)');
  }, 160_000);
});
