/**
 * Whole-command benchmark: the goals of issue 9 printed side by side with their floors, in one run.
 *
 *   npx tsx bench/run.ts [--rounds 3] [--sizes 1000,20000]
 *
 * Every figure is a whole process (`node bin/soapcheck.js …`, the compiled dist/: run `npm run build` first),
 * timed by /usr/bin/time: wall seconds and peak RSS. `soapcheck run` is one process (the embedded mock runs
 * inside it), so its peak RSS is the whole process tree's. Rounds alternate floor and command so that drift on
 * a shared machine hits both; medians are printed.
 *
 *   floor                     node -e 0
 *   soapcheck --help          goal ≤ 2× the floor's wall time
 *   verify, one message       goal ≤ 0.3 s
 *   run, one contract         goal ≤ 0.5 s and ≤ 150 MB, on the embedded mock
 *   run, N contracts          goal N=1,000 ≤ 3 s / 400 MB; N=20,000 ≤ 30 s / 1.5 GB (generated copies of
 *                             Services88/User/GetUser under N service names, all four reporters)
 *
 * The runner's request rate against a bare undici loop is bench/replay.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/soapcheck.js');
const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '3' }, sizes: { type: 'string', default: '1000,20000' } } });
const ROUNDS = Number(args.rounds);
const SIZES = args.sizes!.split(',').filter(Boolean).map(Number);

interface Sample {
  wall: number;
  cpu: number;
  rssMB: number;
  code: number;
}

/** One run of `argv` under /usr/bin/time. */
function measure(argv: string[], cwd = ROOT): Sample {
  const r = spawnSync('/usr/bin/time', ['-f', 'BENCH %e %U %S %M', ...argv], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const m = /BENCH (\S+) (\S+) (\S+) (\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`could not time ${argv.join(' ')}: ${r.stderr.slice(-500)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMB: Number(m[4]) / 1024, code: r.status ?? -1 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** N copies of GetUser under service names S0…S(N-1), each at its own endpoint path. */
function generateContracts(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), `soapcheck-bench-${n}-`));
  const src = join(ROOT, 'contracts/superoffice/Services88');
  mkdirSync(join(dir, 'Services88'), { recursive: true });
  copyFileSync(join(src, 'types.yaml'), join(dir, 'Services88/types.yaml'));
  const text = readFileSync(join(src, 'User/GetUser.yaml'), 'utf8');
  for (let i = 0; i < n; i++) {
    mkdirSync(join(dir, 'Services88', `S${i}`));
    const t = text.replace(/^service: User$/m, `service: S${i}`).replace(/^endpoint: Remote\/Services88\/User\.svc$/m, `endpoint: Remote/Services88/S${i}.svc`);
    writeFileSync(join(dir, 'Services88', `S${i}`, 'GetUser.yaml'), t);
  }
  return dir;
}

interface Row {
  what: string;
  argv: string[];
  goal: string;
  ok: (s: { wall: number; rssMB: number }, floor: { wall: number }) => boolean;
}

const out = mkdtempSync(join(tmpdir(), 'soapcheck-bench-out-'));
const node = process.execPath;
const rows: Row[] = [
  { what: 'soapcheck --help', argv: [node, BIN, '--help'], goal: '≤ 2× floor', ok: (s, f) => s.wall <= 2 * f.wall },
  {
    what: 'verify, one message',
    argv: [node, BIN, 'verify', join(ROOT, 'test/fixtures/checks/contracts'), join(ROOT, 'test/fixtures/checks/messages/get-ok.xml')],
    goal: '≤ 0.3 s',
    ok: (s) => s.wall <= 0.3,
  },
  {
    what: 'run, one contract (embedded mock)',
    argv: [node, BIN, 'run', join(ROOT, 'contracts/superoffice/Services88/User/GetUser.yaml'), '--out', out],
    goal: '≤ 0.5 s, ≤ 150 MB',
    ok: (s) => s.wall <= 0.5 && s.rssMB <= 150,
  },
];
const generated: string[] = [];
for (const n of SIZES) {
  const dir = generateContracts(n);
  generated.push(dir);
  const goal = n <= 1000 ? { s: 3 * (n / 1000), mb: 400 } : { s: 30 * (n / 20000), mb: 1500 };
  rows.push({
    what: `run, ${n.toLocaleString('en')} contracts`,
    argv: [node, BIN, 'run', dir, '--out', out, '--concurrency', '16'],
    goal: `≤ ${goal.s} s, ≤ ${goal.mb} MB`,
    ok: (s) => s.wall <= goal.s && s.rssMB <= goal.mb,
  });
}

try {
  const floors: Sample[] = [];
  const samples = rows.map(() => [] as Sample[]);
  for (let round = 0; round < ROUNDS; round++) {
    rows.forEach((row, i) => {
      floors.push(measure([node, '-e', '0']));
      samples[i]!.push(measure(row.argv));
    });
  }
  const floor = { wall: median(floors.map((s) => s.wall)), cpu: median(floors.map((s) => s.cpu)), rssMB: median(floors.map((s) => s.rssMB)) };
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${ROUNDS} round(s), medians; floor = node -e 0: ${floor.wall.toFixed(2)} s wall, ${floor.cpu.toFixed(2)} s CPU, ${floor.rssMB.toFixed(0)} MB`);
  console.log(`${pad('command', 36)}${pad('wall s', 9)}${pad('× floor', 9)}${pad('CPU s', 8)}${pad('peak MB', 9)}${pad('goal', 22)}meets`);
  rows.forEach((row, i) => {
    const s = samples[i]!;
    const m = { wall: median(s.map((x) => x.wall)), cpu: median(s.map((x) => x.cpu)), rssMB: median(s.map((x) => x.rssMB)) };
    const codes = [...new Set(s.map((x) => x.code))].join('/');
    console.log(
      `${pad(row.what, 36)}${pad(m.wall.toFixed(2), 9)}${pad((m.wall / floor.wall).toFixed(1), 9)}${pad(m.cpu.toFixed(2), 8)}${pad(m.rssMB.toFixed(0), 9)}${pad(row.goal, 22)}${row.ok(m, floor) ? 'yes' : 'NO'}${codes !== '0' ? `  (exit ${codes})` : ''}`,
    );
  });
} finally {
  rmSync(out, { recursive: true, force: true });
  for (const d of generated) rmSync(d, { recursive: true, force: true });
}
