/**
 * The run's reporter that writes `<out>/summary.json` — the machine-readable result of a run, with a stable,
 * versioned schema (docs/summary.schema.json, described in docs/reports.md).
 *
 * Streams: each case is serialised when its result arrives and appended to a temporary file; only the totals stay
 * in memory. At the end of the run the header (tool, times, totals) is written, the cases are copied after it,
 * and the file is renamed into place, so readers never see a half-written summary.json.
 */
import { createReadStream, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../checks/api.ts';
import type { RunEnd, RunListener } from '../run/events.ts';
import type { CaseResult } from '../run/result.ts';
import { textCase } from './format.ts';
import { Redactor } from '../secrets/redact.ts';
import { TextSink } from './text-sink.ts';



/** Bump on any incompatible change of summary.json; additions of optional fields keep the version. */
export const SUMMARY_SCHEMA_VERSION = 1;
export const SUMMARY_FILE = 'summary.json';

export interface SummaryTotals {
  cases: number;
  passed: number;
  failed: number;
  error: number;
  skipped: number;
  /** Findings of every severity, over all cases and scenario steps. */
  findings: number;
  /** Rule id → number of findings. */
  findingsByRule: Record<string, number>;
}

export interface SummaryFinding {
  rule: string;
  severity: Finding['severity'];
  path: string;
  line: number | null;
  column: number | null;
  expected: string | null;
  actual: string | null;
  message: string;
}

export interface SummaryStep {
  name: string;
  operation: string | null;
  status: CaseResult['status'];
  findings: SummaryFinding[];
  messages: string[];
  error: string | null;
}

export interface SummaryCase {
  id: string;
  name: string;
  kind: CaseResult['kind'];
  suite: string | null;
  contract: { file: string; service: string; version: string; operation: string } | null;
  status: CaseResult['status'];
  durationMs: number;
  findings: SummaryFinding[];
  error: string | null;
  steps?: SummaryStep[];
}

export interface Summary {
  schemaVersion: number;
  tool: { name: 'soapcheck'; version: string };
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  /** passed: every case passed or was skipped; failed: a case failed or errored, or the run had errors; interrupted: the run was cut short. */
  outcome: 'passed' | 'failed' | 'interrupted';
  totals: SummaryTotals;
  /** Errors outside any case: a suite file that failed to load, an unhandled error. */
  runErrors: string[];
  cases: SummaryCase[];
}

export interface SummaryReporterOptions {
  /** Folder for summary.json (created if missing). */
  outDir: string;
  /** The run's Redactor (secret values registered); results are redacted again with it. */
  redactor?: Redactor;
  /** Clock, for tests. */
  now?: () => Date;
}

let toolVersion: string | undefined;
export function soapcheckVersion(): string {
  toolVersion ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  return toolVersion;
}

export class SummaryReporter implements RunListener {
  readonly file: string;
  readonly #outDir: string;
  readonly #redactor: Redactor;
  readonly #now: () => Date;
  #tmpFile: string;
  #stream: TextSink | undefined;
  #first = true;
  #startedAt = new Date(0);
  #totals: SummaryTotals = emptyTotals();
  #finished = false;

  constructor(options: SummaryReporterOptions) {
    this.#outDir = options.outDir;
    this.file = join(options.outDir, SUMMARY_FILE);
    this.#tmpFile = join(options.outDir, `.${SUMMARY_FILE}.${process.pid}.cases`);
    this.#redactor = options.redactor ?? new Redactor();
    this.#now = options.now ?? (() => new Date());
  }

  /** Totals of the run so far (final after onTestRunEnd). */
  get totals(): Readonly<SummaryTotals> {
    return this.#totals;
  }

  onRunStart(): void {
    this.#startedAt = this.#now();
    this.#totals = emptyTotals();
    this.#first = true;
    this.#finished = false;
    mkdirSync(this.#outDir, { recursive: true });
    this.#stream = new TextSink(this.#tmpFile);
  }

  onCaseResult(result: CaseResult): Promise<void> | void {
    if (!this.#stream) this.onRunStart();
    const c = toSummaryCase(textCase(result, this.#redactor));
    count(this.#totals, c);
    const chunk = (this.#first ? '\n    ' : ',\n    ') + JSON.stringify(c);
    this.#first = false;
    // Respect back-pressure so a fast run of thousands of cases does not pile up in memory.
    return this.#stream!.write(chunk);
  }

  async onRunEnd(end: Pick<RunEnd, 'outcome' | 'runErrors'>): Promise<void> {
    if (this.#finished) return;
    this.#finished = true;
    if (!this.#stream) this.onRunStart();
    const stream = this.#stream!;
    this.#stream = undefined;
    await stream.end();

    const safeErrors = end.runErrors.map((e) => this.#redactor.redactUrl(this.#redactor.redactXml(e)));
    const finished = this.#now();
    const t = this.#totals;
    const outcome: Summary['outcome'] = end.outcome === 'interrupted' ? 'interrupted' : t.failed + t.error > 0 || safeErrors.length > 0 || end.outcome === 'failed' ? 'failed' : 'passed';
    const head: Omit<Summary, 'cases'> = {
      schemaVersion: SUMMARY_SCHEMA_VERSION,
      tool: { name: 'soapcheck', version: soapcheckVersion() },
      startedAt: this.#startedAt.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: Math.max(0, finished.getTime() - this.#startedAt.getTime()),
      outcome,
      totals: t,
      runErrors: safeErrors,
    };
    const headText = JSON.stringify(head, null, 2);
    const partFile = `${this.file}.${process.pid}.part`;
    const out = new TextSink(partFile);
    await out.write(`${headText.slice(0, -2)},\n  "cases": [`);
    for await (const chunk of createReadStream(this.#tmpFile, { encoding: 'utf8' })) {
      if (out.error) break;
      await out.write(chunk as string);
    }
    try {
      await out.end(this.#first ? ']\n}\n' : '\n  ]\n}\n');
    } catch (e) {
      rmSync(partFile, { force: true });
      throw e;
    }
    renameSync(partFile, this.file);
    rmSync(this.#tmpFile, { force: true });
  }
}

function emptyTotals(): SummaryTotals {
  return { cases: 0, passed: 0, failed: 0, error: 0, skipped: 0, findings: 0, findingsByRule: {} };
}

function count(t: SummaryTotals, c: SummaryCase): void {
  t.cases++;
  t[c.status]++;
  const all = [...c.findings, ...(c.steps ?? []).flatMap((s) => s.findings)];
  t.findings += all.length;
  for (const f of all) t.findingsByRule[f.rule] = (t.findingsByRule[f.rule] ?? 0) + 1;
}

function toFinding(f: Finding): SummaryFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    path: f.path,
    line: f.line ?? null,
    column: f.column ?? null,
    expected: f.expected ?? null,
    actual: f.actual ?? null,
    message: f.message,
  };
}

export function toSummaryCase(c: CaseResult): SummaryCase {
  const s: SummaryCase = {
    id: c.id,
    name: c.name,
    kind: c.kind,
    suite: c.suite ?? null,
    contract: c.contract
      ? { file: c.contract.file, service: c.contract.service, version: c.contract.version, operation: c.contract.operation }
      : null,
    status: c.status,
    durationMs: Math.round(c.durationMs),
    findings: c.findings.map(toFinding),
    error: c.error ?? null,
  };
  if (c.steps) {
    s.steps = c.steps.map((st) => ({
      name: st.name,
      operation: st.operation ?? null,
      status: st.status,
      findings: st.findings.map(toFinding),
      messages: st.messages,
      error: st.error ?? null,
    }));
  }
  return s;
}
