/**
 * Replay benchmark: the runner against a bare undici loop, side by side, same mock, same requests.
 *
 *   npx tsx bench/replay.ts [--n 2000] [--rounds 3] [--memory 1000,5000,20000] [--concurrency 16]
 *
 * 1. Throughput: requests/second of `soapcheck run`'s engine (planned once by planRun, executed by
 *    executeRun: build each request from the contract and its pack's bindings, send it over the run's
 *    transport, check the response with the strict profile, redact, make a CaseResult, hand it to a
 *    listener) over N contract cases, against a bare undici loop sending the same prebuilt requests and
 *    reading the bodies, both at the same concurrency. Rounds alternate bare/runner so drift on a
 *    shared machine hits both. Goal: ratio ≥ 0.85.
 * 2. Memory: heap and RSS after the runner replays N = 1,000 … 20,000 cases with a callback that keeps
 *    nothing (as the reporters do) — should stay flat.
 *
 * The mock runs in a child process (`soapcheck mock`), so that its CPU is not charged to either side.
 * The reporters of `soapcheck run` are not part of this measurement (bench/run.ts has whole runs).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { Redactor } from '../src/secrets/redact.ts';
import { executeRun } from '../src/run/engine.ts';
import type { RunOptions } from '../src/run/options.ts';
import { planRun, type RunPlan } from '../src/run/plan.ts';
import { endpointUrl } from '../src/run/values.ts';
import { buildMessage } from '../src/soap/build.ts';
import { contentTypeFor } from '../src/soap/versions.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTRACTS = join(ROOT, 'contracts/superoffice/Services88/User');

const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '3' },
    memory: { type: 'string', default: '1000,5000,20000' },
    concurrency: { type: 'string', default: '16' },
  },
});
const N = Number(args.n);
const ROUNDS = Number(args.rounds);
const MEMORY_SIZES = args.memory!.split(',').map(Number);
const C = Number(args.concurrency);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function startMockProcess(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin/soapcheck.js'), 'mock', CONTRACTS, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error('mock did not start within 60 s')), 60_000);
    const onData = (d: Buffer) => {
      buf += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`mock exited with ${code}`)));
  });
  // Discard the per-request log lines. (The start-up listener stays off: it searched up to 1 MB of log for every
  // chunk, ~250 µs of this process's CPU per request, charged to both sides alike.)
  child.stdout!.resume();
  return { url, child };
}

/** The run's options: the User pack against the mock, its pack's variables given (the mock takes any value). */
function runOptions(url: string): RunOptions {
  return { suites: [], contracts: [CONTRACTS], endpoint: url, concurrency: C, timeoutMs: 30_000, vars: { SO_APP_TOKEN: 'bench-token', SO_TICKET: 'bench-ticket' }, insecure: false, out: '' };
}

/** The plan of the User pack, its cases cycled to n (one suite). */
function sized(plan: RunPlan, n: number): RunPlan {
  const suite = plan.suites[0]!;
  const cases = Array.from({ length: n }, (_, i) => suite.cases[i % suite.cases.length]!);
  return { ...plan, suites: [{ ...suite, cases }] };
}

async function bare(url: string, plan: RunPlan, n: number): Promise<number> {
  const suite = plan.suites[0]!;
  const prebuilt = suite.contracts.map((c) => ({
    url: endpointUrl(url, c.endpoint),
    headers: { 'content-type': contentTypeFor(c.soapVersion, c.action), ...(c.soapVersion === '1.1' ? { soapaction: `"${c.action}"` } : {}) },
    body: buildMessage(c, 'request', { values: suite.valuesOf(c) }),
  }));
  const agent = new Agent({ connections: C, keepAliveTimeout: 10_000 });
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      for (let i = next++; i < n; i = next++) {
        const r = prebuilt[i % prebuilt.length]!;
        const res = await request(r.url, { method: 'POST', headers: r.headers, body: r.body, dispatcher: agent });
        await res.body.text();
        if (res.statusCode !== 200) failures++;
      }
    }),
  );
  const secs = (performance.now() - started) / 1000;
  await agent.close();
  if (failures) console.log(`  (bare: ${failures} non-200 answers)`);
  return n / secs;
}

async function runner(url: string, plan: RunPlan, n: number, onEach?: (done: number) => void): Promise<{ rps: number; failed: number }> {
  let done = 0;
  let failed = 0;
  const started = performance.now();
  await executeRun({
    plan: sized(plan, n),
    options: runOptions(url),
    redactor: new Redactor(),
    listener: {
      onCaseResult(r) {
        done++;
        if (r.status !== 'passed') failed++;
        onEach?.(done);
      },
    },
  });
  const secs = (performance.now() - started) / 1000;
  return { rps: n / secs, failed };
}

const mb = (b: number) => (b / 1024 / 1024).toFixed(1);

