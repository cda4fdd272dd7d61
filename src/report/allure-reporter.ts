/**
 * The run's Allure reporter: writes `<out>/allure-results` (emptied when the run starts, so the report
 * shows this run only) with allure-js-commons' result model, one result file per case as its result
 * arrives, its attachments beside it, and at the end `environment.properties` (endpoint, profile,
 * versions, …) and `categories.json` (a category per rule id that failed a case, and one for cases
 * that could not be checked).
 *
 * Attachments are what an endpoint sent: hostile. Every attachment file ends in `.txt` and has the
 * type text/plain: allure-commandline reads any `*.xml` in the results folder as JUnit results, and
 * it names the report's copy of an attachment after its type (application/xml → `.xml`), which a
 * browser would render — an XML document can carry XHTML with scripts. As text, nothing runs.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Attachment, Label, LabelName as LabelNames, Stage as Stages, Status as Statuses, StepResult as AllureStep, TestResult } from 'allure-js-commons';
import type { Finding } from '../checks/api.ts';
import type { RunEnd, RunListener, RunStart } from '../run/events.ts';
import type { CaseResult, ExchangeRecord, StepResult } from '../run/result.ts';
import { formatCaseFailure, formatFinding, groupFindings, plural, RULE_GROUPS } from './format.ts';
import { junitNames } from './junit-reporter.ts';
import { Redactor } from '../secrets/redact.ts';
import type { RunGate } from './baseline/gate.ts';
import { KNOWN_FAILURE_NOTE } from './baseline/format.ts';

export const ALLURE_RESULTS_DIR = 'allure-results';

// The values of allure-js-commons' string enums that this reporter writes, without loading its runtime
// when the run starts (with its reporter SDK, ~0.1 s of CPU; the SDK is loaded for the environment file at
// the end). test/report/allure-enums.test.ts holds them equal to the library's.
export const Status = { PASSED: 'passed', FAILED: 'failed', BROKEN: 'broken', SKIPPED: 'skipped' } as unknown as Pick<typeof Statuses, 'PASSED' | 'FAILED' | 'BROKEN' | 'SKIPPED'>;
type Status = Statuses;
export const Stage = { FINISHED: 'finished' } as unknown as Pick<typeof Stages, 'FINISHED'>;
export const LabelName = {
  FRAMEWORK: 'framework',
  EPIC: 'epic',
  PARENT_SUITE: 'parentSuite',
  FEATURE: 'feature',
  STORY: 'story',
  SUITE: 'suite',
  SUB_SUITE: 'subSuite',
  TAG: 'tag',
} as unknown as Pick<typeof LabelNames, 'FRAMEWORK' | 'EPIC' | 'PARENT_SUITE' | 'FEATURE' | 'STORY' | 'SUITE' | 'SUB_SUITE' | 'TAG'>;

/** Files written at once; more wait (back-pressure to the run). */
const MAX_IN_FLIGHT = 64;

export interface AllureReporterOptions {
  resultsDir: string;
  redactor?: Redactor;
  /** Attach request and response of every case (`all`, default) or of cases that did not pass only. */
  attachments?: 'all' | 'failures';
  /** Marks known failures (tag known-failure); fed each case before this reporter. */
  gate?: RunGate;
}

export class AllureReporter implements RunListener {
  readonly dir: string;
  readonly #redactor: Redactor;
  readonly #attachAll: boolean;
  readonly #gate: RunGate | undefined;
  readonly #inFlight = new Set<Promise<void>>();
  #error: Error | undefined;
  #environment: Record<string, string> = {};
  readonly #failedRules = new Set<string>();
  #broken = false;

  constructor(options: AllureReporterOptions) {
    this.dir = options.resultsDir;
    this.#redactor = options.redactor ?? new Redactor();
    this.#attachAll = options.attachments !== 'failures';
    this.#gate = options.gate;
  }

  onRunStart(start: RunStart): void {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    this.#environment = start.environment;
  }

