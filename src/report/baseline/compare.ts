/**
 * Compares a run, case by case as results arrive, with a baseline (the summary.json of an earlier run) and
 * with the known-failures file, and says what regressed.
 *
 * Cases (matched by their id):
 * - newly failing: passed in the baseline, failed or error now;
 * - newly passing: failed or error in the baseline, passed now;
 * - new: not in the baseline, or skipped there, and run now;
 * - absent: run in the baseline, but left out or skipped now (-t, --shard, --operation, a removed contract,
 *   an interrupted run): not compared, listed.
 * Findings (matched by fingerprint, see fingerprint.ts), for cases run in both:
 * - new: a fingerprint the baseline case does not have, or has fewer times (all of a new case's findings are
 *   new; so are those of a case the baseline could not check, status error);
 * - gone: the reverse. A case that could not be checked now (error) has no finding comparison: its findings
 *   are unknown, not gone.
 *
 * A run regresses when a case is newly failing (or new and not passing), or when it has a new error finding
 * that the known-failures file does not accept. New warnings are listed but are not regressions (a warning
 * never fails a case). A case whose only reasons to fail are accepted findings is a known failure.
 */
import type { CaseResult, CaseStatus } from '../../run/result.ts';
import type { Redactor } from '../../secrets/redact.ts';
import { textCase } from '../format.ts';
import { caseFingerprints, type FingerprintCount, type FingerprintParts } from './fingerprint.ts';
import type { Baseline, BaselineStatus } from './read-baseline.ts';

/** Which findings a team has accepted (the known-failures file). */
export interface KnownMatcher {
  /** True when an entry accepts findings with this fingerprint (and records that it matched). */
  accepts(fp: FingerprintParts): boolean;
}

export interface CaseChange {
  id: string;
  name: string;
  was: BaselineStatus | null;
  now: CaseStatus | null;
  /** Failing only because of findings the known-failures file accepts. */
  known?: boolean;
}

export interface FindingChange extends FingerprintParts {
  name: string;
  severity: 'error' | 'warn';
  /** How many more (new) or fewer (gone) findings with this fingerprint. */
  count: number;
  /** Accepted by the known-failures file. */
  known?: boolean;
}

export interface Comparison {
  baseline: { file: string; startedAt: string | null; toolVersion: string | null };
  /** True when the run has a regression (see the module comment). */
  regression: boolean;
  /** Cases newly failing (or new and not passing), and new error findings, known failures not counted. */
  regressions: { cases: number; findings: number };
  newlyFailing: CaseChange[];
  newlyPassing: CaseChange[];
  newCases: CaseChange[];
  absentCases: CaseChange[];
  newFindings: FindingChange[];
  goneFindings: FindingChange[];
}

const failing = (s: string | null) => s === 'failed' || s === 'error';

export class BaselineComparer {
  readonly #baseline: Baseline;
  readonly #known: KnownMatcher | undefined;
  readonly #redactor: Redactor | undefined;
  readonly #seen = new Set<string>();
  readonly #c: Omit<Comparison, 'regression' | 'regressions' | 'baseline'> = { newlyFailing: [], newlyPassing: [], newCases: [], absentCases: [], newFindings: [], goneFindings: [] };
  #result: Comparison | undefined;

  constructor(baseline: Baseline, options: { known?: KnownMatcher; redactor?: Redactor } = {}) {
    this.#baseline = baseline;
    this.#known = options.known;
    this.#redactor = options.redactor;
  }

  /** One case's result (any order); `knownOnly`: it fails only because of accepted findings. */
  add(result: CaseResult, knownOnly = false): void {
    const r = this.#redactor && (result.findings.length || result.steps?.length) ? textCase(result, this.#redactor) : result;
    this.#seen.add(r.id);
    const base = this.#baseline.cases.get(r.id);
    const was = base?.status ?? null;
    const now = r.status;
    if (now === 'skipped') {
      if (base && was !== 'skipped') this.#c.absentCases.push({ id: r.id, name: r.name, was, now });
      return;
    }
    const change: CaseChange = { id: r.id, name: r.name, was, now, ...(knownOnly ? { known: true } : {}) };
    if (!base || was === 'skipped') this.#c.newCases.push(change);
    else if (was === 'passed' && failing(now)) this.#c.newlyFailing.push(change);
    else if (failing(was) && now === 'passed') this.#c.newlyPassing.push(change);
    if (now === 'error') return;

    const current = caseFingerprints(r);
    const before = base && was !== 'error' && was !== 'skipped' ? base.fingerprints : new Map<string, FingerprintCount>();
    for (const [key, fp] of current) {
      const extra = fp.count - (before.get(key)?.count ?? 0);
      if (extra > 0) this.#c.newFindings.push(this.#change(fp, r.name, extra, true));
    }
    for (const [key, fp] of before) {
      const fewer = fp.count - (current.get(key)?.count ?? 0);
      if (fewer > 0) this.#c.goneFindings.push(this.#change(fp, r.name, fewer, false));
    }
  }

  #change(fp: FingerprintCount, name: string, count: number, isNew: boolean): FindingChange {
    const { key: _key, count: _count, ...parts } = fp;
    const known = isNew && this.#known?.accepts(parts) === true;
    return { ...parts, name, count, ...(known ? { known: true } : {}) };
  }

  /** The comparison, once every case was added: baseline cases this run never reported are absent. */
  finish(): Comparison {
    if (this.#result) return this.#result;
    for (const b of this.#baseline.cases.values()) {
      if (!this.#seen.has(b.id) && b.status !== 'skipped') this.#c.absentCases.push({ id: b.id, name: b.name, was: b.status, now: null });
    }
    const c = this.#c;
    const regressions = {
      cases: c.newlyFailing.filter((x) => !x.known).length + c.newCases.filter((x) => failing(x.now) && !x.known).length,
      findings: c.newFindings.filter((f) => f.severity === 'error' && !f.known).reduce((n, f) => n + f.count, 0),
    };
    const { file, startedAt, toolVersion } = this.#baseline;
    this.#result = { baseline: { file, startedAt, toolVersion }, regression: regressions.cases + regressions.findings > 0, regressions, ...c };
    return this.#result;
  }
}
