/** The runner core with a stand-in transport: requests, results, redaction, concurrency, scenarios. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContracts } from '../../src/contract/load.ts';
import type { Contract } from '../../src/contract/model.ts';
import { Redactor } from '../../src/secrets/redact.ts';
import type { CaseResult } from '../../src/run/result.ts';
import { endpointUrl, runContract, runScenario, valuesFor, type RunContext, type ScenarioContext } from '../../src/run/runner.ts';
import type { Scenario } from '../../src/run/suite.ts';
import { TransportError, type HttpRequest, type HttpResponse, type Transport } from '../../src/run/transport.ts';
import { Variables } from '../../src/run/variables.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const NS = 'urn:example:inventory:v1';
let contracts: Contract[];
const byOp = (op: string) => contracts.find((c) => c.operation === op)!;

beforeAll(async () => {
  const r = await loadContracts([join(REPO_ROOT, 'test/fixtures/run/inventory')]);
  expect(r.problems).toEqual([]);
  contracts = r.contracts;
});

function response(op: string, inner: string): string {
  return `<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:inv="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"><soap:Body><inv:${op}Response>${inner}</inv:${op}Response></soap:Body></soap:Envelope>`;
}
const item = (id: string, name: string) => `<inv:Item xsi:type="inv:Item"><inv:Id xsi:type="xsd:int">${id}</inv:Id><inv:Name xsi:type="xsd:string">${name}</inv:Name><inv:InStock xsi:type="xsd:boolean">true</inv:InStock></inv:Item>`;

/** A transport that answers from a function and records what it was sent. */
class FakeTransport implements Transport {
  sent: HttpRequest[] = [];
  inFlight = 0;
  maxInFlight = 0;
  constructor(private readonly answer: (req: HttpRequest) => HttpResponse | TransportError, private readonly delayMs = 0) {}
  async send(req: HttpRequest): Promise<HttpResponse> {
    this.sent.push(req);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
      const a = this.answer(req);
      if (a instanceof TransportError) throw a;
      return a;
    } finally {
      this.inFlight--;
    }
  }
  async close() {}
}

