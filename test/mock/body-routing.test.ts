/**
 * `verify` and the mock pick an operation by the same reading of the body element (src/checks/body-name.ts): the
 * SOAP Body counts only in the envelope's own namespace. A message whose Body is in another namespace has no body
 * element to either of them, so neither routes it to an operation by what lies inside that foreign Body.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contract } from '../../src/contract/model.ts';
import { startMock, type MockLogEntry, type MockServer } from '../../src/mock/server.ts';
import { runMain } from '../support/in-process.ts';
import { env12, FIXTURES, fixtureContracts, NS, postSoap, readFault, VAULT_HEADERS } from './support.ts';

const getSecrets = '<V:GetSecrets><V:Kind xsi:type="xsd:string">imap</V:Kind></V:GetSecrets>';
/** GetSecrets, but inside a Body of another namespace than the envelope's. */
const foreignBody = env12('', VAULT_HEADERS).replace('<e:Body></e:Body>', `<x:Body xmlns:x="urn:not-soap">${getSecrets}</x:Body>`);
const plain = env12(getSecrets, VAULT_HEADERS);

let contracts: Contract[];
let mock: MockServer;
let dir: string;
const log: MockLogEntry[] = [];

beforeAll(async () => {
  contracts = await fixtureContracts();
  mock = await startMock({ contracts, onRequest: (e) => log.push(e) });
  dir = mkdtempSync(join(tmpdir(), 'soapcheck-body-routing-'));
});
afterAll(async () => {
  await mock?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function viaMock(message: string): Promise<{ status: number; operation?: string; reason?: string }> {
  const before = log.length;
  const r = await postSoap(new URL('Remote/Demo9/Vault.svc', mock.url).toString(), '1.2', message);
  const entry = log.slice(before).at(-1);
  return { status: r.status, ...(entry?.operation ? { operation: entry.operation } : {}), ...(r.status !== 200 ? { reason: readFault(r.body).reason } : {}) };
}

async function viaVerify(message: string, name: string): Promise<{ code: number; out: string }> {
  const file = join(dir, name);
  writeFileSync(file, message);
  const r = await runMain(['verify', join(FIXTURES, 'Demo9', 'Vault'), file, '--request']);
  return { code: r.code, out: r.stdout + r.stderr };
}

describe('body element: verify and the mock route alike', () => {
  it('a plain request is routed to its operation by both', async () => {
    const m = await viaMock(plain);
    expect(m.operation).toMatch(/GetSecrets$/);
    const v = await viaVerify(plain, 'plain.xml');
    expect(v.out).not.toMatch(/cannot select an operation|no operation matches/);
  });

  it('a Body in another namespace than the envelope is no SOAP Body to either: neither routes by what it holds', async () => {
    expect(NS.s12).not.toBe('urn:not-soap');
    const m = await viaMock(foreignBody);
    expect(m.status).not.toBe(200);
    expect(m.operation).toBeUndefined();
    expect(m.reason).toMatch(/no body element/);
    const v = await viaVerify(foreignBody, 'foreign-body.xml');
    expect(v.code).toBe(2);
    expect(v.out).toMatch(/cannot select an operation: the message has no SOAP Body element/);
  });
});
