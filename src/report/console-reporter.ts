/**
 * The run's reporter for people at a terminal or reading a CI log.
 *
 * - Small runs (up to `listLimit` cases): one line per case, pass or fail (skipped: the first 10 only).
 * - Long runs: no line per passing case; a progress line (done/total, pass/fail counts, rate) every
 *   `progressEvery` cases or `progressIntervalMs`, whichever comes first.
 * - Every failing case (up to `maxFailureDetails`, then one line each) with its findings: rule, location,
 *   expected vs actual, message.
 * - At the end: totals, run errors (a suite that failed to load, …) and where the reports were written.
 */
import { styleText } from 'node:util';
import type { RunEnd, RunListener, RunStart } from '../run/events.ts';
import type { CaseResult } from '../run/result.ts';
import { formatCaseFailure, oneLine, plural, terminalSafe, terminalSafeDeep, textCase } from './format.ts';
import { Redactor } from '../secrets/redact.ts';
import type { RunGate } from './baseline/gate.ts';
import { formatGate } from './baseline/format.ts';

export interface ConsoleReporterOptions {
  /** Where output goes (default: stdout). */
  write?: (text: string) => void;
  /** Up to this many cases, a line per case; above it, progress lines. Default 200. */
  listLimit?: number;
  /** In progress mode, a progress line every this many cases… (default: 5% of the run, at least 100). */
  progressEvery?: number;
  /** …or when this much time has passed since the last one. Default 5000 ms. */
  progressIntervalMs?: number;
  /** Failing cases shown with their findings; later ones get one line. Default 50. */
  maxFailureDetails?: number;
  /** Report files to list at the end (shown when they exist, e.g. `reports/junit.xml`). */
  reportPaths?: string[];
  redactor?: Redactor;
  color?: boolean;
  now?: () => number;
  /** The baseline comparison and known failures: a short section at the end. */
  gate?: RunGate;
}

type Style = Parameters<typeof styleText>[0];

const MAX_SKIPPED_LINES = 10;

