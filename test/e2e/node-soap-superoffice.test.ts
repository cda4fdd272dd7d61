/**
 * End to end with node-soap built from the real Services88 User and Favourite WSDLs (../shared), against
 * the shipped packs contracts/superoffice/Services88/User (the seven operations issue 8 measured) and
 * Services88/Favourite (every operation):
 *  1. a node-soap client calling `soapcheck mock` with the pack gets answers with plain values, and
 *     the mock finds nothing wrong with its requests;
 *  2. a node-soap server implementing them is the endpoint of the runner: every operation gets a
 *     verdict, with no finding.
 * Skipped with the reason where ../shared is absent. The pack must be generated from the WSDL
 * (`source.importer: wsdl`): a docs-derived one fails here (SOAP 1.2, every field required: issue
 * 8 measured 0 of 7 verdicts). Servers bind 127.0.0.1 on ephemeral ports.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as soap from 'soap';
import { loadContracts } from '../../src/contract/load.ts';
import type { Contract } from '../../src/contract/model.ts';
import { startMock, type MockLogEntry, type MockServer } from '../../src/mock/server.ts';
import { runContract } from '../../src/run/runner.ts';
import { createTransport } from '../../src/run/transport.ts';
import { Redactor } from '../../src/secrets/redact.ts';
import { XSD_NS } from '../../src/xml/qname.ts';
import { describeShared, SUPEROFFICE_DOCS_DIR } from '../support/corpus.ts';
import { SUBJECTS } from './support/superoffice-subjects.ts';

/**
 * The places in a node-soap result where it handed over `{attributes, $value}` instead of a plain
 * value — except in fields declared xsd:anyType (`anyTypeFields`, by local name), where xsi:type is
 * what the schema needs to say what the value is.
 */
function wrappers(v: unknown, anyTypeFields: ReadonlySet<string>, path = '$', key = ''): string[] {
  if (v === null || typeof v !== 'object' || anyTypeFields.has(key)) return [];
  const here = 'attributes' in v || '$value' in v ? [path] : [];
  return [...here, ...Object.entries(v).flatMap(([k, x]) => wrappers(x, anyTypeFields, `${path}.${k}`, k))];
}

/** Local names of the fields the contracts' types declare xsd:anyType. */
function anyTypeFieldNames(contracts: readonly Contract[]): Set<string> {
  const out = new Set<string>();
  for (const c of contracts) {
    for (const t of c.types.values()) {
      if (t.kind !== 'complex') continue;
      for (const f of t.fields) if (f.type?.ns === XSD_NS && f.type.local === 'anyType') out.add(f.name.local);
    }
  }
  return out;
}

for (const { page, pack, service: agent, args: ARGS, answers: ANSWERS } of SUBJECTS) {
  const OPS = Object.keys(ARGS);
  describeShared(`node-soap from the Services88 ${agent} WSDL and the shipped pack`, () => {
  let contracts: Contract[] = [];
  let wsdlFile = '';
  let dir = '';

  beforeAll(async () => {
    const text = readFileSync(join(SUPEROFFICE_DOCS_DIR, 'Services88', page), 'utf8');
    dir = mkdtempSync(join(tmpdir(), 'soapcheck-e2e-'));
    wsdlFile = join(dir, `${agent}.wsdl`);
    writeFileSync(wsdlFile, /```xml\n([\s\S]*?)\n```/.exec(text)![1]!);
    const loaded = await loadContracts([pack]);
    contracts = loaded.contracts.filter((c) => OPS.includes(c.operation));
    expect(contracts.map((c) => `${c.operation} ${c.source?.importer}`).sort()).toEqual(OPS.map((op) => `${op} wsdl`).sort());
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a node-soap client calling soapcheck mock gets plain values, and the mock finds nothing wrong', async () => {
    const anyTypes = anyTypeFieldNames(contracts);
    const log: MockLogEntry[] = [];
    const mock: MockServer = await startMock({ contracts, onRequest: (e) => log.push(e) });
    try {
      const client = await soap.createClientAsync(wsdlFile, { endpoint: new URL(contracts[0]!.endpoint, mock.url).toString() });
      for (const op of OPS) {
        const [result] = await (client as unknown as Record<string, (a: object) => Promise<[unknown]>>)[`${op}Async`]!(ARGS[op]!);
        expect(wrappers(result, anyTypes), op).toEqual([]);
        expect(log.at(-1), op).toMatchObject({ operation: `Services88/${agent}/${op}`, status: 200, findings: 0 });
      }
    } finally {
      await mock.close();
    }
  });

  it('a node-soap server is the endpoint of soapcheck run: every operation gets a verdict, with no finding', async () => {
    const http: Server = createServer();
    await new Promise<void>((ok) => http.listen(0, '127.0.0.1', ok));
    try {
      const described = (await soap.createClientAsync(wsdlFile)).describe() as Record<string, Record<string, unknown>>;
      const service = Object.keys(described)[0]!;
      const port = Object.keys(described[service]!)[0]!;
      const impl = Object.fromEntries(OPS.map((op) => [op, () => ANSWERS[op]]));
      soap.listen(http, `/${contracts[0]!.endpoint.replace(/^\//, '')}`, { [service]: { [port]: impl } }, readFileSync(wsdlFile, 'utf8'));
      const endpoint = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
      const verdicts: Record<string, [string, string[]]> = {};
      for (const c of contracts) {
        const r = await runContract(c, {}, { endpoint, transport: createTransport(), config: { profile: 'strict' }, redactor: new Redactor(), suite: 'e2e' });
        verdicts[c.operation] = [r.status, r.findings.map((f) => `${f.rule}: ${f.message}`)];
      }
      expect(verdicts).toEqual(Object.fromEntries(OPS.map((op) => [op, ['passed', []]])));
    } finally {
      await new Promise<void>((ok) => http.close(() => ok()));
    }
  });
});
}
