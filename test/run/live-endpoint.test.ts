/**
 * Acceptance against a live endpoint of our own on 127.0.0.1: credentials from --var and from the
 * environment arrive in the header blocks the SuperOffice pack binds; Basic (URL user-info) and
 * custom headers arrive as given; no secret is in any report or log; a 404 with an HTML body is an
 * http/status finding naming 404 and the URL; a negative case passes on a fault and fails on success.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { loadContracts } from '../../src/contract/load.ts';
import { buildMessage } from '../../src/soap/build.ts';
import { runMain } from '../support/in-process.ts';
import * as soap from 'soap';
import { filesUnder, junitCases, readSummary } from './support/reports.ts';

const GET_USER = join(REPO_ROOT, 'contracts/superoffice/Services88/User/GetUser.yaml');
const uniq = `${process.pid}-${Date.now().toString(36)}`;
const TICKET = `7T:ticket-${uniq}`;
const APP_TOKEN = `app-token-${uniq}`;
const API_KEY = `api-key-${uniq}`;
const PASSWORD = `pw-${uniq}`;
const BASIC = Buffer.from(`alice:${PASSWORD}`).toString('base64');
const WSS_PASSWORD = `wss-pw-${uniq}`;
const SECRETS = [TICKET, APP_TOKEN, API_KEY, PASSWORD, BASIC, WSS_PASSWORD];

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let server: Server;
let base: string;
const received: Received[] = [];
const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'soapcheck-live-'));
  dirs.push(d);
  return d;
};

/** What a report folder and the console hold that they must not: any secret. */
function leaks(out: string, log: string): string[] {
  const found = SECRETS.filter((s) => log.includes(s)).map((s) => `log: ${s}`);
  for (const f of filesUnder(out)) {
    const text = readFileSync(f, 'latin1');
    for (const s of SECRETS) if (text.includes(s)) found.push(`${f}: ${s}`);
  }
  return found;
}

