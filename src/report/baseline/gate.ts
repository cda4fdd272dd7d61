/**
 * What decides `soapcheck run`'s exit status beyond "did every case pass": the baseline comparison
 * (`--baseline`, `--fail-on regression`) and the known-failures file (`--known-failures`). Fed every case
 * result before the reporters, so that summary.json and the console can say at the end what it found.
 *
 * A known failure is a contract case that failed only because of error findings the known-failures file
 * accepts. A scenario never is (a failed assertion cannot be accepted), nor is a case that could not be
 * checked (status error).
 */
import type { Finding } from '../../checks/api.ts';
import type { CaseResult } from '../../run/result.ts';
import type { Redactor } from '../../secrets/redact.ts';
import { BaselineComparer, type Comparison } from './compare.ts';
import { fingerprint, stablePath, type FingerprintParts } from './fingerprint.ts';
import type { KnownFailures, KnownFailuresReport } from './known-failures.ts';
import type { Baseline } from './read-baseline.ts';

export interface GateOptions {
  baseline?: Baseline;
  known?: KnownFailures;
  /** Keep every error finding's fingerprint, to write a known-failures file from this run. */
  collect?: boolean;
  redactor?: Redactor;
}

export interface GateResult {
  comparison?: Comparison;
  known?: KnownFailuresReport;
  /** Cases that failed or could not be checked, known failures not counted. */
  failing: number;
  /** Cases that failed only because of accepted findings. */
  knownFailures: number;
  /** Findings the known-failures file accepted. */
  acceptedFindings: number;
}

export class RunGate {
  readonly #comparer: BaselineComparer | undefined;
  readonly #known: KnownFailures | undefined;
  readonly #redactor: Redactor | undefined;
  readonly #collected: Map<string, FingerprintParts> | undefined;
  #failing = 0;
  #knownFailures = 0;
  #accepted = 0;

  constructor(options: GateOptions) {
    this.#known = options.known;
    this.#redactor = options.redactor;
    const known = this.#known;
    this.#comparer = options.baseline
      ? new BaselineComparer(options.baseline, { ...(known ? { known: { accepts: (fp) => known.entryFor(fp) !== undefined } } : {}), ...(options.redactor ? { redactor: options.redactor } : {}) })
      : undefined;
    this.#collected = options.collect ? new Map() : undefined;
  }

  get comparing(): boolean {
    return this.#comparer !== undefined;
  }

  /** Accepted by the known-failures file? (`step`: the scenario step's name.) */
  isKnown(caseId: string, step: string | undefined, f: Pick<Finding, 'rule' | 'path'>): boolean {
    return this.#known?.entryFor(this.#parts(caseId, step, f)) !== undefined;
  }

  /** Did this case fail only because of accepted findings? */
  isKnownFailure(r: CaseResult): boolean {
    if (!this.#known || r.status !== 'failed' || r.kind !== 'contract' || r.error) return false;
    const errors = r.findings.filter((f) => f.severity === 'error');
    return errors.length > 0 && errors.every((f) => this.isKnown(r.id, undefined, f));
  }

  onCaseResult(r: CaseResult): void {
    const knownOnly = this.isKnownFailure(r);
    if (r.status === 'failed' || r.status === 'error') {
      if (knownOnly) this.#knownFailures++;
      else this.#failing++;
    }
    if (r.status !== 'skipped') this.#known?.ran(r.id);
    const each = (step: string | undefined, findings: readonly Finding[]) => {
      for (const f of findings) {
        const parts = this.#parts(r.id, step, f);
        if (this.#known?.accepts(parts)) this.#accepted++;
        if (this.#collected && f.severity === 'error') this.#collected.set(fingerprint(parts), parts);
      }
    };
    each(undefined, r.findings);
    for (const s of r.steps ?? []) each(s.name, s.findings);
    this.#comparer?.add(r, knownOnly);
  }

  #parts(caseId: string, step: string | undefined, f: Pick<Finding, 'rule' | 'path'>): FingerprintParts {
    const path = stablePath(this.#redactor ? this.#redactor.redact(f.path) : f.path);
    return { case: caseId, ...(step !== undefined ? { step } : {}), rule: f.rule, path };
  }

  /** Every error finding's fingerprint (with `collect`), in case order. */
  collected(): FingerprintParts[] {
    return [...(this.#collected?.values() ?? [])];
  }

  finish(): GateResult {
    return {
      ...(this.#comparer ? { comparison: this.#comparer.finish() } : {}),
      ...(this.#known ? { known: this.#known.report() } : {}),
      failing: this.#failing,
      knownFailures: this.#knownFailures,
      acceptedFindings: this.#accepted,
    };
  }
}