/** CPU time (user + system, µs) of this process and, on Linux, of the mock's process. */
function cpuNow(mockPid: number | undefined): { self: number; mock: number | null } {
  const u = process.cpuUsage();
  let mock: number | null = null;
  try {
    // /proc/<pid>/stat: utime and stime are fields 14 and 15, in clock ticks (100 per second here).
    const fields = readFileSync(`/proc/${mockPid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    mock = ((Number(fields[11]) + Number(fields[12])) / 100) * 1e6;
  } catch {
    mock = null;
  }
  return { self: u.user + u.system, mock };
}

/** Run `fn` (n requests); its CPU per request in µs, for this process and the mock. */
async function withCpu<T>(mockPid: number | undefined, n: number, fn: () => Promise<T>): Promise<{ out: T; self: number; mock: number | null }> {
  const a = cpuNow(mockPid);
  const out = await fn();
  const b = cpuNow(mockPid);
  return { out, self: (b.self - a.self) / n, mock: a.mock === null || b.mock === null ? null : (b.mock - a.mock) / n };
}

async function main(): Promise<void> {
  const mock = await startMockProcess();
  try {
    // Planned once, as `soapcheck run` does; the bare loop sends the same contracts' requests.
    const plan = await planRun(runOptions(mock.url), new Redactor(), {});
    if (plan.problems.length || plan.suites.length !== 1) throw new Error(`cannot plan ${CONTRACTS}: ${plan.problems.join('; ')}`);
    const contracts = plan.suites[0]!.contracts;
    console.log(`replay bench: ${contracts.length} contracts (Services88/User) cycled to N=${N}, concurrency ${C}, mock in a child process at ${mock.url}`);
    // Warm-up, a full round each: after 500 requests the bare loop still ran its first round at ~60 % of its later
    // rate (not yet optimised by the JIT), which flattered the runner in round 1.
    await bare(mock.url, plan, N);
    await runner(mock.url, plan, N);
    const bareRates: number[] = [];
    const runnerRates: number[] = [];
    const cpu = { bare: [] as number[], runner: [] as number[], mockBare: [] as number[], mockRunner: [] as number[] };
    const pid = mock.child.pid;
    for (let r = 0; r < ROUNDS; r++) {
      const b = await withCpu(pid, N, () => bare(mock.url, plan, N));
      const x = await withCpu(pid, N, () => runner(mock.url, plan, N));
      bareRates.push(b.out);
      runnerRates.push(x.out.rps);
      cpu.bare.push(b.self);
      cpu.runner.push(x.self);
      if (b.mock !== null && x.mock !== null) {
        cpu.mockBare.push(b.mock);
        cpu.mockRunner.push(x.mock);
      }
      console.log(`  round ${r + 1}: bare undici ${b.out.toFixed(0)} req/s, runner ${x.out.rps.toFixed(0)} req/s, ratio ${(x.out.rps / b.out).toFixed(2)}${x.out.failed ? ` (${x.out.failed} cases not passed!)` : ''}`);
    }
    const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
    const mean = (a: number[]) => sum(a) / a.length;
    const ratio = sum(runnerRates) / sum(bareRates);
    console.log(`throughput: runner / bare undici = ${ratio.toFixed(2)} (goal ≥ 0.85) ${ratio >= 0.85 ? 'OK' : 'BELOW GOAL'}`);
    // Wall-clock rates on a shared machine say as much about the neighbours as about the code: the
    // CPU each side spends per request does not depend on them.
    const mockCpu = cpu.mockBare.length ? `; mock process ${mean(cpu.mockBare).toFixed(0)} µs/request answering the bare loop, ${mean(cpu.mockRunner).toFixed(0)} answering the runner` : '';
    console.log(`CPU per request (mean of the rounds): bare loop ${mean(cpu.bare).toFixed(0)} µs, runner ${mean(cpu.runner).toFixed(0)} µs${mockCpu}`);

    console.log('memory: runner over N cases, results streamed to a callback that keeps nothing');
    const rows: Array<{ n: number; heap: number; rss: number; peakHeap: number }> = [];
    for (const n of MEMORY_SIZES) {
      gc();
      let peakHeap = 0;
      await runner(mock.url, plan, n, (done) => {
        if (done % 250 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      });
      gc();
      const m = process.memoryUsage();
      rows.push({ n, heap: m.heapUsed, rss: m.rss, peakHeap });
      console.log(`  N=${String(n).padStart(6)}: heap after ${mb(m.heapUsed)} MiB, peak heap during (uncollected garbage included) ${mb(peakHeap)} MiB, RSS ${mb(m.rss)} MiB`);
    }
    if (rows.length > 1) {
      const first = rows[0]!;
      const last = rows[rows.length - 1]!;
      console.log(`  heap after N=${last.n} / after N=${first.n} = ${(last.heap / first.heap).toFixed(2)}; peak heap ratio ${(last.peakHeap / first.peakHeap).toFixed(2)} (flat ≈ 1)`);
    }
  } finally {
    mock.child.kill('SIGTERM');
  }
}

await main();