/** The text inside the first element with this local name (any prefix). */
function elementText(xml: string, local: string): string | undefined {
  return new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${local}\\b[^>]*>([^<]*)</`).exec(xml)?.[1];
}

beforeAll(async () => {
  const { contracts } = await loadContracts([GET_USER]);
  const answer = buildMessage(contracts[0]!, 'response');
  const mediaType = contracts[0]!.soapVersion === '1.1' ? 'text/xml; charset=utf-8' : 'application/soap+xml; charset=utf-8';
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url?.startsWith('/missing/')) {
        res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body><h1>Not Found</h1></body></html>');
        return;
      }
      res.writeHead(200, { 'content-type': mediaType }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('a live endpoint', () => {
  it('gets the pack-bound credentials (--var and environment), Basic from the URL and custom headers; no secret in any report', async () => {
    const out = tempDir();
    received.length = 0;
    const r = await runMain(
      ['run', GET_USER, '--endpoint', `http://alice:${PASSWORD}@${base}/Cust1/`, '--var', `SO_TICKET=${TICKET}`, '--var', 'SO_TIKET=typo',
        '--header', 'X-Api-Key: ${API_KEY}', '--header', 'X-Trace: plain-value', '--out', out],
      { env: { SO_APP_TOKEN: APP_TOKEN, API_KEY }, cwd: REPO_ROOT },
    );
    const log = r.stdout + r.stderr;
    expect(r.code, log).toBe(0);
    expect(received).toHaveLength(1);
    const got = received[0]!;
    expect(got.path).toBe('/Cust1/Remote/Services88/User.svc');
    expect(elementText(got.body, 'Ticket')).toBe(TICKET);
    expect(elementText(got.body, 'ApplicationToken')).toBe(APP_TOKEN);
    expect(got.headers.authorization).toBe(`Basic ${BASIC}`);
    expect(got.headers['x-api-key']).toBe(API_KEY);
    expect(got.headers['x-trace']).toBe('plain-value');
    expect(r.stderr).toContain('--var SO_TIKET: no suite, contract or pack of this run refers to ${SO_TIKET}; did you mean SO_TICKET?');
    expect(readSummary(out).totals.passed).toBe(1);
    expect(leaks(out, log)).toEqual([]);
  }, 100_000);

  it('WS-Security from the command line: a PasswordDigest UsernameToken and a Timestamp that node-soap\'s digest verifies; the password in no report', async () => {
    const out = tempDir();
    received.length = 0;
    const r = await runMain(
      ['run', GET_USER, '--endpoint', `http://${base}/`, '--var', `SO_TICKET=${TICKET}`, '--var', `SO_APP_TOKEN=${APP_TOKEN}`,
        '--wsse-user', 'wss-user', '--wsse-password', '${WSS_PASSWORD}', '--wsse-digest', '--wsse-timestamp', '60', '--out', out],
      { env: { WSS_PASSWORD }, cwd: REPO_ROOT },
    );
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(received).toHaveLength(1);
    const body = received[0]!.body;
    expect(body).toContain('<wsse:Security xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"');
    expect(elementText(body, 'Username')).toBe('wss-user');
    expect(body).toContain('#PasswordDigest">');
    const nonce = elementText(body, 'Nonce')!;
    const created = /<wsse:UsernameToken[\s\S]*<wsu:Created>([^<]+)<\/wsu:Created>/.exec(body)![1]!;
    expect(elementText(body, 'Password')).toBe(soap.passwordDigest(nonce, created, WSS_PASSWORD));
    const expires = /<wsu:Expires>([^<]+)</.exec(body)![1]!;
    expect(Date.parse(expires) - Date.parse(created)).toBe(60_000);
    expect(elementText(body, 'Ticket')).toBe(TICKET);
    expect(leaks(out, r.stdout + r.stderr)).toEqual([]);
  }, 100_000);

  it('a 404 with an HTML body is an http/status finding naming 404 and the URL (console, junit.xml, summary.json)', async () => {
    const out = tempDir();
    const r = await runMain(['run', GET_USER, '--endpoint', `http://${base}/missing/`, '--var', `SO_TICKET=${TICKET}`, '--var', `SO_APP_TOKEN=${APP_TOKEN}`, '--out', out], { cwd: REPO_ROOT });
    expect(r.code, r.stderr).toBe(1);
    const url = `http://${base}/missing/Remote/Services88/User.svc`;
    const summary = readSummary(out);
    const status = summary.cases[0]!.findings.find((f) => f.rule === 'http/status') as { message?: string } | undefined;
    expect(status?.message).toMatch(new RegExp(`^HTTP status 404 from ${url.replace(/[.]/g, '\\.')}`));
    expect([...junitCases(out).values()].join('\n')).toContain(`HTTP status 404 from ${url}`);
    expect(r.stdout).toContain(`HTTP status 404 from ${url}`);
    expect(leaks(out, r.stdout + r.stderr)).toEqual([]);
  }, 100_000);
});

