/**
 * End to end with zeep (Python, Debian's python3-zeep), a second SOAP stack built from the real
 * Services88 WSDLs (../shared): a zeep client calls `soapcheck mock` serving the shipped packs,
 * with the request header blocks (ApplicationToken, Credentials) a real client sends. Every call
 * must reach a verdict: zeep deserialises every answer into its own data (it raises on anything
 * its WSDL does not allow), and the mock finds nothing wrong with any request. A request from
 * another version's WSDL is refused, so the mock's silence is not vacuous.
 *
 * Skipped with the reason where ../shared is absent or no python3 with zeep is found (.ci/run
 * installs python3-zeep). The mock binds 127.0.0.1 on an ephemeral port; zeep is bounded in time.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContracts } from '../../src/contract/load.ts';
import type { Contract } from '../../src/contract/model.ts';
import { startMock, type MockLogEntry } from '../../src/mock/server.ts';
import { describeShared, REPO_ROOT, SUPEROFFICE_DOCS_DIR } from '../support/corpus.ts';
import { SUBJECTS } from './support/superoffice-subjects.ts';

const CALLER = join(REPO_ROOT, 'test', 'e2e', 'zeep', 'call.py');

/** A python3 that imports zeep (Debian's /usr/bin/python3 first: python3-zeep installs there). */
const PYTHON = ['/usr/bin/python3', 'python3'].find((p) => spawnSync(p, ['-c', 'import zeep'], { timeout: 30_000 }).status === 0);

interface Outcome { op: string; ok: boolean; result?: unknown; fault?: string; error?: string }

/** Runs call.py with `job` on stdin; resolves its JSON answer (bounded: 90 s, then killed). */
function zeep(job: object): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(PYTHON!, [CALLER], { stdio: ['pipe', 'pipe', 'pipe'], timeout: 90_000 });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) reject(new Error(`zeep caller exited ${code ?? signal}: ${err.slice(-2000)}`));
      else resolve(JSON.parse(out) as Outcome[]);
    });
    child.stdin.end(JSON.stringify(job));
  });
}

/** Keys where zeep kept XML it could not map onto its WSDL's types. */
function unmapped(v: unknown, path = '$'): string[] {
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => [...(k === '_value_1' || k === '_raw_elements' ? [`${path}.${k}`] : []), ...unmapped(x, `${path}.${k}`)]);
}

const HEADERS = { ApplicationToken: 'app-token-zeep', Credentials: { Ticket: '7T:zeep-ticket' } };

const body = () => {
  for (const { page, pack, service: agent, args } of SUBJECTS) {
    describe(`zeep from the Services88 ${agent} WSDL and the shipped pack`, () => {
      let contracts: Contract[] = [];
      let dir = '';
      let wsdl = '';
      beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'soapcheck-zeep-'));
        wsdl = join(dir, `${agent}.wsdl`);
        writeFileSync(wsdl, /```xml\n([\s\S]*?)\n```/.exec(readFileSync(join(SUPEROFFICE_DOCS_DIR, 'Services88', page), 'utf8'))![1]!);
        contracts = (await loadContracts([pack])).contracts;
      });
      afterAll(() => {
        if (dir) rmSync(dir, { recursive: true, force: true });
      });

      it('a zeep client calling soapcheck mock gets every answer deserialised, and the mock finds nothing wrong', async () => {
        const log: MockLogEntry[] = [];
        const mock = await startMock({ contracts, onRequest: (e) => log.push(e) });
        try {
          const ops = Object.keys(args);
          const sample = contracts.find((c) => c.operation === ops[0])!;
          const outcomes = await zeep({
            wsdl,
            binding: `{${sample.request.body.name.ns}}${sample.binding}`,
            endpoint: new URL(sample.endpoint, mock.url).toString(),
            calls: ops.map((op) => ({ op, args: args[op], headers: HEADERS })),
          });
          expect(outcomes.filter((o) => !o.ok)).toEqual([]);
          expect(outcomes.map((o) => o.op)).toEqual(ops);
          for (const o of outcomes) expect(unmapped(o.result), o.op).toEqual([]);
          expect(log.map((e) => [e.operation, e.status, e.findings])).toEqual(ops.map((op) => [`Services88/${agent}/${op}`, 200, 0]));
        } finally {
          await mock.close();
        }
      });

      if (agent === 'User') {
        it('the same zeep client calling the Services87 pack is refused with a fault (the mock checks its requests)', async () => {
          const log: MockLogEntry[] = [];
          const old = (await loadContracts([join(REPO_ROOT, 'contracts', 'superoffice', 'Services87', 'User')])).contracts;
          const mock = await startMock({ contracts: old, onRequest: (e) => log.push(e) });
          try {
            const sample = contracts.find((c) => c.operation === 'GetUser')!;
            const [o] = await zeep({
              wsdl,
              binding: `{${sample.request.body.name.ns}}${sample.binding}`,
              endpoint: new URL('Remote/Services87/User.svc', mock.url).toString(),
              calls: [{ op: 'GetUser', args: { UserId: 5 }, headers: HEADERS }],
            });
            expect(o?.ok).toBe(false);
            expect(o?.fault ?? o?.error).toBeTruthy();
            expect(log).toHaveLength(1);
            expect(log[0]!.status).toBeGreaterThanOrEqual(400);
          } finally {
            await mock.close();
          }
        });
      }
    });
  }
};

if (PYTHON) describeShared('zeep, a second SOAP stack, against soapcheck mock', body);
else describe.skip('zeep against soapcheck mock [skipped: no python3 with zeep; install Debian\'s python3-zeep]', () => it('needs zeep', () => {}));
