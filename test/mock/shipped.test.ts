/**
 * The mock over every shipped contract pack: each contract's own request is accepted, and the
 * answer passes the checks as a response of that contract (what the runner will verify).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pool } from 'undici';
import { checkMessage, compileContract } from '../../src/checks/index.ts';
import type { Contract } from '../../src/contract/model.ts';
import { loadContracts } from '../../src/contract/load.ts';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { buildMessage } from '../../src/soap/build.ts';
import { contentTypeFor } from '../../src/soap/versions.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const PACKS = join(REPO_ROOT, 'contracts', 'superoffice');

const suite = existsSync(PACKS) ? describe : describe.skip;

suite('mock over the shipped SuperOffice contracts', () => {
  let contracts: Contract[] = [];
  let mock: MockServer;
  let pool: Pool;

  beforeAll(async () => {
    const loaded = await loadContracts([PACKS]);
    expect(loaded.problems).toEqual([]);
    contracts = loaded.contracts;
    mock = await startMock({ contracts });
    pool = new Pool(mock.url, { connections: 8 });
  });
  afterAll(async () => {
    await pool?.close();
    await mock?.close();
  });

  it('accepts every contract\'s built request and answers a response that passes its checks', async () => {
    expect(contracts.length).toBeGreaterThan(0);
    const failures: string[] = [];
    const queue = [...contracts];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const headers: Record<string, string> = { 'content-type': contentTypeFor(c.soapVersion, c.action) };
        if (c.soapVersion === '1.1') headers['soapaction'] = `"${c.action}"`;
        const r = await pool.request({ path: '/Cust1/' + c.endpoint.replace(/^\//, ''), method: 'POST', body: buildMessage(c, 'request'), headers });
        const body = await r.body.text();
        const responseHeaders: Record<string, string> = {};
        for (const [k, v] of Object.entries(r.headers)) if (typeof v === 'string') responseHeaders[k] = v;
        const { findings } = checkMessage(compileContract(c), { direction: 'response', body, http: { status: r.statusCode, headers: responseHeaders } }, { profile: 'strict' });
        const id = `${c.version}/${c.service}/${c.operation}`;
        if (r.statusCode !== 200) failures.push(`${id}: HTTP ${r.statusCode}`);
        for (const f of findings.filter((x) => x.severity === 'error')) failures.push(`${id}: response ${f.rule} at ${f.path}: ${f.message}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    expect(failures).toEqual([]);
  });
});