export class ConsoleReporter implements RunListener {
  readonly #opts: Required<Omit<ConsoleReporterOptions, 'write' | 'progressEvery' | 'redactor' | 'color' | 'gate'>> & {
    progressEvery?: number;
  };
  readonly #write: (text: string) => void;
  readonly #redactor: Redactor;
  readonly #color: boolean;
  readonly #gate: RunGate | undefined;
  #total = 0;
  #done = 0;
  #passed = 0;
  #failed = 0;
  #errors = 0;
  #skipped = 0;
  #findings = 0;
  #detailed = 0;
  #startedAt = 0;
  #lastProgressAt = 0;
  #lastProgressDone = 0;

  constructor(options: ConsoleReporterOptions = {}) {
    this.#opts = {
      listLimit: options.listLimit ?? 200,
      progressEvery: options.progressEvery,
      progressIntervalMs: options.progressIntervalMs ?? 5000,
      maxFailureDetails: options.maxFailureDetails ?? 50,
      reportPaths: options.reportPaths ?? [],
      now: options.now ?? (() => Date.now()),
    };
    this.#write = options.write ?? ((t) => process.stdout.write(t));
    this.#redactor = options.redactor ?? new Redactor();
    this.#color = options.color ?? (!!process.stdout.isTTY && !process.env.NO_COLOR);
    this.#gate = options.gate;
  }

  onRunStart(start: RunStart): void {
    this.#startedAt = this.#opts.now();
    this.#lastProgressAt = this.#startedAt;
    this.#total = start.cases.length;
    this.#done = this.#passed = this.#failed = this.#errors = this.#skipped = this.#findings = this.#detailed = 0;
    this.#lastProgressDone = 0;
  }

  onCaseResult(result: CaseResult): void {
    const c = terminalSafeDeep(textCase(result, this.#redactor));
    this.#done++;
    this.#findings += c.findings.length + (c.steps ?? []).reduce((n, s) => n + s.findings.length, 0);
    const listing = this.#total <= this.#opts.listLimit;
    const ms = `${Math.round(c.durationMs)} ms`;
    switch (c.status) {
      case 'passed':
        this.#passed++;
        if (listing) this.#line(`${this.#style('green', '✓')} ${c.name} ${this.#style('dim', `(${ms})`)}`);
        break;
      case 'skipped':
        this.#skipped++;
        // A name filter or shard can skip hundreds: list a few, count the rest.
        if (listing && this.#skipped <= MAX_SKIPPED_LINES) this.#line(`${this.#style('yellow', '↓')} ${c.name} ${this.#style('dim', '(skipped)')}`);
        break;
      case 'failed':
      case 'error': {
        if (c.status === 'failed') this.#failed++;
        else this.#errors++;
        const mark = this.#style('red', c.status === 'failed' ? '✗' : '!');
        const label = c.status === 'failed' ? (this.#gate?.isKnownFailure(result) ? 'failed, known failure' : 'failed') : 'error';
        if (this.#detailed < this.#opts.maxFailureDetails) {
          this.#detailed++;
          this.#line(`${mark} ${c.name} ${this.#style('red', `(${label}, ${ms})`)}`);
          const body = formatCaseFailure(c).split('\n').slice(1);
          if (body.length) this.#line(body.map((l) => `  ${l}`).join('\n'));
          else if (c.error) this.#line(`    ${oneLine(c.error)}`);
        } else {
          this.#line(`${mark} ${c.name} ${this.#style('red', `(${label}${c.findings.length ? `, ${plural(c.findings.length, 'finding')}` : ''})`)}`);
        }
        break;
      }
    }
    if (!listing) this.#maybeProgress();
  }

  #maybeProgress(): void {
    const now = this.#opts.now();
    const every = this.#opts.progressEvery ?? Math.max(100, Math.ceil(this.#total / 20));
    if (this.#done - this.#lastProgressDone < every && now - this.#lastProgressAt < this.#opts.progressIntervalMs) return;
    const pct = this.#total ? Math.floor((this.#done / this.#total) * 100) : 0;
    const secs = Math.max(0.001, (now - this.#startedAt) / 1000);
    const rate = Math.round(this.#done / secs);
    this.#line(
      this.#style(
        'cyan',
        `progress ${this.#done}/${this.#total} (${pct}%): ${this.#passed} passed, ${this.#failed} failed, ${this.#errors} errors, ${rate} cases/s`,
      ),
    );
    this.#lastProgressAt = now;
    this.#lastProgressDone = this.#done;
  }

  /** `writeErrors`: reports that could not be written (they are named instead of listed as written). */
  onRunEnd(end: RunEnd, writeErrors: readonly { path: string; message: string }[] = []): void {
    for (const e of end.runErrors) this.#line(this.#style('red', `run error: ${terminalSafe(oneLine(this.#redactor.redactUrl(this.#redactor.redactXml(e)), 2000))}`));

    const secs = ((this.#opts.now() - this.#startedAt) / 1000).toFixed(1);
    const parts = [
      this.#style('green', `${this.#passed} passed`),
      this.#failed ? this.#style('red', `${this.#failed} failed`) : `${this.#failed} failed`,
      this.#errors ? this.#style('red', plural(this.#errors, 'error')) : '0 errors',
    ];
    if (this.#skipped) parts.push(`${this.#skipped} skipped`);
    this.#line('');
    this.#line(`${plural(this.#done, 'case')}: ${parts.join(', ')}; ${plural(this.#findings, 'finding')} (${secs} s)`);
    if (end.outcome === 'interrupted') this.#line(this.#style('yellow', 'run interrupted before all cases ran'));
    if (this.#gate) {
      const g = this.#gate.finish();
      for (const l of formatGate(g)) {
        const text = terminalSafe(this.#redactor.redact(l));
        this.#line(/^regression:/.test(l) ? this.#style('red', text) : text);
      }
    }
    const failed = new Set(writeErrors.map((e) => e.path));
    const written = this.#opts.reportPaths.filter((p) => !failed.has(p));
    if (written.length) this.#line(`reports: ${written.join(', ')}`);
    for (const e of writeErrors) this.#line(this.#style('red', `report not written: ${e.path}: ${e.message}`));
  }

  #line(text: string): void {
    this.#write(`${text}\n`);
  }

  #style(format: Style, text: string): string {
    return this.#color ? styleText(format, text) : text;
  }
}
