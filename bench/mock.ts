/**
 * Mock benchmark: `soapcheck mock` against node-soap on the same operation, side by side in one run.
 *
 *   npx tsx bench/mock.ts [--n 3000] [--rounds 3] [--starts 5] [--concurrency 16]
 *
 * Both serve Services88/User GetUser on 127.0.0.1 in a child process of their own: soapcheck with the
 * shipped contract (compiled dist/: `npm run build` first), node-soap (`soap`, a devDependency) from the
 * real WSDL (../shared, the Services88 User page). Figures:
 *
 *   ready       time from spawn to the "listening" line, and the RSS then (medians of --starts, the two
 *               alternating). Goal for soapcheck: ≤ 0.3 s and ≤ 100 MB.
 *   throughput  requests/second of one undici loop at --concurrency sending the same GetUser request
 *               (as `soapcheck example` prints it) to each, rounds alternating; and each server's CPU per
 *               request. Goal: soapcheck ≥ node-soap, while the mock checks every request (its log
 *               must show every request answered 200 with no finding).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import * as soap from 'soap';
import { Agent, request } from 'undici';
import { loadContracts } from '../src/contract/load.ts';
import { contentTypeFor } from '../src/soap/versions.ts';
import { SUPEROFFICE_DOCS_DIR } from '../test/support/corpus.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTRACT = join(ROOT, 'contracts/superoffice/Services88/User/GetUser.yaml');
const { values: args } = parseArgs({
  options: {
    n: { type: 'string', default: '3000' },
    rounds: { type: 'string', default: '3' },
    starts: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '16' },
  },
});
const N = Number(args.n);
const ROUNDS = Number(args.rounds);
const STARTS = Number(args.starts);
const C = Number(args.concurrency);

interface Server {
  child: ChildProcess;
  url: string;
  readySeconds: number;
  /** Lines the server printed after the listening line. */
  lines: string[];
}

