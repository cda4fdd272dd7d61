/**
 * An endpoint's answer is attached to the Allure results as it came. With the real allure-commandline: a body
 * shaped like JUnit XML (`<testsuite><testcase name="FAKE"/>`) adds no test to the report, because every
 * attachment is named `.txt`; a JUnit body named `.xml` in the results folder does (so the check can fail).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findJava } from '../../src/cli/report.ts';
import { reportersFor } from '../../src/report/reporters.ts';
import { contractCase, feed } from './synthetic.ts';

const hasJava = findJava().ok;
const FAKE = '<testsuite name="evil"><testcase classname="evil" name="FAKE"/></testsuite>';

function allure(args: string[]): void {
  const bin = join(dirname(createRequire(import.meta.url).resolve('allure-commandline/package.json')), 'dist', 'bin', 'allure');
  const r = spawnSync(bin, args, { encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stdout + r.stderr).toBe(0);
}

/** Names of the tests in a generated report. */
function testNames(report: string): string[] {
  const dir = join(report, 'data', 'test-cases');
  return readdirSync(dir).map((f) => (JSON.parse(readFileSync(join(dir, f), 'utf8')) as { name: string }).name);
}

describe.skipIf(!hasJava)('Allure attachments with the real allure-commandline (needs Java)', { timeout: 240_000 }, () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'soapcheck-allure-hostile-'));
    const c = contractCase(1, 'failed', [], undefined);
    c.exchange = {
      request: { method: 'POST', url: 'http://127.0.0.1:1/x', headers: { 'content-type': 'text/xml' }, body: '<a/>' },
      response: { status: 200, headers: { 'content-type': 'text/xml' }, body: FAKE },
      durationMs: 1,
    };
    await feed(reportersFor(out, ['allure']), [c]);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('a JUnit-shaped response body adds no test to the report; a JUnit file planted beside the results does (so the check can fail)', () => {
    // One generate (Java is costly): the planted file names another test, so each name says where it came from.
    writeFileSync(join(out, 'allure-results', 'planted-attachment.xml'), FAKE.replaceAll('FAKE', 'PLANTED'));
    allure(['generate', join(out, 'allure-results'), '-o', join(out, 'report'), '--clean']);
    expect(testNames(join(out, 'report')).sort()).toEqual(['PLANTED', 'Services88/Svc/Op1']);
    // The body is in the report, as text.
    const attachments = readdirSync(join(out, 'report', 'data', 'attachments'));
    expect(attachments.every((f) => f.endsWith('.txt'))).toBe(true);
    expect(attachments.some((f) => readFileSync(join(out, 'report', 'data', 'attachments', f), 'utf8') === FAKE)).toBe(true);
  });
});