describe('input errors before anything is sent', () => {
  const inProcess = (args: string[], env: Record<string, string | undefined> = {}) => runMain(args, { env });


  it('an unset credential the pack binds is an input error naming the pack file and the variable', async () => {
    const before = received.length;
    const r = await inProcess(['run', GET_USER, '--endpoint', `http://${base}/`, '--var', `SO_APP_TOKEN=${APP_TOKEN}`], { SO_TICKET: undefined });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/contracts\/superoffice\/pack\.yaml: bindings\.Credentials\.Ticket: variable \$\{SO_TICKET\} has no value/);
    expect(r.stderr).not.toContain(APP_TOKEN);
    expect(received.length).toBe(before);
  });

  it('--strict-vars makes an unused --var an input error', async () => {
    const r = await inProcess(['run', GET_USER, '--endpoint', `http://${base}/`, '--var', `SO_TICKET=${TICKET}`, '--var', `SO_APP_TOKEN=${APP_TOKEN}`, '--var', 'SO_TIKET=x', '--strict-vars']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--var SO_TIKET: no suite, contract or pack of this run refers to ${SO_TIKET}; did you mean SO_TICKET?');
  });

  it('--list says where each case would go, --operation chooses cases by operation (globs), and nothing is sent', async () => {
    const before = received.length;
    const suite = join(REPO_ROOT, 'suites/superoffice-user.suite.yaml');
    const r = await inProcess(['run', suite, '--list', '--endpoint', `http://u:${PASSWORD}@${base}/C1/`, '--operation', 'Services88/User/Get*Credentials*', '--var', `SO_TICKET=${TICKET}`, '--var', `SO_APP_TOKEN=${APP_TOKEN}`]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(`superoffice-user Services88/User/GetUntrustedCredentials  →  POST http://${base}/C1/Remote/Services88/User.svc`);
    expect(lines.filter((l) => l.includes('/User/GetUser '))).toEqual([]);
    expect(lines.at(-1)).toMatch(/^\d+ case\(s\); nothing was sent \(--list\)$/);
    const all = await inProcess(['run', suite, '--list', '--operation', 'GetUser']);
    expect(all.stdout).toContain('superoffice-user Services86/User/GetUser  →  POST (embedded mock)/Remote/Services86/User.svc');
    expect(all.stdout).toContain('  GetUser with an invalid ticket  →  POST (embedded mock)/Remote/Services88/User.svc  (expects a fault)');
    expect(all.stdout).not.toContain('SaveUser');
    expect(r.stdout + all.stdout).not.toContain(PASSWORD);
    expect(received.length).toBe(before);
    const none = await inProcess(['run', suite, '--list', '--operation', 'NoSuchOperation']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('--operation "NoSuchOperation" matches no operation of this run');
  });

  it('a bad --header is a usage error', async () => {
    const r = await inProcess(['run', GET_USER, '--header', 'no colon here']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--header expects 'Name: value'");
  });
});

describe('negative cases on the embedded mock', () => {
  it('the shipped invalid-ticket case passes (the mock refuses the ticket), and one expecting a fault where none comes fails', async () => {
    const dir = tempDir();
    const suite = join(dir, 'neg.suite.yaml');
    writeFileSync(suite, [
      'soapcheck: 1', 'kind: suite', 'name: neg', `contracts: [${JSON.stringify(GET_USER)}]`, 'replay: false',
      'scenarios:',
      '  - name: a valid ticket wrongly expected to fail',
      '    steps:',
      '      - call: User/GetUser',
      '        expect: { fault: { code: Sender } }',
      '  - name: a wrong ticket refused with a Sender fault',
      '    steps:',
      '      - call: User/GetUser',
      '        values: { Credentials.Ticket: "7T:not-a-ticket" }',
      '        expect: { fault: { code: Client, reason: "^Authentication failed" } }',
    ].join('\n'));
    const out = tempDir();
    const r = await runMain(['run', join(REPO_ROOT, 'suites/superoffice-user.suite.yaml'), suite, '-t', 'invalid ticket|neg ', '--out', out], { cwd: REPO_ROOT });
    expect(r.code, r.stderr).toBe(1);
    const byName = new Map(readSummary(out).cases.map((c) => [c.name, c as typeof c & { steps?: Array<{ messages: string[] }> }]));
    expect(byName.get('scenario: an invalid ticket is refused')?.status).toBe('passed');
    expect(byName.get('scenario: a wrong ticket refused with a Sender fault')?.status).toBe('passed');
    const wrong = byName.get('scenario: a valid ticket wrongly expected to fail');
    expect(wrong?.status).toBe('failed');
    expect(wrong?.steps?.[0]?.messages.join('\n')).toMatch(/FAILED expected a SOAP Fault, got HTTP 200 without one/);
  }, 100_000);
});
