/**
 * Whole-command benchmark: the goals of issue 9 printed side by side with their floors, in one run.
 *
 *   npx tsx bench/run.ts [--rounds 3] [--sizes 1000] [--messages 2000]
 *   SOAPCHECK_BENCH_20K=1 npx tsx bench/run.ts       (adds 20,000 contracts: minutes)
 *
 * Every figure is a whole process (`node bin/soapcheck.js …`, the compiled dist/: run `npm run build` first),
 * timed by /usr/bin/time: wall seconds, CPU seconds and peak RSS. `soapcheck run` is one process (the embedded
 * mock runs inside it), so its peak RSS is the whole process tree's. Rounds alternate floor and command so that
 * drift on a shared machine hits both; medians are printed. Each run writes its reports into a folder emptied
 * before it starts (untimed), as in a fresh CI workspace.
 *
 *   floor                     node -e 0
 *   soapcheck --help          goal ≤ 2× the floor's wall time
 *   verify, one message       goal ≤ 0.3 s
 *   run, one contract         goal ≤ 0.5 s and ≤ 150 MB, on the embedded mock
 *   run, N contracts          goal N=1,000 ≤ 3 s / 400 MB; N=20,000 ≤ 30 s / 1.5 GB (the Services88 User
 *                             pack's operations repeated under services of one version sharing its types
 *                             file and schemas, all four reporters); the per-contract CPU of each size is
 *                             printed, so that linearity shows
 *   verify, M messages        M GetUser responses routed by body element among the User pack's contracts,
 *                             goal ≤ 2× the CPU of a floor process that reads and parses the same M files
 *                             (each message parsed once)
 *
 * The runner's request rate against a bare undici loop is bench/replay.ts; the mock against node-soap is
 * bench/mock.ts.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/soapcheck.js');
const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, sizes: { type: 'string' }, messages: { type: 'string', default: '2000' } },
});
const ROUNDS = Number(args.rounds);
const SIZES = (args.sizes ?? (process.env.SOAPCHECK_BENCH_20K ? '1000,20000' : '1000')).split(',').filter(Boolean).map(Number);
const MESSAGES = Number(args.messages);

interface Sample {
  wall: number;
  cpu: number;
  rssMB: number;
  code: number;
}

/** One run of `argv` under /usr/bin/time; `fresh` is emptied first (untimed). */
function measure(argv: string[], fresh?: string, cwd = ROOT): Sample {
  if (fresh) rmSync(fresh, { recursive: true, force: true });
  const r = spawnSync('/usr/bin/time', ['-f', 'BENCH %e %U %S %M', ...argv], { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const m = /BENCH (\S+) (\S+) (\S+) (\d+)\s*$/.exec(r.stderr);
  if (!m) throw new Error(`could not time ${argv.join(' ')}: ${r.stderr.slice(-500)}`);
  return { wall: Number(m[1]), cpu: Number(m[2]) + Number(m[3]), rssMB: Number(m[4]) / 1024, code: r.status ?? -1 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * A pack of N contracts shaped like a big vendor pack: the User pack's operations (the 84 that
 * `import wsdl` wrote) repeated under services S0, S1, … of up to one pack's worth of operations
 * each, every service at its own endpoint, all of them sharing the version's one types file and one
 * set of schemas (`types: ../types.yaml`, `schemas: ../schemas/*.xsd`), so that what is shared is
 * paid once and what grows with N is the per-contract cost.
 */
function generateContracts(n: number): string {
  const dir = mkdtempSync(join(tmpdir(), `soapcheck-bench-${n}-`));
  const src = join(ROOT, 'contracts/superoffice/Services88/User');
  const version = join(dir, 'Services88');
  mkdirSync(join(version, 'schemas'), { recursive: true });
  copyFileSync(join(src, 'types.yaml'), join(version, 'types.yaml'));
  for (const f of readdirSync(join(src, 'schemas'))) copyFileSync(join(src, 'schemas', f), join(version, 'schemas', f));
  const operations = readdirSync(src)
    .filter((f) => f.endsWith('.yaml') && f !== 'types.yaml')
    .sort()
    .map((f) => ({ file: f, text: readFileSync(join(src, f), 'utf8') }))
    .filter((op) => /^importer: wsdl$/m.test(op.text.replace(/^  /gm, '')));
  for (let i = 0; i < n; i++) {
    const op = operations[i % operations.length]!;
    const service = `S${Math.floor(i / operations.length)}`;
    const folder = join(version, service);
    if (i % operations.length === 0) mkdirSync(folder);
    const t = op.text
      .replace(/^service: User$/m, `service: ${service}`)
      .replace(/^endpoint: Remote\/Services88\/User\.svc$/m, `endpoint: Remote/Services88/${service}.svc`)
      .replace(/^types: types\.yaml$/m, 'types: ../types.yaml')
      .replace(/^(\s+- )schemas\//gm, '$1../schemas/');
    if (!t.includes(`service: ${service}`) || !t.includes('types: ../types.yaml')) throw new Error(`bench: ${op.file} is not shaped as expected`);
    writeFileSync(join(folder, op.file), t);
  }
  return dir;
}

/** M copies of the GetUser response (as the mock answers it), in a folder of their own. */
function generateMessages(m: number): string {
  const dir = mkdtempSync(join(tmpdir(), `soapcheck-bench-messages-${m}-`));
  const r = spawnSync(process.execPath, [BIN, 'example', join(ROOT, 'contracts/superoffice/Services88/User/GetUser.yaml'), '--response'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`soapcheck example failed: ${r.stderr}`);
  for (let i = 0; i < m; i++) writeFileSync(join(dir, `m${i}.xml`), r.stdout);
  return dir;
}

interface Row {
  what: string;
  argv: string[];
  goal: string;
  ok: (s: { wall: number; cpu: number; rssMB: number }, floor: { wall: number }, peer?: { cpu: number }) => boolean;
  /** A process measured beside this one, in the same rounds: the row's CPU is shown as a ratio to it. */
  peer?: { what: string; argv: string[] };
  /** Contracts in the run: CPU per contract is shown. */
  contracts?: number;
  /** Emptied before each run (the reports folder). */
  out?: string;
}

const outRoot = mkdtempSync(join(tmpdir(), 'soapcheck-bench-out-'));
const outFor = (name: string) => join(outRoot, name);
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
    argv: [node, BIN, 'run', join(ROOT, 'contracts/superoffice/Services88/User/GetUser.yaml'), '--out', outFor('one')],
    out: outFor('one'),
    goal: '≤ 0.5 s, ≤ 150 MB',
    ok: (s) => s.wall <= 0.5 && s.rssMB <= 150,
    contracts: 1,
  },
];
const generated: string[] = [];
for (const n of SIZES) {
  const dir = generateContracts(n);
  generated.push(dir);
  const goal = n <= 1000 ? { s: 3 * (n / 1000), mb: 400 } : { s: 30 * (n / 20000), mb: 1500 };
  rows.push({
    what: `run, ${n.toLocaleString('en')} contracts`,
    argv: [node, BIN, 'run', dir, '--out', outFor(`n${n}`), '--concurrency', '16'],
    out: outFor(`n${n}`),
    goal: `≤ ${goal.s} s, ≤ ${goal.mb} MB`,
    ok: (s) => s.wall <= goal.s && s.rssMB <= goal.mb,
    contracts: n,
  });
}
const messages = generateMessages(MESSAGES);
generated.push(messages);
// The parse floor: the same files read and parsed (the engine soapcheck uses, hardened the same way), nothing checked.
const parseFloor = `const { readdirSync, readFileSync } = await import('node:fs');
const { parseXml } = await import(${JSON.stringify(join(ROOT, 'dist/xml/parse.js'))});
const dir = ${JSON.stringify(messages)};
let bad = 0;
for (const f of readdirSync(dir)) if (!parseXml(readFileSync(dir + '/' + f)).ok) bad++;
if (bad) process.exit(1);`;
rows.push({
  what: `verify, ${MESSAGES.toLocaleString('en')} messages, contracts folder`,
  argv: [node, BIN, 'verify', join(ROOT, 'contracts/superoffice/Services88/User'), ...readdirSync(messages).map((f) => join(messages, f))],
  goal: '≤ 2× parse floor CPU',
  ok: (s, _f, peer) => peer !== undefined && s.cpu <= 2 * peer.cpu,
  peer: { what: 'parse floor (read + parse the same files)', argv: [node, '--input-type=module', '-e', parseFloor] },
});

try {
  const floors: Sample[] = [];
  const samples = rows.map(() => [] as Sample[]);
  const peers = rows.map(() => [] as Sample[]);
  for (let round = 0; round < ROUNDS; round++) {
    rows.forEach((row, i) => {
      floors.push(measure([node, '-e', '0']));
      if (row.peer) peers[i]!.push(measure(row.peer.argv));
      samples[i]!.push(measure(row.argv, row.out));
    });
  }
  const med = (s: Sample[]) => ({ wall: median(s.map((x) => x.wall)), cpu: median(s.map((x) => x.cpu)), rssMB: median(s.map((x) => x.rssMB)) });
  const floor = med(floors);
  const pad = (s: string, n: number) => s.padEnd(n);
  console.log(`${ROUNDS} round(s), medians; floor = node -e 0: ${floor.wall.toFixed(2)} s wall, ${floor.cpu.toFixed(2)} s CPU, ${floor.rssMB.toFixed(0)} MB`);
  console.log(`${pad('command', 44)}${pad('wall s', 9)}${pad('× floor', 9)}${pad('CPU s', 8)}${pad('peak MB', 9)}${pad('goal', 24)}meets`);
  const line = (what: string, m: { wall: number; cpu: number; rssMB: number }, goal: string, meets: string, extra = '') =>
    console.log(`${pad(what, 44)}${pad(m.wall.toFixed(2), 9)}${pad((m.wall / floor.wall).toFixed(1), 9)}${pad(m.cpu.toFixed(2), 8)}${pad(m.rssMB.toFixed(0), 9)}${pad(goal, 24)}${meets}${extra}`);
  rows.forEach((row, i) => {
    const s = samples[i]!;
    const m = med(s);
    const codes = [...new Set(s.map((x) => x.code))].join('/');
    const peer = row.peer ? med(peers[i]!) : undefined;
    if (row.peer && peer) line(`  ${row.peer.what}`, peer, '', '');
    const extras = [
      codes !== '0' ? `exit ${codes}` : '',
      peer ? `CPU ${(m.cpu / peer.cpu).toFixed(2)}× the parse floor` : '',
      row.contracts ? `${((m.cpu / row.contracts) * 1000).toFixed(2)} ms CPU per contract` : '',
    ].filter(Boolean);
    line(row.what, m, row.goal, row.ok(m, floor, peer) ? 'yes' : 'NO', extras.length ? `  (${extras.join('; ')})` : '');
  });
} finally {
  rmSync(outRoot, { recursive: true, force: true });
  for (const d of generated) rmSync(d, { recursive: true, force: true });
}
