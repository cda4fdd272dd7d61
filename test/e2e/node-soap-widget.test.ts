/**
 * End to end with a real SOAP stack: node-soap (npm `soap`) built from a WSDL
 * (test/fixtures/e2e/Demo9/Widget.wsdl), against soapcheck's WSDL-style contracts beside it.
 *  1. A node-soap client calling `soapcheck mock`: the mock answers SOAP 1.1 as the WSDL binds it,
 *     finds nothing wrong with node-soap's request, and node-soap hands its caller plain values
 *     (no `{attributes: {'xsi:type': …}, $value}` wrappers: the mock writes xsi:type only where needed).
 *  2. A node-soap server from the same WSDL as the endpoint of soapcheck's runner: the case gets a
 *     verdict, passes, and a server that says the call failed (Succeeded false) is a finding.
 * Servers bind 127.0.0.1 on ephemeral ports and are closed after.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as soap from 'soap';
import { loadContracts } from '../../src/contract/load.ts';
import type { Contract } from '../../src/contract/model.ts';
import { startMock, type MockLogEntry, type MockServer } from '../../src/mock/server.ts';
import { runContract } from '../../src/run/runner.ts';
import { createTransport } from '../../src/run/transport.ts';
import { Redactor } from '../../src/secrets/redact.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'e2e', 'Demo9');
const WSDL = join(DIR, 'Widget.wsdl');

let contract: Contract;
beforeAll(async () => {
  const { contracts, problems } = await loadContracts([DIR]);
  expect(problems).toEqual([]);
  contract = contracts.find((c) => c.operation === 'SaveWidget')!;
});

describe('a node-soap client calling soapcheck mock', () => {
  let mock: MockServer;
  const log: MockLogEntry[] = [];
  beforeAll(async () => {
    mock = await startMock({ contracts: [contract], onRequest: (e) => log.push(e) });
  });
  afterAll(async () => {
    await mock?.close();
  });

  it('gets a deserialised answer with plain values, and the mock finds nothing wrong with the request', async () => {
    const client = await soap.createClientAsync(WSDL, { endpoint: new URL('Remote/Demo9/Widget.svc', mock.url).toString() });
    const [result, , soapHeader] = await client.SaveWidgetAsync({ Widget: { WidgetId: 7, Name: 'Green widget', Active: true } });
    expect(result).toEqual({ SaveWidgetResult: { WidgetId: 42, Name: 'Blue widget', Active: false } });
    // node-soap hands header blocks over as text: it does not deserialise them by their schema type.
    expect(soapHeader).toEqual({ Succeeded: 'true' });
    expect(log.map((e) => [e.operation, e.status, e.findings])).toEqual([['Demo9/Widget/SaveWidget', 200, 0]]);
  });

  it('leaves out what the caller leaves out: an empty request passes too', async () => {
    const client = await soap.createClientAsync(WSDL, { endpoint: new URL('Remote/Demo9/Widget.svc', mock.url).toString() });
    await client.SaveWidgetAsync({});
    expect(log.at(-1)).toMatchObject({ status: 200, findings: 0 });
  });
});

describe('a node-soap server as the endpoint of soapcheck run', () => {
  let http: Server;
  let base: string;
  let succeeded = 'true';
  beforeAll(async () => {
    http = createServer((req, res) => { res.statusCode = 404; res.end(); });
    await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
    const service = {
      WidgetService: {
        BasicHttpBinding_Widget: {
          SaveWidget(args: { Widget?: { WidgetId?: number; Name?: string | null } }) {
            return { SaveWidgetResult: { WidgetId: (args.Widget?.WidgetId ?? 0) + 1, Name: args.Widget?.Name ?? null, Active: true } };
          },
        },
      },
    };
    const server = soap.listen(http, '/Remote/Demo9/Widget.svc', service, readFileSync(WSDL, 'utf8'));
    server.addSoapHeader(() => `<Succeeded xmlns="http://example.test/ws/Demo9/Widget">${succeeded}</Succeeded>`);
  });
  afterAll(async () => {
    await new Promise<void>((ok) => http?.close(() => ok()));
  });

  const run = () => runContract(contract, {}, { endpoint: base, transport: createTransport(), config: { profile: 'strict' }, redactor: new Redactor(), suite: 'e2e' });

  it('gets a verdict: node-soap answers as the WSDL says, and soapcheck finds nothing', async () => {
    succeeded = 'true';
    const r = await run();
    expect(r.findings).toEqual([]);
    expect(r.status).toBe('passed');
  });

  it('reports an answer whose Succeeded header says the call failed', async () => {
    succeeded = 'false';
    const r = await run();
    expect(r.findings.map((f) => [f.rule, f.message])).toEqual([['expectation/failed', 'call-succeeded: the service says the call failed']]);
    expect(r.status).toBe('failed');
  });
});
