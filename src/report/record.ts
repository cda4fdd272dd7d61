/**
 * The runner's hand-off to the reporters, called inside each vitest test (one per contract or scenario):
 *
 *   test(name, async ({ task }) => { const result = await runCase(…); await recordCase(task, result, redactor); });
 *
 * - stores the result (redacted once more, without the request/response exchanges) in `task.meta.soapcheck`,
 *   where the summary and console reporters read it (`testCase.meta().soapcheck`);
 * - adds Allure data through allure-js-commons' runtime API (skipped when the Allure reporter is not in use):
 *   labels, the request and response as attachments, a step per rule group (per scenario step for scenarios);
 * - throws when the case did not pass, so vitest marks the test failed and its junit reporter carries the
 *   findings in the failure text: a `ContractViolation` (named AssertionError) for findings (Allure: failed), a
 *   `CaseError` when the case could not be checked (Allure: broken).
 */
import * as allure from 'allure-js-commons';
import { BaseMessageTestRuntime, getGlobalTestRuntime } from 'allure-js-commons/sdk/runtime';
import type { Finding } from '../checks/api.ts';
import type { CaseIdentity, CaseResult, ExchangeRecord, StepResult } from '../run/result.ts';
import { formatCaseFailure, formatFinding, groupFindings, plural, RULE_GROUPS } from './format.ts';
import { Redactor } from './redact.ts';

declare module '@vitest/runner' {
  interface TaskMeta {
    /** The soapcheck result of this test, for the reporters (already redacted). */
    soapcheck?: CaseResult;
    /** Who the case is, set when the test is registered: reports name a skipped case by it. */
    soapcheckCase?: CaseIdentity;
  }
}

/** What recordCase needs of vitest's `task` (the test context's `task`). */
export interface RecordableTask {
  meta: { soapcheck?: CaseResult };
}

/** Thrown for a case with error findings or failed assertions: vitest and Allure read it as a failed assertion. */
export class ContractViolation extends Error {
  override name = 'AssertionError';
  constructor(message: string) {
    super(message);
    // The findings are the story; a stack into soapcheck's own code is noise in junit.xml.
    this.stack = `${this.name}: ${message}`;
  }
}

/** Thrown for a case that could not be checked (transport error, timeout, …): Allure shows it as broken. */
export class CaseError extends Error {
  override name = 'CaseError';
  constructor(message: string) {
    super(message);
    this.stack = `${this.name}: ${message}`;
  }
}

const fallbackRedactor = new Redactor();

export interface RecordOptions {
  /**
   * Which cases get their request and response attached in Allure: `all` (default), or `failures` — only cases
   * that did not pass. allure-vitest holds every attachment in memory until the run ends, so very large runs
   * (thousands of contracts) use much less memory and time with `failures`.
   */
  attachments?: 'all' | 'failures';
}

/**
 * Record `result` for the reporters and fail the test when the case failed. Pass the run's Redactor (with the
 * secret values registered) — the result is redacted again with it; without one only secret places are masked.
 */
export async function recordCase(
  task: RecordableTask,
  result: CaseResult,
  redactor: Redactor = fallbackRedactor,
  options: RecordOptions = {},
): Promise<void> {
  const safe = redactor.redactDeep(result);
  // Vitest keeps every task's meta until the run ends: keep it small. The exchanges (request and response
  // bodies) go to Allure as attachments and are not needed by the other reporters.
  task.meta.soapcheck = withoutExchanges(safe);

  if (allureActive()) await allureData(safe, options.attachments !== 'failures' || safe.status !== 'passed');

  if (safe.status === 'failed') throw new ContractViolation(formatCaseFailure(safe));
  if (safe.status === 'error') throw new CaseError(formatCaseFailure(safe));
}

function withoutExchanges(r: CaseResult): CaseResult {
  const { exchange: _exchange, ...rest } = r;
  if (!rest.steps) return rest;
  return { ...rest, steps: rest.steps.map(({ exchange: _e, ...step }) => step) };
}

/**
 * True when allure-vitest's runtime is installed in this worker (the allure reporter is in use). Without it the
 * allure API would only print "no test runtime is found" for every call.
 */