const ok = (body: string): HttpResponse => ({ status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body, durationMs: 1 });
const opOf = (req: HttpRequest) => req.headers['soapaction']!.replace(/"/g, '').split('/').pop()!;

function ctx(transport: Transport, redactor = new Redactor()): RunContext {
  return { endpoint: 'http://127.0.0.1:9/Cust1', transport, config: { profile: 'strict' }, redactor, suite: 's' };
}

describe('endpointUrl', () => {
  it.each([
    ['https://host/Cust12345/', 'Remote/Services88/User.svc', 'https://host/Cust12345/Remote/Services88/User.svc'],
    ['https://host/Cust12345', 'Remote/Services88/User.svc', 'https://host/Cust12345/Remote/Services88/User.svc'],
    ['https://host/Cust12345/', '/Remote/Services88/User.svc', 'https://host/Cust12345/Remote/Services88/User.svc'],
    ['http://127.0.0.1:8080', 'api/V1/Inventory.svc', 'http://127.0.0.1:8080/api/V1/Inventory.svc'],
  ])('%s + %s', (base, path, expected) => {
    expect(endpointUrl(base, path)).toBe(expected);
  });
});

describe('endpointUrl never leaves the base URL (issue 10)', () => {
  it.each([
    ['\\\\127.0.0.1:8\\x'],
    [' //127.0.0.1:8/x'],
    ['\\/127.0.0.1:8/x'],
    ['\t//127.0.0.1:8/x'],
    ['../Other/x.svc'],
    ['Remote/%2e%2e/%2E%2E/x'],
    ['/x:y/z'],
    ['https:other.example/x'],
  ])('%j throws instead of resolving elsewhere', (path) => {
    expect(() => endpointUrl('http://127.0.0.1:9/Cust1/', path)).toThrow(/outside the base URL http:\/\/127\.0\.0\.1:9\/Cust1\//);
  });
});

describe('valuesFor', () => {
  it('Version/Service/Operation > Service/Operation > *', () => {
    const c = { service: 'Inventory', version: 'V1', operation: 'GetItem' } as Contract;
    expect(valuesFor(c, { '*': { a: '1', b: '1', c: '1' }, 'Inventory/GetItem': { b: '2', c: '2' }, 'V1/Inventory/GetItem': { c: '3' }, 'Inventory/Other': { a: 'x' } })).toEqual({ a: '1', b: '2', c: '3' });
  });
});

describe('runContract', () => {
  it('sends the built request to the resolved URL with SOAPAction and content type, and passes a conforming answer', async () => {
    const t = new FakeTransport(() => ok(response('GetItem', item('7', 'bolt'))));
    const r = await runContract(byOp('GetItem'), { GetItem: '' }, ctx(t));
    expect(r).toMatchObject({ id: 's/Inventory/V1/GetItem', kind: 'contract', status: 'passed', findings: [] });
    expect(t.sent[0]).toMatchObject({ url: 'http://127.0.0.1:9/Cust1/api/V1/Inventory.svc', method: 'POST' });
    expect(t.sent[0]!.headers).toMatchObject({ 'content-type': 'text/xml; charset=utf-8', soapaction: '"urn:example:inventory:v1/GetItem"' });
    expect(t.sent[0]!.body).toMatch(/<soap:Header>[\s\S]*Ticket[\s\S]*<\/soap:Header>/);
  });

  it('uses the given values over the contract examples', async () => {
    const t = new FakeTransport(() => ok(response('GetItem', item('7', 'bolt'))));
    await runContract(byOp('GetItem'), { 'GetItem.Id': '4242' }, ctx(t));
    expect(t.sent[0]!.body).toMatch(/>4242</);
  });

  it('fails with the rule id when the answer breaks the contract', async () => {
    const t = new FakeTransport(() => ok(response('GetItem', item('seven', 'bolt'))));
    const r = await runContract(byOp('GetItem'), {}, ctx(t));
    expect(r.status).toBe('failed');
    expect(r.findings.map((f) => f.rule)).toContain('value/lexical');
  });

  it('a rule switched off or down to a warning does not fail the case', async () => {
    const t = new FakeTransport(() => ok(response('GetItem', item('seven', 'bolt'))));
    const off = await runContract(byOp('GetItem'), {}, { ...ctx(t), config: { profile: 'strict', rules: { 'value/lexical': 'off' } } });
    expect(off).toMatchObject({ status: 'passed', findings: [] });
    const warn = await runContract(byOp('GetItem'), {}, { ...ctx(t), config: { profile: 'strict', rules: { 'value/lexical': 'warn' } } });
    expect(warn.status).toBe('passed');
    expect(warn.findings.map((f) => [f.rule, f.severity])).toEqual([['value/lexical', 'warn']]);
  });

  it('a transport failure is an error result with its message, not a throw', async () => {
    const t = new FakeTransport((req) => new TransportError('timeout', 'no complete answer within 5 ms (timed out)', req.url, 5));
    const r = await runContract(byOp('GetItem'), {}, ctx(t));
    expect(r).toMatchObject({ status: 'error', error: 'no complete answer within 5 ms (timed out)' });
    expect(r.exchange?.request.body).toMatch(/GetItem/);
  });

  it('redacts a secret field value in the request record, even when the server echoes it', async () => {
    const secret = 'tkt-very-secret-987';
    const t = new FakeTransport(() => ok(response('GetItem', item('7', secret))));
    const r = await runContract(byOp('GetItem'), { Ticket: secret }, ctx(t));
    expect(t.sent[0]!.body).toContain(secret);
    expect(JSON.stringify(r)).not.toContain(secret);
    expect(r.exchange?.request.body).toMatch(/Ticket[^>]*>\*\*\*</);
  });

  it('a secret registered after a contract ran is masked in its next request record (the same request body is not redacted from a stale cache)', async () => {
    const t = new FakeTransport(() => ok(response('GetItem', item('7', 'bolt'))));
    const c = ctx(t);
    const first = await runContract(byOp('GetItem'), { 'GetItem.Id': '98765' }, c);
    expect(first.exchange?.request.body).toContain('>98765<');
    c.redactor.addSecret('98765');
    const second = await runContract(byOp('GetItem'), { 'GetItem.Id': '98765' }, c);
    expect(t.sent[1]!.body).toBe(t.sent[0]!.body);
    expect(second.exchange?.request.body).not.toContain('98765');
    expect(second.exchange?.request.body).toContain('>***<');
  });
});

describe('runScenario', () => {
  const resolveCall = (call: string) => {
    const c = contracts.find((x) => `${x.service}/${x.operation}` === call);
    if (!c) throw new Error(`call "${call}" names no loaded contract`);
    return c;
  };
  const sctx = (t: Transport, vars = new Variables({}, {})): ScenarioContext => ({ ...ctx(t), resolveCall, valuesOf: () => ({}), variables: vars, file: 'x.suite.yaml', lenient: false });
  const scenario = (steps: Scenario['steps']): Scenario => ({ name: 'sc', namespaces: {}, steps });
  const step = (over: Partial<Scenario['steps'][number]>): Scenario['steps'][number] => ({ name: 'st', call: 'Inventory/GetItem', values: {}, check: true, capture: {}, assert: [], ...over });

  it('captures a value and uses it in a later step and assertion', async () => {
    const t = new FakeTransport((req) => {
      const id = /<inv:Id[^>]*>([^<]*)</.exec(req.body!)?.[1] ?? '?';
      return ok(response(opOf(req), item(id === '7' ? '31' : id, `name-${id}`)));
    });
    const r = await runScenario(
      scenario([
        step({ name: 'first', capture: { nextId: { xpath: '//inv:Item/inv:Id', secret: false } } }),
        step({
          name: 'second',
          values: { 'GetItem.Id': '${nextId}' },
          assert: [
            { xpath: '//inv:Item/inv:Name', equals: 'name-${nextId}' },
            { xpath: '//inv:Item/inv:Id', matches: '^3\\d$' },
            { xpath: '//inv:Item', count: 1 },
            { xpath: '//inv:Nothing', exists: false },
          ],
        }),
      ]),
      sctx(t),
    );
    expect(r.status, JSON.stringify(r.steps, null, 1)).toBe('passed');
    expect(t.sent[1]!.body).toMatch(/>31</);
    expect(r.steps![0]!.messages).toContain('captured nextId = "31"');
  });

  it.each([
    ['equals', { xpath: '//inv:Name', equals: 'other' }, /FAILED equals \/\/inv:Name: expected "other", got "bolt"/],
    ['matches', { xpath: '//inv:Name', matches: '^x' }, /FAILED matches \/\/inv:Name \/\^x\/: got "bolt"/],
    ['count', { xpath: '//inv:Item', count: 2 }, /FAILED count \/\/inv:Item: expected 2, got 1/],
    ['exists', { xpath: '//inv:Missing', exists: true }, /FAILED exists \/\/inv:Missing: nothing matched/],
    ['a bad XPath', { xpath: '//inv:Name[', exists: true }, /FAILED exists \/\/inv:Name\[: invalid XPath/],
  ])('a failing %s assertion fails the scenario and skips the later steps', async (_n, assertion, message) => {
    const t = new FakeTransport((req) => ok(response(opOf(req), item('7', 'bolt'))));
    const r = await runScenario(scenario([step({ assert: [assertion] }), step({ name: 'later' })]), sctx(t));
    expect(r.status).toBe('failed');
    expect(r.steps![0]!.messages.join('\n')).toMatch(message);
    expect(r.steps![1]!.status).toBe('skipped');
    expect(t.sent).toHaveLength(1);
  });

  it('a matches pattern that backtracks on a hostile value is stopped and fails the step (issue 10)', async () => {
    const t = new FakeTransport((req) => ok(response(opOf(req), item('7', `${'a'.repeat(64)}!`))));
    const r = await runScenario(scenario([step({ assert: [{ xpath: '//inv:Name', matches: '^(a+)+$' }] })]), sctx(t));
    expect(r.status).toBe('failed');
    expect(r.steps![0]!.messages.join('\n')).toMatch(/FAILED matches \/\/inv:Name \/\^\(a\+\)\+\$\/: the pattern ran longer than 1000 ms on a value of 65 characters/);
  });

  it('a step calling an unknown operation is an error', async () => {
    const t = new FakeTransport((req) => ok(response(opOf(req), item('7', 'bolt'))));
    const r = await runScenario(scenario([step({ call: 'Inventory/Nope' })]), sctx(t));
    expect(r.status).toBe('error');
    expect(r.error).toMatch(/names no loaded contract/);
  });

  it('a secret capture never appears in the result', async () => {
    const t = new FakeTransport((req) => ok(response(opOf(req), item('7', 'captured-secret-xyz'))));
    const r = await runScenario(scenario([step({ capture: { s: { xpath: '//inv:Name', secret: true } }, assert: [{ xpath: '//inv:Name', equals: '${s}' }] })]), sctx(t));
    expect(r.status).toBe('passed');
    expect(JSON.stringify(r)).not.toContain('captured-secret-xyz');
  });
});