/** Spawn a server; resolves when it prints `listening on <url>`. */
function start(argv: string[]): Promise<Server> {
  const started = performance.now();
  const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let buf = '';
    const timer = setTimeout(() => reject(new Error(`${argv.join(' ')} did not start within 60 s`)), 60_000);
    const onData = (d: Buffer) => {
      buf += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(buf);
      if (!m) return;
      clearTimeout(timer);
      const readySeconds = (performance.now() - started) / 1000;
      const lines: string[] = [];
      let rest = buf.slice(m.index + m[0].length);
      child.stdout!.off('data', onData);
      child.stdout!.on('data', (more: Buffer) => {
        rest += more.toString();
        const parts = rest.split('\n');
        rest = parts.pop()!;
        lines.push(...parts);
      });
      resolve({ child, url: m[1]!, readySeconds, lines });
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${argv.join(' ')} exited with ${code}`)));
  });
}

async function stop(s: Server): Promise<void> {
  const exited = new Promise<void>((ok) => s.child.once('exit', () => ok()));
  s.child.kill('SIGTERM');
  await exited;
}

/** VmRSS and VmHWM (peak) of a process, MB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** CPU seconds (user + system) a process has used. */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** N requests at concurrency C; requests/second, and how many were not answered 200. */
async function load(url: string, headers: Record<string, string>, body: string, n: number): Promise<{ rps: number; bad: number }> {
  const agent = new Agent({ connections: C, keepAliveTimeout: 10_000 });
  let next = 0;
  let bad = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: C }, async () => {
      for (let i = next++; i < n; i = next++) {
        const res = await request(url, { method: 'POST', headers, body, dispatcher: agent });
        await res.body.text();
        if (res.statusCode !== 200) bad++;
      }
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  await agent.close();
  return { rps: n / secs, bad };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'soapcheck-bench-mock-'));
  try {
    const page = readFileSync(join(SUPEROFFICE_DOCS_DIR, 'Services88', 'Services88-User.md'), 'utf8');
    const wsdl = join(dir, 'User.wsdl');
    writeFileSync(wsdl, /```xml\n([\s\S]*?)\n```/.exec(page)![1]!);
    const described = (await soap.createClientAsync(wsdl)).describe() as Record<string, Record<string, unknown>>;
    const service = Object.keys(described)[0]!;
    const port = Object.keys(described[service]!)[0]!;
    const loaded = await loadContracts([CONTRACT]);
    const contract = loaded.contracts[0];
    if (!contract) throw new Error(`cannot load ${CONTRACT}`);
    const endpoint = contract.endpoint;
    const example = spawnSync(process.execPath, [join(ROOT, 'bin/soapcheck.js'), 'example', CONTRACT, '--var', 'SO_APP_TOKEN=bench', '--var', 'SO_TICKET=bench'], { encoding: 'utf8' });
    if (example.status !== 0) throw new Error(`soapcheck example: ${example.stderr}`);
    const body = example.stdout;
    const headers: Record<string, string> = { 'content-type': contentTypeFor(contract.soapVersion, contract.action), ...(contract.soapVersion === '1.1' ? { soapaction: `"${contract.action}"` } : {}) };

    const soapcheckArgv = [join(ROOT, 'bin/soapcheck.js'), 'mock', CONTRACT, '--port', '0'];
    const nodeSoapArgv = [join(ROOT, 'bench/support/node-soap-user.mjs'), wsdl, `/${endpoint}`, service, port];

    // Ready time and memory: fresh processes, alternating.
    const ready = { soapcheck: [] as number[], nodeSoap: [] as number[], soapcheckMB: [] as number[], nodeSoapMB: [] as number[] };
    for (let i = 0; i < STARTS; i++) {
      const a = await start(soapcheckArgv);
      ready.soapcheck.push(a.readySeconds);
      ready.soapcheckMB.push(memoryOf(a.child.pid!).rss);
      await stop(a);
      const b = await start(nodeSoapArgv);
      ready.nodeSoap.push(b.readySeconds);
      ready.nodeSoapMB.push(memoryOf(b.child.pid!).rss);
      await stop(b);
    }

    // Throughput: both servers up, rounds alternating, after a warm-up round each.
    const mock = await start(soapcheckArgv);
    const peer = await start(nodeSoapArgv);
    try {
      const mockUrl = new URL(endpoint, mock.url).toString();
      const peerUrl = new URL(endpoint, peer.url).toString();
      await load(mockUrl, headers, body, N);
      await load(peerUrl, headers, body, N);
      const rates = { soapcheck: [] as number[], nodeSoap: [] as number[] };
      const cpu = { soapcheck: [] as number[], nodeSoap: [] as number[] };
      let bad = 0;
      for (let r = 0; r < ROUNDS; r++) {
        for (const [name, url, pid] of [['soapcheck', mockUrl, mock.child.pid!], ['nodeSoap', peerUrl, peer.child.pid!]] as const) {
          const before = cpuOf(pid);
          const out = await load(url, headers, body, N);
          cpu[name].push(((cpuOf(pid) - before) / N) * 1e6);
          rates[name].push(out.rps);
          bad += out.bad;
        }
      }
      // Every request the mock answered was checked: one log line each, 200 and no finding.
      await new Promise((ok) => setTimeout(ok, 200));
      const checked = mock.lines.filter((l) => /→ 200 {2}Services88\/User\/GetUser {2}0 findings/.test(l)).length;
      const sent = N * (ROUNDS + 1);
      const mockPeak = memoryOf(mock.child.pid!).peak;
      const peerPeak = memoryOf(peer.child.pid!).peak;

      const rs = median(rates.soapcheck);
      const rn = median(rates.nodeSoap);
      console.log(`mock bench: Services88/User GetUser, ${STARTS} starts, ${ROUNDS} rounds of ${N} requests at concurrency ${C} (medians)`);
      console.log(`ready:       soapcheck mock ${median(ready.soapcheck).toFixed(2)} s, ${median(ready.soapcheckMB).toFixed(0)} MB; node-soap ${median(ready.nodeSoap).toFixed(2)} s, ${median(ready.nodeSoapMB).toFixed(0)} MB; ratio ${(median(ready.soapcheck) / median(ready.nodeSoap)).toFixed(2)} (goal ≤ 0.3 s, ≤ 100 MB: ${median(ready.soapcheck) <= 0.3 && median(ready.soapcheckMB) <= 100 ? 'yes' : 'NO'})`);
      console.log(`throughput:  soapcheck mock ${rs.toFixed(0)} req/s, node-soap ${rn.toFixed(0)} req/s, ratio ${(rs / rn).toFixed(2)} (goal ≥ 1: ${rs >= rn ? 'yes' : 'NO'})`);
      console.log(`CPU/request: soapcheck mock ${median(cpu.soapcheck).toFixed(0)} µs, node-soap ${median(cpu.nodeSoap).toFixed(0)} µs; peak RSS under load ${mockPeak.toFixed(0)} MB / ${peerPeak.toFixed(0)} MB`);
      console.log(`checked:     ${checked} of the ${sent} requests sent to the mock logged as checked (200, no finding)${checked === sent ? '' : '  ← NOT EVERY REQUEST'}${bad ? `; ${bad} answers were not 200` : ''}`);
    } finally {
      await stop(mock);
      await stop(peer);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
