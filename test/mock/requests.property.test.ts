/**
 * Fuzzing the mock's request handling (fast-check): random methods, paths, headers and bodies over real HTTP on
 * 127.0.0.1. Every request gets an HTTP answer with a status the mock documents (never a dropped connection or a
 * crash), and the mock still serves a valid request afterwards. Bounded runs, so it stays in `npm test`.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'undici';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { env11, fixtureContracts, postSoap } from './support.ts';

const CLOCK = 'Remote/Demo9/Clock.svc';
const GET_TIME = 'http://example.test/ws/Demo9/Clock/GetTime';
/** What the mock answers, by docs/mock.md: listing, faults (500/400), 404, 405, 413, 503. */
const DOCUMENTED = new Set([200, 400, 404, 405, 413, 500, 503]);

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock({ contracts: await fixtureContracts(), maxBodyBytes: 4096 });
});
afterAll(async () => {
  await mock?.close();
});

const piece = fc.constantFrom(
  '<C:GetTime>', '</C:GetTime>', '<C:Zone>', '</C:Zone>', 'UTC', '&amp;', '&foo;', '<!DOCTYPE x [<!ENTITY e "x">]>', '<![CDATA[x]]>', '<?pi?>',
  '<s:Header>', '</s:Header>', '\u0000', '😀', '<', '>', '"', 'x'.repeat(900),
);
const body = fc.oneof(
  fc.array(piece, { maxLength: 12 }).map((ps) => env11(ps.join(''))),
  fc.array(piece, { maxLength: 12 }).map((ps) => ps.join('')),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b)),
);
const method = fc.constantFrom('POST', 'POST', 'POST', 'GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'PATCH');
const path = fc.constantFrom(CLOCK, `${CLOCK}?wsdl`, 'Remote/Demo9/Vault.svc', 'nothing.svc', '', `x/../${CLOCK}`, '%2e%2e/%00', `${CLOCK}/`);
const contentType = fc.constantFrom('text/xml', 'text/xml; charset=utf-8', 'application/soap+xml; charset=utf-8; action="x"', 'text/xml; charset=iso-8859-1', 'application/json', 'text/xml; charset=utf-16', '');
const action = fc.constantFrom(GET_TIME, `"${GET_TIME}"`, '', 'x', '"', 'http://example.test/ws/Demo9/Vault/GetSecrets');

describe('mock request handling (property)', () => {
  it('answers every request with a documented status and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(method, path, contentType, action, body, async (m, p, ct, a, b) => {
        const withBody = m !== 'GET' && m !== 'HEAD';
        const headers: Record<string, string> = { soapaction: a };
        if (ct) headers['content-type'] = ct;
        const r = await request(new URL(p, mock.url), { method: m as 'POST', headers, ...(withBody ? { body: b } : {}) });
        await r.body.dump();
        expect(DOCUMENTED.has(r.statusCode), `${m} /${p} → ${r.statusCode}`).toBe(true);
      }),
      { numRuns: 150 },
    );
    const ok = await postSoap(new URL(CLOCK, mock.url).toString(), '1.1', env11('<C:GetTime><C:Zone xsi:type="xsd:string">UTC</C:Zone></C:GetTime>'), GET_TIME);
    expect(ok.status).toBe(200);
  });
});
