/**
 * gSOAP, a third SOAP stack (C++; Debian's gsoap and libgsoap-dev), built from the real Services88
 * User WSDL (../shared) with `soapcpp2 -1` (SOAP 1.1, as the binding says) and run in its
 * validating mode (SOAP_XML_STRICT) — `npm run test:stacks`, not `npm test`: compiling gSOAP's
 * generated code takes minutes the first time (then it is cached, see gsoap-build.ts).
 *
 * 1. `soapcheck run` of the shipped pack against a gSOAP server: every operation of the binding
 *    gets a verdict and passes (gSOAP parses every request strictly; its answers draw no finding).
 * 2. The same server with gSOAP's default of sending the request's header blocks back: a true
 *    departure from the WSDL, which binds other header blocks to the response, and soapcheck says
 *    so on every answer (header/must-understand on ApplicationToken and Credentials), and nothing
 *    else.
 * 3. A gSOAP client calls `soapcheck mock` for every operation: gSOAP accepts every answer, and
 *    the mock finds nothing wrong with any request.
 * Skipped with the reason where ../shared or gSOAP is absent (.ci/run installs gSOAP). Servers
 * bind 127.0.0.1 on ephemeral ports and are stopped; processes are bounded in time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContracts } from '../../src/contract/load.ts';
import type { Contract } from '../../src/contract/model.ts';
import { startMock, type MockLogEntry } from '../../src/mock/server.ts';
import { runContract } from '../../src/run/runner.ts';
import { createTransport } from '../../src/run/transport.ts';
import { Redactor } from '../../src/secrets/redact.ts';
import { describeShared, REPO_ROOT, SUPEROFFICE_DOCS_DIR } from '../support/corpus.ts';
import { buildGsoap, gsoapMissing, type GsoapBuild } from './gsoap-build.ts';

const PACK = join(REPO_ROOT, 'contracts', 'superoffice', 'Services88', 'User');

/** What the server answers beyond an empty response: C++ filling `r`. */
const ANSWERS = {
  GetUser: 'r.Response = soap_new_ns1__User(soap); r.Response->AssociateId = soap_new_int(soap); *r.Response->AssociateId = 5; r.Response->Name = soap_new_std__string(soap); *r.Response->Name = "ADM0";',
  SaveCredential: 'r.Response = soap_new_bool(soap); *r.Response = true;',
};

/** Starts the gSOAP server; resolves its base URL once it says it listens (bounded: 30 s). */
function startServer(build: GsoapBuild, ...args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(build.server, ['0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('gSOAP server did not say it listens within 30 s'));
    }, 30_000);
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`gSOAP server exited ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const m = /^listening (\d+)$/.exec(line);
      if (!m) return;
      clearTimeout(timer);
      resolve({ url: `http://127.0.0.1:${m[1]}/`, child });
    });
  });
}

/** The credentials a real client sends: the pack's bindings, with stand-in values. */
const CREDENTIALS = { ApplicationToken: 'app-gsoap', 'Credentials.Ticket': '7T:gsoap' };

async function verdicts(contracts: readonly Contract[], endpoint: string): Promise<Map<string, [string, string[]]>> {
  const out = new Map<string, [string, string[]]>();
  const transport = createTransport();
  for (const c of contracts) {
    const r = await runContract(c, CREDENTIALS, { endpoint, transport, config: { profile: 'strict' }, redactor: new Redactor(), suite: 'gsoap' });
    out.set(c.operation, [r.status, r.findings.map((f) => `${f.rule} ${f.path}`)]);
  }
  return out;
}

const missing = gsoapMissing();
const body = () => {
  let build: GsoapBuild;
  let contracts: Contract[] = [];
  const children: ChildProcess[] = [];

  beforeAll(() => {
    const page = readFileSync(join(SUPEROFFICE_DOCS_DIR, 'Services88', 'Services88-User.md'), 'utf8');
    build = buildGsoap(/```xml\n([\s\S]*?)\n```/.exec(page)![1]!, ANSWERS);
  }, 1_200_000);
  beforeAll(async () => {
    contracts = (await loadContracts([PACK])).contracts.filter((c) => c.source?.importer === 'wsdl');
    expect(contracts.map((c) => c.operation).sort()).toEqual([...build.operations].sort());
  });
  afterAll(() => {
    for (const c of children) c.kill();
  });

  it('soapcheck run against a gSOAP server: every operation of the binding passes, with no finding', async () => {
    const server = await startServer(build);
    children.push(server.child);
    const got = await verdicts(contracts, server.url);
    expect(got.size).toBe(build.operations.length);
    expect([...got].filter(([, [status, findings]]) => status !== 'passed' || findings.length > 0)).toEqual([]);
  }, 300_000);

  it("gSOAP's default of echoing the request's header blocks is reported on every answer, and nothing else", async () => {
    const server = await startServer(build, 'echo-headers');
    children.push(server.child);
    const some = contracts.filter((c) => ['GetUser', 'SaveCredential', 'GetCredentialTypes', 'SetPassword'].includes(c.operation));
    const got = await verdicts(some, server.url);
    for (const [op, [status, findings]] of got) {
      expect(status, op).toBe('failed');
      expect(findings.sort(), op).toEqual(['header/must-understand /Envelope/Header/ApplicationToken', 'header/must-understand /Envelope/Header/Credentials']);
    }
  }, 300_000);

  it('a gSOAP client calls soapcheck mock for every operation: gSOAP accepts every answer, the mock every request', async () => {
    const log: MockLogEntry[] = [];
    const mock = await startMock({ contracts, onRequest: (e) => log.push(e) });
    try {
      const endpoint = new URL(contracts[0]!.endpoint, mock.url).toString();
      const r = await new Promise<{ code: number | null; out: string }>((resolve, reject) => {
        const child = spawn(build.client, [endpoint], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
        let out = '';
        child.stdout.on('data', (d: Buffer) => (out += d.toString()));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code, out }));
      });
      expect(r.out.trim().split('\n').at(-1)).toBe(`ok ${build.operations.length} bad 0`);
      expect(r.code, r.out).toBe(0);
      expect(log.filter((e) => e.status !== 200 || e.findings !== 0)).toEqual([]);
      expect(log).toHaveLength(build.operations.length);
    } finally {
      await mock.close();
    }
  }, 300_000);
};

if (missing) describe.skip(`gSOAP against soapcheck [skipped: ${missing}]`, () => it('needs gSOAP', () => {}));
else describeShared('gSOAP built from the Services88 User WSDL, against soapcheck run and mock', body);

