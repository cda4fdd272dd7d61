/**
 * The reporters of a run, chosen by name, behind one RunListener:
 *
 *   console  → ConsoleReporter (progress, pass/fail, findings, totals)
 *   junit    → JunitReporter, <out>/junit.xml
 *   summary  → SummaryReporter, <out>/summary.json (alias: json)
 *   allure   → AllureReporter, <out>/allure-results
 *
 * A report that cannot be written (disk full, folder gone, no permission) does not stop the run or the
 * other reports: its error is kept, named in `writeErrors` with the file, and the console says so.
 */
import { join } from 'node:path';
import type { RunEnd, RunListener, RunStart } from '../run/events.ts';
import type { CaseResult } from '../run/result.ts';
import { ALLURE_RESULTS_DIR, AllureReporter } from './allure-reporter.ts';
import { ConsoleReporter, type ConsoleReporterOptions } from './console-reporter.ts';
import { JUNIT_FILE, JunitReporter } from './junit-reporter.ts';
import { Redactor } from '../secrets/redact.ts';
import { SUMMARY_FILE, SummaryReporter } from './summary-reporter.ts';
import type { RunGate } from './baseline/gate.ts';

export const REPORTER_NAMES = ['console', 'junit', 'summary', 'allure'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];
const ALIASES: Record<string, ReporterName> = { json: 'summary' };

export { JUNIT_FILE, ALLURE_RESULTS_DIR };
export const ALLURE_REPORT_DIR = 'allure-report';

export interface ReportersOptions {
  /** The run's Redactor, with the secret values registered. */
  redactor?: Redactor;
  /** Options for the console reporter (tests, quiet CI logs). */
  console?: Omit<ConsoleReporterOptions, 'redactor' | 'reportPaths'>;
  /** Allure attachments: of every case (default) or of the cases that did not pass. */
  attachments?: 'all' | 'failures';
  /** The baseline comparison and known failures (--baseline, --known-failures): fed each case first, reported by summary and console. */
  gate?: RunGate;
}

/** Reporter names as given on the command line (`--reporter junit,summary` or repeated), validated. */
export function parseReporterNames(values: readonly string[]): ReporterName[] {
  const names = values.flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
  const out: ReporterName[] = [];
  for (const n of names) {
    const name = ALIASES[n] ?? n;
    if (!(REPORTER_NAMES as readonly string[]).includes(name)) {
      throw new Error(`unknown reporter '${n}' (known: ${REPORTER_NAMES.join(', ')}; json is an alias of summary)`);
    }
    if (!out.includes(name as ReporterName)) out.push(name as ReporterName);
  }
  return out;
}

/** Where each report goes under `outDir`. */
export function reportPaths(outDir: string): Record<Exclude<ReporterName, 'console'>, string> {
  return {
    junit: join(outDir, JUNIT_FILE),
    summary: join(outDir, SUMMARY_FILE),
    allure: join(outDir, ALLURE_RESULTS_DIR),
  };
}

/** A report file (or folder) that could not be written, and why. */
export interface WriteError {
  report: string;
  path: string;
  message: string;
}

export interface Reporters extends RunListener {
  /** Reports that could not be written (complete after onRunEnd). */
  readonly writeErrors: readonly WriteError[];
}

/** The reporters for `names` (default: all) writing under `outDir`, as one listener. */
export function reportersFor(outDir: string, names: readonly string[] = REPORTER_NAMES, options: ReportersOptions = {}): Reporters {
  const selected = parseReporterNames(names);
  const paths = reportPaths(outDir);
  const redactor = options.redactor ?? new Redactor();
  const files: { name: string; path: string; listener: RunListener }[] = [];
  const gate = options.gate ? { gate: options.gate } : {};
  for (const name of selected) {
    if (name === 'junit') files.push({ name, path: paths.junit, listener: new JunitReporter({ outDir, redactor, ...gate }) });
    if (name === 'summary') files.push({ name, path: paths.summary, listener: new SummaryReporter({ outDir, redactor, ...gate }) });
    if (name === 'allure') files.push({ name, path: paths.allure, listener: new AllureReporter({ resultsDir: paths.allure, redactor, ...gate, ...(options.attachments ? { attachments: options.attachments } : {}) }) });
  }
  const consoleReporter = selected.includes('console') ? new ConsoleReporter({ ...options.console, redactor, reportPaths: files.map((f) => f.path), ...gate }) : undefined;
  return new ReporterSet(files, consoleReporter, options.gate);
}

class ReporterSet implements Reporters {
  readonly writeErrors: WriteError[] = [];
  readonly #files: { name: string; path: string; listener: RunListener; failed?: boolean }[];
  readonly #console: ConsoleReporter | undefined;
  readonly #gate: RunGate | undefined;

  constructor(files: { name: string; path: string; listener: RunListener }[], consoleReporter: ConsoleReporter | undefined, gate: RunGate | undefined) {
    this.#files = files;
    this.#console = consoleReporter;
    this.#gate = gate;
  }

  async onRunStart(start: RunStart): Promise<void> {
    for (const f of this.#files) await this.#guard(f, () => f.listener.onRunStart?.(start));
    this.#console?.onRunStart(start);
  }

  onCaseResult(result: CaseResult): Promise<void> | void {
    this.#gate?.onCaseResult(result);
    let waits: Promise<void>[] | undefined;
    for (const f of this.#files) {
      const w = this.#guard(f, () => f.listener.onCaseResult?.(result));
      if (w) (waits ??= []).push(w);
    }
    this.#console?.onCaseResult(result);
    if (waits) return Promise.all(waits).then(() => undefined);
  }

  async onRunEnd(end: RunEnd): Promise<void> {
    // The files first, so that the console's last lines can say which reports are complete.
    await Promise.all(this.#files.map((f) => this.#guard(f, () => f.listener.onRunEnd?.(end))));
    this.#console?.onRunEnd(end, this.writeErrors);
  }

  /** Run a reporter's step; a failure marks that report failed (later steps skip it) and is kept. */
  #guard(f: { name: string; path: string; listener: RunListener; failed?: boolean }, step: () => void | Promise<void>): Promise<void> | void {
    if (f.failed) return;
    const fail = (e: unknown) => {
      f.failed = true;
      const err = e as NodeJS.ErrnoException;
      this.writeErrors.push({ report: f.name, path: f.path, message: `${err.code ? `${err.code}: ` : ''}${err.message ?? String(e)}` });
    };
    try {
      const r = step();
      if (r) return r.catch(fail);
    } catch (e) {
      fail(e);
    }
  }
}
