import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { command } from '../../src/cli/mock.ts';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain } from '../support/in-process.ts';
import { startMock } from '../../src/mock/server.ts';
import { bodyElement, env11, FIXTURES, fixtureContracts, postSoap } from './support.ts';

const BIN = join(REPO_ROOT, 'bin', 'soapcheck.js');
const GET_TIME = env11('<C:GetTime><C:Zone xsi:type="xsd:string">UTC</C:Zone></C:GetTime>');
const ACTION = 'http://example.test/ws/Demo9/Clock/GetTime';

const tmp = mkdtempSync(join(tmpdir(), 'soapcheck-mock-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Run `soapcheck mock …` in process (for --help and errors that end before the server starts). */
function runInProcess(args: string[]) {
  return runMain(['mock', ...args], { cwd: REPO_ROOT });
}

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

let running: Running | undefined;
afterEach(() => {
  if (running && running.child.exitCode === null) running.child.kill('SIGKILL');
  running = undefined;
});

/** Start `soapcheck mock …` and wait (bounded) for its banner (URL line to `Ctrl-C to stop`). */
async function startCli(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [BIN, 'mock', ...args, '--port', '0'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL line within 20 s:\n${out}\n${err}`)), 20_000);
    const poll = setInterval(() => {
      const m = /^soapcheck mock listening on (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(out);
      if ((m && out.includes('Ctrl-C to stop')) || child.exitCode !== null) {
        clearInterval(poll);
        clearTimeout(timer);
        if (m) resolve(m[1]!);
        else reject(new Error(`exited ${child.exitCode}:\n${out}\n${err}`));
      }
    }, 25);
  });
  running = { child, url, output: () => out, exited };
  return running;
}

/** Wait (bounded) until the output so far matches `pattern`; fails naming what it waited for. */
async function outputMatching(r: Running, pattern: RegExp, ms = 10_000): Promise<string> {
  const until = Date.now() + ms;
  while (!pattern.test(r.output())) {
    if (Date.now() > until || r.child.exitCode !== null) throw new Error(`no line matching ${pattern} within ${ms} ms:\n${r.output()}`);
    await new Promise((next) => setTimeout(next, 10));
  }
  return r.output();
}

/** Wait (bounded) for the process to exit. */
function exitWithin(r: Running, ms: number): Promise<number | null | 'timeout'> {
  return Promise.race([r.exited, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms))]);
}

describe('soapcheck mock CLI', () => {
  it('--help names every option the command accepts', async () => {
    const r = await runInProcess(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: soapcheck mock/);
    for (const flag of ['--host', '--port', '--profile', '--rule', '--max-body-bytes', '--quiet', '*.suite.yaml']) expect(r.stdout).toContain(flag);
    expect(r.stdout.trimEnd()).toBe(command.help.trimEnd());
  });

  it.each([
    [['--port', 'eighty', FIXTURES], /--port expects a whole number/],
    [['--profile', 'lenient', FIXTURES], /--profile must be strict or compatible/],
    [['--rule', 'no/such-rule=off', FIXTURES], /no\/such-rule/],
    [['--nope', FIXTURES], /nope/],
    [[join(tmp, 'missing-folder')], /missing-folder/],
  ])('usage or input error %j → exit 2 with a message', async (args, message) => {
    const r = await runInProcess(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('says so when the port is taken (exit 2)', async () => {
    const taken = await startMock({ contracts: await fixtureContracts() });
    try {
      const r = await runInProcess([FIXTURES, '--port', String(taken.port)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`cannot listen on 127.0.0.1:${taken.port}: EADDRINUSE`);
    } finally {
      await taken.close();
    }
  });

  it('refuses contracts with problems, naming file and line', async () => {
    const bad = join(tmp, 'bad');
    rmSync(bad, { recursive: true, force: true });
    mkdirSync(bad, { recursive: true });
    writeFileSync(join(bad, 'Broken.yaml'), 'soapcheck: 1\nkind: operation\nservice: X\nversion: V1\noperation: Broken\nendpoint: x.svc\nsoap: { version: "1.3", action: a }\nnamespaces: {}\nrequest: { body: { name: A } }\nresponse: { body: { name: B } }\n');
    const r = await runInProcess([bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Broken\.yaml:7/);
  });

  it('serves, logs one line per request, and exits 0 on SIGTERM', async () => {
    const r = await startCli([FIXTURES]);
    expect(r.output()).toContain('POST /Remote/Demo9/Clock.svc  Demo9/Clock/GetTime  SOAP 1.1  action http://example.test/ws/Demo9/Clock/GetTime');
    const res = await postSoap(new URL('Remote/Demo9/Clock.svc?secret=q', r.url).toString(), '1.1', GET_TIME, ACTION);
    expect(res.status).toBe(200);
    expect(bodyElement(res.body).local).toBe('GetTimeResponse');
    await outputMatching(r, /^POST \/Remote\/Demo9\/Clock\.svc → 200 {2}Demo9\/Clock\/GetTime {2}0 findings/m);
    expect(r.output()).not.toContain('secret=q');
    expect(r.output()).not.toContain('<C:Zone');
    r.child.kill('SIGTERM');
    expect(await exitWithin(r, 10_000)).toBe(0);
  });

  it('exits 0 on SIGINT too, with a keep-alive client still connected', async () => {
    const r = await startCli([FIXTURES, '--quiet']);
    const res = await request(new URL('Remote/Demo9/Clock.svc', r.url), { method: 'GET' });
    expect(res.statusCode).toBe(200);
    await res.body.text();
    r.child.kill('SIGINT');
    expect(await exitWithin(r, 10_000)).toBe(0);
  });

  it('takes a suite: its contracts and its mock responses', async () => {
    const suite = join(tmp, 'clock.suite.yaml');
    writeFileSync(
      suite,
      [
        'soapcheck: 1',
        'kind: suite',
        'name: clock-mock',
        'contracts:',
        `  - ${join(FIXTURES, 'Demo9', 'Clock')}`,
        'profile: compatible',
        'mock:',
        '  responses:',
        '    - operation: Clock/GetTime',
        '      values: { GetTimeResponse.Zone: from-the-suite }',
        '',
      ].join('\n'),
    );
    const r = await startCli([suite]);
    expect(r.output()).toContain('profile compatible; 2 operations');
    const res = await postSoap(new URL('Remote/Demo9/Clock.svc', r.url).toString(), '1.1', GET_TIME, ACTION);
    expect(res.body).toContain('from-the-suite');
    r.child.kill('SIGTERM');
    expect(await exitWithin(r, 10_000)).toBe(0);
  });
});
