/**
 * Ctrl-C (SIGINT) or SIGTERM in the middle of `soapcheck run`: the run stops promptly, the reports are
 * still written and say so (summary.json outcome "interrupted", a readable junit.xml, no temporary files),
 * and the exit code is the signal's (130, 143), not a pass. So during start-up, while the command's
 * modules are still loading: every case is reported as skipped.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';

const SUITE = join(REPO_ROOT, 'test/fixtures/run/inventory.suite.yaml');

/** An endpoint that takes every request and never answers; resolves `waitForRequest` on the first one. */
function hangingServer(): Promise<{ url: string; waitForRequest: Promise<void>; close(): Promise<void> }> {
  let seen!: () => void;
  const waitForRequest = new Promise<void>((r) => (seen = r));
  const server: Server = createServer((req) => {
    req.resume();
    seen();
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${port}/`,
        waitForRequest,
        close: () => {
          server.closeAllConnections();
          return new Promise((done) => server.close(() => done()));
        },
      });
    });
  });
}

async function interruptedRun(signal: NodeJS.Signals, wholeGroup = false): Promise<{ code: number | null; stderr: string; out: string; ms: number }> {
  const server = await hangingServer();
  const out = mkdtempSync(join(tmpdir(), 'soapcheck-interrupt-'));
  try {
    const child = spawn(
      process.execPath,
      [join(REPO_ROOT, 'bin/soapcheck.js'), 'run', SUITE, '--endpoint', server.url, '--timeout', '60000', '--concurrency', '2', '--out', out],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, SO_TICKET: 'interrupt-ticket-0001' },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so that the signal can go to the whole group as Ctrl-C at a terminal does.
        detached: wholeGroup,
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    const hardStop = setTimeout(() => child.kill('SIGKILL'), 90_000);
    try {
      // Requests are in flight (and will not be answered for a minute): interrupt now.
      await Promise.race([server.waitForRequest, closed]);
      const sentAt = Date.now();
      if (wholeGroup) process.kill(-child.pid!, signal);
      else child.kill(signal);
      const code = await closed;
      return { code, stderr, out, ms: Date.now() - sentAt };
    } finally {
      clearTimeout(hardStop);
    }
  } finally {
    await server.close();
  }
}

describe.each([
  ['SIGINT', 130, false],
  ['SIGTERM', 143, false],
  ['SIGINT', 130, true],
] as const)('soapcheck run interrupted by %s (to its whole process group, as Ctrl-C at a terminal: %s)', (signal, exitCode, wholeGroup) => {
  let r: Awaited<ReturnType<typeof interruptedRun>>;
  beforeAll(async () => {
    r = await interruptedRun(signal, wholeGroup);
  }, 120_000);
  afterAll(() => rmSync(r.out, { recursive: true, force: true }));

  it(`stops within seconds, not the 60 s request timeout, and exits ${exitCode}`, () => {
    expect(r.code, r.stderr).toBe(exitCode);
    expect(r.ms).toBeLessThan(30_000);
    expect(r.stderr).toContain(`${signal}: stopping the run`);
  });

  it('still writes summary.json, saying the run was interrupted', () => {
    const summary = JSON.parse(readFileSync(join(r.out, 'summary.json'), 'utf8')) as {
      outcome: string;
      totals: { cases: number; passed: number };
      cases: Array<{ id: string }>;
    };
    expect(summary.outcome).toBe('interrupted');
    expect(summary.totals.passed).toBe(0);
    // Every planned case exactly once; the ones that did not finish are skipped and keep their case ids.
    const ids = summary.cases.map((c) => c.id);
    expect(new Set(ids).size).toBe(9);
    for (const id of ids) expect(id).toMatch(/^inventory\/Inventory\/V1\/\w+$/);
    expect(summary.totals).toMatchObject({ cases: 9, skipped: 9 });
  });

  it('still writes a complete junit.xml and leaves no temporary files', () => {
    expect(readFileSync(join(r.out, 'junit.xml'), 'utf8')).toMatch(/<testsuites[\s\S]*<\/testsuites>\s*$/);
    expect(readdirSync(r.out).filter((f) => f.startsWith('.') || f.endsWith('.part'))).toEqual([]);
  });
});

describe('soapcheck run interrupted during start-up, while its modules load', () => {
  let r: { code: number | null; signal: NodeJS.Signals | null; stderr: string; out: string };
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soapcheck-interrupt-start-'));
    const mark = join(dir, 'loading');
    const go = join(dir, 'go');
    const out = join(dir, 'reports');
    // A module hook holds the load of the run command's module (most of start-up) until the test says go.
    const child = spawn(
      process.execPath,
      ['--import', join(REPO_ROOT, 'test/support/hold-module-load-register.mjs'), join(REPO_ROOT, 'bin/soapcheck.js'), 'run', SUITE, '--out', out],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, SO_TICKET: 'interrupt-ticket-0001', SOAPCHECK_TEST_HOLD_MODULE: '/dist/cli/run.js', SOAPCHECK_TEST_HOLD_MARK: mark, SOAPCHECK_TEST_HOLD_GO: go },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.resume();
    const closed = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (code, signal) => resolve([code, signal])));
    let ended = false;
    void closed.then(() => (ended = true));
    const hardStop = setTimeout(() => child.kill('SIGKILL'), 90_000);
    try {
      for (let i = 0; i < 1200 && !existsSync(mark) && !ended; i++) await sleep(50);
      expect(existsSync(mark), `the run command's module never started loading:\n${stderr}`).toBe(true);
      child.kill('SIGINT');
      writeFileSync(go, '');
      const [code, signal] = await closed;
      r = { code, signal, stderr, out };
    } finally {
      clearTimeout(hardStop);
    }
  }, 120_000);
  afterAll(() => rmSync(join(r.out, '..'), { recursive: true, force: true }));

  it('is not killed by the signal: it exits 130 and says it stops the run', () => {
    expect({ code: r.code, signal: r.signal }, r.stderr).toEqual({ code: 130, signal: null });
    expect(r.stderr).toContain('SIGINT: stopping the run');
  });

  it('writes the reports with every case of the run counted as skipped', () => {
    const summary = JSON.parse(readFileSync(join(r.out, 'summary.json'), 'utf8')) as { outcome: string; totals: Record<string, number> };
    expect(summary.outcome).toBe('interrupted');
    expect(summary.totals).toMatchObject({ cases: 9, skipped: 9, passed: 0 });
    expect(readFileSync(join(r.out, 'junit.xml'), 'utf8')).toMatch(/<testsuites[\s\S]*<\/testsuites>\s*$/);
  });
});