  onCaseResult(result: CaseResult): Promise<void> | void {
    if (this.#error) return;
    const r = this.#redactor.redactDeep(result);
    const attach = this.#attachAll || r.status !== 'passed';
    const known = this.#gate?.isKnownFailure(result) === true;
    const n = junitNames(r);
    const stop = Date.now();
    const test: TestResult = {
      uuid: randomUUID(),
      name: r.name,
      fullName: `${n.classname}.${n.name}`,
      historyId: r.id,
      testCaseId: r.id,
      status: statusOf(r.status),
      statusDetails: r.status === 'failed' || r.status === 'error' ? { message: known ? `${KNOWN_FAILURE_NOTE}\n${formatCaseFailure(r)}` : formatCaseFailure(r) } : {},
      stage: Stage.FINISHED,
      start: stop - r.durationMs,
      stop,
      labels: known ? [...labelsOf(r), { name: 'tag', value: 'known-failure' }] : labelsOf(r),
      links: [],
      parameters: [],
      attachments: [],
      steps: [],
      titlePath: [n.suite, ...n.classname.split('.').slice(1)],
    };
    if (r.contract) test.parameters.push({ name: 'contract', value: r.contract.file });
    if (r.replay) {
      // Replayed under a namespace map: said on the case itself, and a tag to filter by.
      for (const [from, to] of Object.entries(r.replay.namespaces)) test.parameters.push({ name: 'replayed under namespace map', value: `${from} → ${to}` });
      if (r.replay.action !== undefined) test.parameters.push({ name: 'replayed with action', value: r.replay.action });
      test.labels.push({ name: LabelName.TAG, value: 'namespace-map replay' });
    }
    for (const f of [...r.findings, ...(r.steps ?? []).flatMap((s) => s.findings)]) if (f.severity === 'error') this.#failedRules.add(f.rule);
    if (r.status === 'error') this.#broken = true;

    if (r.kind === 'scenario' && r.steps?.length) {
      for (const s of r.steps) test.steps.push(this.#scenarioStep(s, attach, test.start!, stop));
    } else {
      if (r.exchange) {
        test.parameters.push({ name: 'endpoint', value: `${r.exchange.request.method} ${r.exchange.request.url}` });
        if (r.exchange.response) test.parameters.push({ name: 'HTTP status', value: String(r.exchange.response.status) });
        if (attach) test.attachments.push(...this.#exchange(r.exchange));
      }
      if (r.status !== 'error' || r.findings.length > 0) test.steps.push(...ruleGroupSteps(r.findings, test.start!, stop));
    }
    return this.#write(`${test.uuid}-result.json`, JSON.stringify(test));
  }

  async onRunEnd(_end: RunEnd): Promise<void> {
    await Promise.all(this.#inFlight);
    if (this.#error) throw this.#error;
    const { stringifyEnvInfo } = await import('allure-js-commons/sdk/reporter');
    await this.#write('environment.properties', stringifyEnvInfo(this.#environment));
    const categories = [...this.#failedRules].sort().map((rule) => ({
      name: `rule ${rule}`,
      matchedStatuses: [Status.FAILED],
      messageRegex: `(?s).*\\b${rule.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b.*`,
    }));
    if (this.#broken) categories.push({ name: 'could not be checked', matchedStatuses: [Status.BROKEN], messageRegex: '(?s).*' });
    await this.#write('categories.json', JSON.stringify(categories));
    await Promise.all(this.#inFlight);
    if (this.#error) throw this.#error;
  }

  #scenarioStep(step: StepResult, attach: boolean, start: number, stop: number): AllureStep {
    const steps = ruleGroupSteps(step.findings, start, stop);
    // Captures and checks of a passing step; a failing step's messages are its failure text.
    if (step.status === 'passed') for (const m of step.messages) steps.push(leafStep(m, Status.PASSED, start, stop));
    const failure =
      step.status === 'failed'
        ? [...step.messages, ...step.findings.map((f) => formatFinding(f, ''))].join('\n') || 'step failed'
        : step.status === 'error'
          ? (step.error ?? 'step could not run')
          : undefined;
    return {
      name: `${step.name}${step.operation ? ` (${step.operation})` : ''}`,
      status: statusOf(step.status),
      statusDetails: failure ? { message: failure } : {},
      stage: Stage.FINISHED,
      start,
      stop,
      parameters: [],
      attachments: step.exchange && attach ? this.#exchange(step.exchange) : [],
      steps,
    };
  }

  /** Request and response bodies and headers as attachments (written now; the result names them). */
  #exchange(x: ExchangeRecord): Attachment[] {
    const out: Attachment[] = [];
    const add = (name: string, content: string, type: string) => {
      const source = `${randomUUID()}-attachment.txt`;
      void this.#write(source, content);
      out.push({ name, source, type });
    };
    add('request', x.request.body, 'text/plain');
    add('request headers', headerText(x.request.headers), 'text/plain');
    if (x.response) {
      add('response', x.response.body, 'text/plain');
      add('response headers', headerText(x.response.headers), 'text/plain');
    }
    return out;
  }

  /** Write a file without waiting for it, unless MAX_IN_FLIGHT writes are pending: then until one ends. */
  #write(name: string, data: string): Promise<void> | void {
    if (this.#error) return;
    const p: Promise<void> = writeFile(join(this.dir, name), data).then(
      () => void this.#inFlight.delete(p),
      (e: Error) => {
        this.#inFlight.delete(p);
        this.#error ??= e;
      },
    );
    this.#inFlight.add(p);
    if (this.#inFlight.size >= MAX_IN_FLIGHT) return Promise.race(this.#inFlight);
  }
}

function statusOf(s: CaseResult['status']): Status {
  return s === 'passed' ? Status.PASSED : s === 'failed' ? Status.FAILED : s === 'error' ? Status.BROKEN : Status.SKIPPED;
}

function labelsOf(r: CaseResult): Label[] {
  const labels: Label[] = [{ name: 'kind', value: r.kind }, { name: LabelName.FRAMEWORK, value: 'soapcheck' }];
  if (r.suite) labels.push({ name: LabelName.EPIC, value: r.suite }, { name: LabelName.PARENT_SUITE, value: r.suite });
  if (r.contract) {
    labels.push(
      { name: LabelName.FEATURE, value: r.contract.service },
      { name: LabelName.STORY, value: r.contract.operation },
      { name: LabelName.SUITE, value: r.contract.version },
      { name: LabelName.SUB_SUITE, value: r.contract.service },
      { name: 'service', value: r.contract.service },
      { name: 'version', value: r.contract.version },
      { name: 'operation', value: r.contract.operation },
    );
  } else labels.push({ name: LabelName.SUITE, value: 'scenarios' });
  return labels;
}

function leafStep(name: string, status: Status, start: number, stop: number, message?: string): AllureStep {
  return { name, status, statusDetails: message ? { message } : {}, stage: Stage.FINISHED, start, stop, parameters: [], attachments: [], steps: [] };
}

/** One step per rule group: passed when the group has no error findings, failed otherwise, with the findings as its details. */
function ruleGroupSteps(findings: readonly Finding[], start: number, stop: number): AllureStep[] {
  const groups = groupFindings(findings);
  const names = [...RULE_GROUPS, ...[...groups.keys()].filter((g) => !(RULE_GROUPS as readonly string[]).includes(g))];
  return names.map((g) => {
    const list = groups.get(g) ?? [];
    const failed = list.some((f) => f.severity === 'error');
    const title = list.length ? `${g}: ${plural(list.length, 'finding')}` : `${g}: ok`;
    return leafStep(title, failed ? Status.FAILED : Status.PASSED, start, stop, list.length ? list.map((f) => formatFinding(f, '')).join('\n') : undefined);
  });
}

function headerText(headers: Record<string, string>): string {
  return Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}
