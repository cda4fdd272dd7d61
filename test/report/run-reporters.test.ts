/**
 * The reporters end to end: a tiny programmatic vitest run of test/report/fixtures/cases.fixture.ts (seven cases:
 * passed (with and without Allure attachments), failed with findings, could-not-connect, failed scenario, crash before recording, skipped) with the
 * reporters `soapcheck run` uses, into a temp folder; then each report is read back.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startVitest } from 'vitest/node';
import { Redactor } from '../../src/report/redact.ts';
import { reportersFor } from '../../src/report/reporters.ts';
import type { Summary } from '../../src/report/summary-reporter.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const TICKET = 'unique-fixture-ticket-5b8e21';
const FIXTURES = join(REPO_ROOT, 'test', 'report', 'fixtures');

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
  const previous = process.env.SOAPCHECK_FIXTURE_TICKET;
  process.env.SOAPCHECK_FIXTURE_TICKET = TICKET;
  try {
    const vitest = await startVitest(
      'test',
      [join(FIXTURES, 'cases.fixture.ts')],
      {
        watch: false,
        config: false,
        root: FIXTURES,
        include: ['cases.fixture.ts'],
        pool: 'threads',
        maxWorkers: 1,
        testTimeout: 10_000,
        reporters: reportersFor(out, undefined, { redactor, console: { write: (t) => (consoleText += t), color: false } }),
      },
    );
    await vitest?.close();
  } finally {
    if (previous === undefined) delete process.env.SOAPCHECK_FIXTURE_TICKET;
    else process.env.SOAPCHECK_FIXTURE_TICKET = previous;
    process.exitCode = 0; // startVitest sets it for the failing fixture cases; this test's own outcome is ours
  }
  summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as Summary;
  junit = readFileSync(join(out, 'junit.xml'), 'utf8');
}, 120_000);

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
      cases: 7,
      passed: 2,
      failed: 2,
      error: 2,
      skipped: 1,
      findings: 3,
      findingsByRule: { 'value/lexical': 1, 'field/missing': 1, 'namespace/prefix-style': 1 },
    });
  });

  it('lists each case with its status, kind, contract and findings', () => {
    const byName = new Map(summary.cases.map((c) => [c.name, c]));
    expect(byName.get('Shop/GetBasket')).toMatchObject({ status: 'passed', kind: 'contract', suite: 'demo', findings: [] });
    const bad = byName.get('Shop/GetBasketBad')!;
    expect(bad).toMatchObject({ status: 'failed', contract: { service: 'Shop', version: 'Services99', operation: 'GetBasket' } });
    expect(bad.findings[0]).toEqual({
      rule: 'value/lexical',
      severity: 'error',
      path: '/Envelope/Body/GetBasketResponse/Total',
      line: 1,
      column: 120,
      expected: 'xsd:int',
      actual: 'abc',
      message: 'Total is not a valid xsd:int',
    });
    expect(byName.get('Shop/GetBasketDown')).toMatchObject({ status: 'error', error: 'connection refused (127.0.0.1:1)' });
    const scenario = byName.get('basket round trip')!;
    expect(scenario.kind).toBe('scenario');
    expect(scenario.steps?.map((s) => s.status)).toEqual(['passed', 'failed']);
    expect(byName.get('crashes before recording')).toMatchObject({ kind: 'test', status: 'error' });
    expect(byName.get('skipped case')).toMatchObject({ status: 'skipped' });
  });

  it('leaves no temporary files behind', () => {
    expect(readdirSync(out).filter((f) => f.startsWith('.') || f.endsWith('.part'))).toEqual([]);
  });
});

describe('junit.xml', () => {
  it('has one testcase per contract or scenario', () => {
    expect(junit.match(/<testcase /g)).toHaveLength(7);
    expect(junit).toMatch(/<testsuites name="soapcheck" tests="7"/);
    expect(junit).toContain('<testcase classname="soapcheck" name="Shop/GetBasket passes"');
  });

  it('carries the findings (rule, location, expected vs actual) in the failure text', () => {
    const failure = /name="Shop\/GetBasket has findings"[\s\S]*?<\/testcase>/.exec(junit)?.[0] ?? '';
    expect(failure).toContain('<failure');
    expect(failure).toContain('value/lexical at /Envelope/Body/GetBasketResponse/Total (line 1:120)');
    expect(failure).toContain('expected: xsd:int');
    expect(failure).toContain('actual:   abc');
    expect(failure).toContain('field/missing at /Envelope/Body/GetBasketResponse');
  });

  it('says why a case could not be checked', () => {
    expect(junit).toContain('could not be checked: connection refused (127.0.0.1:1)');
  });
});

describe('Allure results', () => {
  it('has a result per case with labels, a step per rule group and the request and response attached', () => {
    const dir = join(out, 'allure-results');
    const results = readdirSync(dir)
      .filter((f) => f.endsWith('-result.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')));
    expect(results).toHaveLength(6); // allure-vitest leaves statically skipped tests out; the stale result is gone
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const bad = results.find((r) => r.name === 'Shop/GetBasket has findings');
    expect(bad.status).toBe('failed');
    const labels = Object.fromEntries(bad.labels.map((l: { name: string; value: string }) => [l.name, l.value]));
    expect(labels).toMatchObject({ epic: 'demo', service: 'Shop', version: 'Services99', operation: 'GetBasket' });
    const steps = bad.steps.map((s: { name: string; status?: string }) => [s.name, s.status]);
    expect(steps).toEqual(
      expect.arrayContaining([
        ['field: 1 finding', 'failed'],
        ['value: 1 finding', 'failed'],
        ['namespace: 1 finding', 'passed'],
        ['envelope: ok', 'passed'],
      ]),
    );
    const attachments = bad.steps.flatMap((s: { attachments?: { name: string; type: string }[] }) => s.attachments ?? []);
    expect(attachments).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'request', type: 'application/xml' }),
        expect.objectContaining({ name: 'response', type: 'application/xml' }),
      ]),
    );
    expect(results.find((r) => r.name === 'Shop/GetBasket cannot connect').status).toBe('broken');
    const stepAttachments = (r: { steps: { attachments?: unknown[] }[] }) => r.steps.flatMap((s) => s.attachments ?? []);
    expect(stepAttachments(results.find((r) => r.name === 'Shop/GetBasket passes'))).toHaveLength(4);
    expect(stepAttachments(results.find((r) => r.name === 'Shop/GetBasket passes without attachments'))).toEqual([]);
  });
});

describe('console', () => {
  it('shows pass/fail per case, each finding with rule, location, expected vs actual, and the totals', () => {
    expect(consoleText).toContain('✓ Shop/GetBasket (5 ms)');
    expect(consoleText).toContain('✗ Shop/GetBasketBad (failed');
    expect(consoleText).toContain('error value/lexical at /Envelope/Body/GetBasketResponse/Total (line 1:120)');
    expect(consoleText).toContain('expected: xsd:int');
    expect(consoleText).toContain('! Shop/GetBasketDown (error');
    expect(consoleText).toContain('7 cases: 2 passed, 2 failed, 2 errors, 1 skipped; 3 findings');
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
    expect(junit).toContain('&lt;Password&gt;***&lt;/Password&gt; and ticket ***');
  });
});
