/**
 * The reporters `soapcheck run` uses, end to end: a run of five cases (passed, failed with findings, could not
 * connect, a failed scenario, skipped) fed to reportersFor into a temp folder; then each report is read back.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/secrets/redact.ts';
import { reportersFor } from '../../src/report/reporters.ts';
import type { Summary } from '../../src/report/summary-reporter.ts';
import type { CaseResult } from '../../src/run/result.ts';
import { REPO_ROOT } from '../support/corpus.ts';
import { contractCase, feed } from './synthetic.ts';

const TICKET = 'unique-fixture-ticket-5b8e21';

const contract = { file: 'contracts/demo/Services99/Shop/GetBasket.yaml', service: 'Shop', version: 'Services99', operation: 'GetBasket' };
const request = `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><s:Ticket xmlns:s="urn:demo">${TICKET}</s:Ticket></soap:Header><soap:Body><s:GetBasket xmlns:s="urn:demo"><s:Id>7</s:Id></s:GetBasket></soap:Body></soap:Envelope>`;
const response = (inner: string) =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><s:GetBasketResponse xmlns:s="urn:demo">${inner}</s:GetBasketResponse></soap:Body></soap:Envelope>`;
const exchange = (inner: string) => ({
  request: { method: 'POST', url: `http://127.0.0.1:1/Shop.svc?ticket=${TICKET}`, headers: { 'content-type': 'text/xml', authorization: `Bearer ${TICKET}` }, body: request },
  response: { status: 200, headers: { 'content-type': 'text/xml; charset=utf-8' }, body: response(inner) },
  durationMs: 3,
});
const base = (operation: string, over: Partial<CaseResult>): CaseResult => ({
  id: `demo/Shop/Services99/${operation}`,
  name: `Services99/Shop/${operation}`,
  kind: 'contract',
  suite: 'demo',
  contract: { ...contract, operation },
  status: 'passed',
  findings: [],
  durationMs: 5,
  ...over,
});

const CASES: CaseResult[] = [
  base('GetBasket', { exchange: exchange('<s:Total>1</s:Total>') }),
  base('GetBasketBad', {
    status: 'failed',
    exchange: exchange('<s:Total>abc</s:Total>'),
    findings: [
      { rule: 'value/lexical', severity: 'error', message: 'Total is not a valid xsd:int', path: '/Envelope/Body/GetBasketResponse/Total', line: 1, column: 120, expected: 'xsd:int', actual: 'abc' },
      { rule: 'field/missing', severity: 'error', message: `Currency is missing (ticket ${TICKET}, <Password>hunter2-secret</Password>)`, path: '/Envelope/Body/GetBasketResponse', expected: 'element Currency', actual: 'nothing' },
      { rule: 'namespace/prefix-style', severity: 'warn', message: 'unusual prefix', path: '/Envelope' },
    ],
  }),
  base('GetBasketDown', { status: 'error', error: 'connection refused (127.0.0.1:1)' }),
  {
    id: 'demo/scenario/basket round trip',
    name: 'scenario: basket round trip',
    kind: 'scenario',
    suite: 'other',
    status: 'failed',
    findings: [],
    durationMs: 9,
    steps: [
      { name: 'save', operation: 'Shop/SaveBasket', status: 'passed', findings: [], messages: ['captured id = 7'], exchange: exchange('<s:Id>7</s:Id>') },
      { name: 'read back', operation: 'Shop/GetBasket', status: 'failed', findings: [], messages: ['expected /GetBasketResponse/Total to equal 1, got 2'], exchange: exchange('<s:Total>2</s:Total>') },
    ],
  },
  base('GetBasketLater', { status: 'skipped', durationMs: 0 }),
];

let out: string;
let consoleText = '';
let summary: Summary;
let junit: string;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'soapcheck-reports-'));
  // A result left by an earlier run must not reach this run's Allure report.
  mkdirSync(join(out, 'allure-results'));
  writeFileSync(join(out, 'allure-results', 'stale-0000-result.json'), '{"name":"from an earlier run"}');
  const redactor = new Redactor();
  redactor.addSecret(TICKET); // as `soapcheck run` does for secret variables
  const reporters = reportersFor(out, undefined, { redactor, console: { write: (t) => (consoleText += t), color: false } });
  // The results reach the reporters unredacted here: each reporter must redact what it writes.
  await feed(reporters, CASES, 'failed');
  expect(reporters.writeErrors).toEqual([]);
  summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  junit = readFileSync(join(out, 'junit.xml'), 'utf8');
});

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('summary.json', () => {
  it('validates against docs/summary.schema.json', () => {
    const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'summary.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(summary), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('has the totals of the run and findings counted by rule', () => {
    expect(summary.outcome).toBe('failed');
    expect(summary.totals).toEqual({
      cases: 5,
      passed: 1,
      failed: 2,
      error: 1,
      skipped: 1,
      findings: 3,
      findingsByRule: { 'value/lexical': 1, 'field/missing': 1, 'namespace/prefix-style': 1 },
    });
  });

  it('lists each case by the identity the other reports use', () => {
    expect(summary.cases.map((c) => [c.id, c.name, c.status])).toEqual(CASES.map((c) => [c.id, c.name, c.status]));
    expect(summary.cases[2]).toMatchObject({ error: 'connection refused (127.0.0.1:1)' });
    expect(summary.cases[3]!.steps?.map((s) => s.status)).toEqual(['passed', 'failed']);
  });

  it('leaves no temporary files behind', () => {
    expect(readdirSync(out).filter((f) => f.startsWith('.') || f.endsWith('.part'))).toEqual([]);
  });
});

describe('junit.xml', () => {
  it('has one testsuite per suite, classname per version and service, the testcase named after the operation', () => {
    expect(junit).toMatch(/<testsuites name="soapcheck" tests="5" failures="2" errors="1" skipped="1"/);
    expect([...junit.matchAll(/<testsuite name="([^"]+)" tests="(\d+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ['demo', '4'],
      ['other', '1'],
    ]);
    expect(junit).toContain('<testcase classname="demo.Services99.Shop" name="GetBasket" ');
    expect(junit).toContain('<testcase classname="other.scenario" name="basket round trip" ');
    expect(junit).not.toMatch(/\.test\.ts/);
  });

  it('carries the findings (rule, location, expected vs actual) in the failure text', () => {
    const failure = /name="GetBasketBad"[\s\S]*?<\/testcase>/.exec(junit)?.[0] ?? '';
    expect(failure).toContain('<failure type="AssertionError"');
    expect(failure).toContain('value/lexical at /Envelope/Body/GetBasketResponse/Total (line 1:120)');
    expect(failure).toContain('expected: xsd:int');
    expect(failure).toContain('actual:   abc');
    expect(failure).toContain('field/missing at /Envelope/Body/GetBasketResponse');
  });

  it('says why a case could not be checked, and marks a skipped case', () => {
    expect(/name="GetBasketDown"[\s\S]*?<\/testcase>/.exec(junit)?.[0]).toContain('<error type="CaseError" message="Shop/GetBasketDown (Services99) could not be checked: connection refused (127.0.0.1:1)"');
    expect(/name="GetBasketLater"[\s\S]*?<\/testcase>/.exec(junit)?.[0]).toContain('<skipped/>');
  });
});

describe('Allure results', () => {
  const dir = () => join(out, 'allure-results');
  const results = () =>
    readdirSync(dir())
      .filter((f) => f.endsWith('-result.json'))
      .map((f) => JSON.parse(readFileSync(join(dir(), f), 'utf8')));

  it('has a result per case with labels, a step per rule group and the request and response attached', () => {
    expect(results()).toHaveLength(5); // the stale result is gone
    const bad = results().find((r) => r.name === 'Services99/Shop/GetBasketBad');
    expect(bad).toMatchObject({ status: 'failed', fullName: 'demo.Services99.Shop.GetBasketBad', testCaseId: 'demo/Shop/Services99/GetBasketBad' });
    const labels = Object.fromEntries(bad.labels.map((l: { name: string; value: string }) => [l.name, l.value]));
    expect(labels).toMatchObject({ epic: 'demo', parentSuite: 'demo', suite: 'Services99', subSuite: 'Shop', service: 'Shop', version: 'Services99', operation: 'GetBasketBad' });
    const steps = bad.steps.map((s: { name: string; status?: string }) => [s.name, s.status]);
    expect(steps).toEqual(expect.arrayContaining([['field: 1 finding', 'failed'], ['value: 1 finding', 'failed'], ['namespace: 1 finding', 'passed'], ['envelope: ok', 'passed']]));
    expect(bad.attachments.map((a: { name: string; type: string }) => [a.name, a.type])).toEqual([
      ['request', 'text/plain'],
      ['request headers', 'text/plain'],
      ['response', 'text/plain'],
      ['response headers', 'text/plain'],
    ]);
    expect(results().find((r) => r.name === 'Services99/Shop/GetBasketDown').status).toBe('broken');
    expect(results().find((r) => r.name === 'Services99/Shop/GetBasketLater').status).toBe('skipped');
    const scenario = results().find((r) => r.name === 'scenario: basket round trip');
    expect(scenario.steps.map((s: { name: string; status: string; attachments: unknown[] }) => [s.name, s.status, s.attachments.length])).toEqual([
      ['save (Shop/SaveBasket)', 'passed', 4],
      ['read back (Shop/GetBasket)', 'failed', 4],
    ]);
  });

  it('names every attachment .txt, so nothing reads one as results or active content', () => {
    const attachments = readdirSync(dir()).filter((f) => f.includes('-attachment'));
    expect(attachments).toHaveLength(4 + 4 + 8); // two contract cases, two scenario steps
    expect(attachments.filter((f) => !f.endsWith('-attachment.txt'))).toEqual([]);
    expect(readdirSync(dir()).filter((f) => f.endsWith('.xml'))).toEqual([]);
  });

  it('writes the environment block and a category per failing rule id', () => {
    expect(existsSync(join(dir(), 'environment.properties'))).toBe(true);
    const categories = JSON.parse(readFileSync(join(dir(), 'categories.json'), 'utf8')) as { name: string; matchedStatuses: string[]; messageRegex: string }[];
    expect(categories.map((c) => c.name)).toEqual(['rule field/missing', 'rule value/lexical', 'could not be checked']);
    const bad = results().find((r) => r.name === 'Services99/Shop/GetBasketBad');
    // Allure matches the whole message (Java's Pattern.matches); (?s) lets . cross lines — JavaScript's s flag.
    const toJs = (re: string) => new RegExp(`^(?:${re.replace('(?s)', '')})$`, 's');
    expect(toJs(categories[0]!.messageRegex).test(bad.statusDetails.message)).toBe(true);
    expect(toJs(categories[0]!.messageRegex).test('Shop/GetBasket: 1 error finding\n  error value/lexical at /x')).toBe(false);
  });
});

describe('console', () => {
  it('shows pass/fail per case, each finding with rule, location, expected vs actual, and the totals', () => {
    expect(consoleText).toContain('✓ Services99/Shop/GetBasket (5 ms)');
    expect(consoleText).toContain('✗ Services99/Shop/GetBasketBad (failed');
    expect(consoleText).toContain('error value/lexical at /Envelope/Body/GetBasketResponse/Total (line 1:120)');
    expect(consoleText).toContain('! Services99/Shop/GetBasketDown (error');
    expect(consoleText).toContain('5 cases: 1 passed, 2 failed, 1 error, 1 skipped; 3 findings');
    expect(consoleText).toContain(`reports: ${join(out, 'junit.xml')}, ${join(out, 'summary.json')}, ${join(out, 'allure-results')}`);
  });
});

describe('secrets', () => {
  it('no report file and no console line contains the ticket or a secret element value', () => {
    const leaks = filesUnder(out).filter((f) => {
      const text = readFileSync(f, 'utf8');
      return text.includes(TICKET) || text.includes('hunter2-secret');
    });
    expect(leaks).toEqual([]);
    expect(consoleText).not.toContain(TICKET);
    expect(consoleText).not.toContain('hunter2-secret');
    // …and the redaction really happened where the values were (not just absent).
    expect(junit).toContain('(ticket ***, &lt;Password&gt;***&lt;/Password&gt;)');
  });
});

describe('a report that cannot be written', () => {
  it('is named with its error; the other reports are complete', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soapcheck-full-'));
    try {
      // The junit reporter's per-suite file goes to a full disk (/dev/full: every write fails with ENOSPC).
      symlinkSync('/dev/full', join(dir, `.junit.xml.${process.pid}.0.cases`));
      let text = '';
      const reporters = reportersFor(dir, undefined, { console: { write: (t) => (text += t), color: false } });
      await feed(reporters, [contractCase(1, 'passed'), contractCase(2, 'failed')]);
      expect(reporters.writeErrors).toEqual([{ report: 'junit', path: join(dir, 'junit.xml'), message: expect.stringMatching(/^ENOSPC: /) }]);
      expect(existsSync(join(dir, 'junit.xml'))).toBe(false);
      expect((JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as Summary).totals.cases).toBe(2);
      expect(readdirSync(join(dir, 'allure-results')).filter((f) => f.endsWith('-result.json'))).toHaveLength(2);
      expect(text).toContain(`report not written: ${join(dir, 'junit.xml')}: ENOSPC`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