function allureActive(): boolean {
  return getGlobalTestRuntime() instanceof BaseMessageTestRuntime;
}

async function allureData(r: CaseResult, attach: boolean): Promise<void> {
  if (r.suite) await allure.epic(r.suite);
  if (r.contract) {
    await allure.feature(r.contract.service);
    await allure.story(r.contract.operation);
    await allure.labels(
      { name: 'service', value: r.contract.service },
      { name: 'version', value: r.contract.version },
      { name: 'operation', value: r.contract.operation },
    );
    await allure.parameter('contract', r.contract.file);
  }
  await allure.label('kind', r.kind);
  await allure.testCaseId(r.id);
  await allure.historyId(r.id);

  if (r.kind === 'scenario' && r.steps?.length) {
    for (const step of r.steps) await scenarioStep(step, attach);
  } else {
    if (r.exchange && attach) await attachExchange(r.exchange, true);
    if (r.status !== 'error' || r.findings.length > 0) await ruleGroupSteps(r.findings);
  }
}

/** One Allure step per rule group: passed when the group has no error findings, failed otherwise. */
async function ruleGroupSteps(findings: readonly Finding[]): Promise<void> {
  const groups = groupFindings(findings);
  const names = [...RULE_GROUPS, ...[...groups.keys()].filter((g) => !(RULE_GROUPS as readonly string[]).includes(g))];
  for (const g of names) {
    const list = groups.get(g) ?? [];
    const errors = list.filter((f) => f.severity === 'error');
    const title = list.length ? `${g}: ${plural(list.length, 'finding')}` : `${g}: ok`;
    const status = errors.length ? allure.Status.FAILED : allure.Status.PASSED;
    const detail = list.length ? new ContractViolation(list.map((f) => formatFinding(f, '')).join('\n')) : undefined;
    await allure.logStep(title, status, detail);
  }
}

async function scenarioStep(step: StepResult, attach: boolean): Promise<void> {
  const title = `${step.name}${step.operation ? ` (${step.operation})` : ''}`;
  try {
    await allure.step(title, async () => {
      if (step.exchange && attach) await attachExchange(step.exchange, false);
      await ruleGroupSteps(step.findings);
      // Captures and checks of a passing step; a failing step's messages are its failure text below.
      if (step.status === 'passed') for (const m of step.messages) await allure.logStep(m, allure.Status.PASSED);
      if (step.status === 'failed') {
        throw new ContractViolation([...step.messages, ...step.findings.map((f) => formatFinding(f, ''))].join('\n') || 'step failed');
      }
      if (step.status === 'error') throw new CaseError(step.error ?? 'step could not run');
    });
  } catch {
    // The step is marked failed/broken in Allure; the case's own error (thrown by recordCase) fails the test.
  }
}

/** Request and response as attachments; `asParameters`: also the endpoint and status as test parameters (not for scenario steps). */
async function attachExchange(x: ExchangeRecord, asParameters: boolean): Promise<void> {
  if (asParameters) await allure.parameter('endpoint', `${x.request.method} ${x.request.url}`);
  await allure.attachment('request', x.request.body, bodyType(x.request.body, x.request.headers));
  await allure.attachment('request headers', headerText(x.request.headers), { contentType: 'text/plain', fileExtension: 'txt' });
  if (x.response) {
    if (asParameters) await allure.parameter('HTTP status', String(x.response.status));
    await allure.attachment('response', x.response.body, bodyType(x.response.body, x.response.headers));
    await allure.attachment('response headers', headerText(x.response.headers), { contentType: 'text/plain', fileExtension: 'txt' });
  }
}

function bodyType(body: string, headers: Record<string, string>): { contentType: string; fileExtension: string } {
  const ct = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  // HTML from a server is attached as plain text: the report must not render (or run) what an endpoint sent.
  if (/html/i.test(ct) || /^\s*<!doctype html|^\s*<html/i.test(body)) return { contentType: 'text/plain', fileExtension: 'txt' };
  if (/xml/i.test(ct) || body.trimStart().startsWith('<')) return { contentType: 'application/xml', fileExtension: 'xml' };
  return { contentType: 'text/plain', fileExtension: 'txt' };
}

function headerText(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}
