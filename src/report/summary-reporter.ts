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
import { reportPath, type CaseResult } from '../run/result.ts';
import { textCase } from './format.ts';
import { Redactor } from '../secrets/redact.ts';
import { TextSink } from './text-sink.ts';
import type { Comparison } from './baseline/compare.ts';
import type { RunGate } from './baseline/gate.ts';
import type { KnownEntry } from './baseline/known-failures.ts';



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
  /** Accepted by the known-failures file (only written when true). */
  known?: true;
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
  /** Failed only because of findings the known-failures file accepts (only written when true). */
  knownFailure?: true;
  /** Present when the case was replayed under a namespace map. */
  replay?: { namespaceMap: Record<string, string>; action?: string; endpoint?: string };
}

/** `soapcheck run --baseline`: this run compared with an earlier one (docs/baselines.md). */
export type SummaryBaseline = Comparison;

/** `soapcheck run --known-failures`: what the file accepted, and its entries that no longer match. */
export interface SummaryKnownFailures {
  file: string;
  entries: number;
  acceptedFindings: number;
  knownFailureCases: number;
  stale: Omit<KnownEntry, 'where'>[];
  expired: Omit<KnownEntry, 'where'>[];
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
  baseline?: SummaryBaseline;
  knownFailures?: SummaryKnownFailures;
  cases: SummaryCase[];
}

export interface SummaryReporterOptions {
  /** Folder for summary.json (created if missing). */
  outDir: string;
  /** The run's Redactor (secret values registered); results are redacted again with it. */
  redactor?: Redactor;
  /** Clock, for tests. */
  now?: () => Date;
  /** The run's baseline comparison and known failures, fed each case before this reporter. */
  gate?: RunGate;
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
  readonly #gate: RunGate | undefined;
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
    this.#gate = options.gate;
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
    if (this.#gate) markKnown(c, result, this.#gate);
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
      ...this.#gateSections(),
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

  #gateSections(): Pick<Summary, 'baseline' | 'knownFailures'> {
    if (!this.#gate) return {};
    const g = this.#gate.finish();
    const out: Pick<Summary, 'baseline' | 'knownFailures'> = {};
    if (g.comparison) out.baseline = this.#redactor.redactDeep({ ...g.comparison, baseline: { ...g.comparison.baseline, file: reportPath(g.comparison.baseline.file) } });
    if (g.known) {
      const strip = ({ where: _w, ...e }: KnownEntry) => e;
      out.knownFailures = this.#redactor.redactDeep({
        file: reportPath(g.known.file),
        entries: g.known.entries,
        acceptedFindings: g.acceptedFindings,
        knownFailureCases: g.knownFailures,
        stale: g.known.stale.map(strip),
        expired: g.known.expired.map(strip),
      });
    }
    return out;
  }
}

/** Mark the findings the known-failures file accepts, and the case when they are its only reason to fail. */
function markKnown(c: SummaryCase, result: CaseResult, gate: RunGate): void {
  for (const f of c.findings) if (gate.isKnown(c.id, undefined, f)) f.known = true;
  for (const s of c.steps ?? []) for (const f of s.findings) if (gate.isKnown(c.id, s.name, f)) f.known = true;
  if (gate.isKnownFailure(result)) c.knownFailure = true;
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
  if (c.replay) {
    s.replay = { namespaceMap: c.replay.namespaces, ...(c.replay.action !== undefined ? { action: c.replay.action } : {}), ...(c.replay.endpoint !== undefined ? { endpoint: c.replay.endpoint } : {}) };
  }
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
