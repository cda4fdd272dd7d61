/**
 * The options of `soapcheck run` that decide its exit status against an earlier run and a known-failures file:
 * `--baseline`, `--fail-on`, `--known-failures` (or `knownFailures:` in soapcheck.config.yaml) and
 * `--write-known-failures`. A baseline or known-failures file that cannot be used is a usage error (exit 2)
 * naming the file and why, before anything is sent. docs/baselines.md describes them.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { EXIT, UsageError } from './command.ts';
import type { Project } from './project.ts';
import { RunGate } from '../report/baseline/gate.ts';
import { KnownFailures, KnownFailuresError, loadKnownFailures } from '../report/baseline/known-failures.ts';
import { BaselineError, readBaseline, type Baseline } from '../report/baseline/read-baseline.ts';
import { knownFailuresText, writeKnownFailures } from '../report/baseline/write-known-failures.ts';
import type { Redactor } from '../secrets/redact.ts';

export const GATE_OPTIONS = {
  baseline: { type: 'string' },
  'fail-on': { type: 'string' },
  'known-failures': { type: 'string' },
  'write-known-failures': { type: 'string' },
} as const;

export const GATE_HELP = `  --baseline FILE       compare this run with an earlier one: FILE is its summary.json (e.g. kept from
                        the main branch's last run). The console and summary.json list cases newly
                        failing and newly passing, and findings new and gone, matched by case, rule and
                        path (not by message text). See docs/baselines.md
  --fail-on WHAT        findings (default): exit 1 when a case failed; regression (needs --baseline):
                        exit 1 only for cases newly failing and new error findings, 0 otherwise, even
                        when old findings remain
  --known-failures FILE  findings this team accepts (YAML, each entry with a reason; default: the
                        config file's knownFailures:): they are reported as known and do not fail the
                        run; entries that no longer match are listed as stale
  --write-known-failures FILE
                        after the run, write FILE accepting every error finding of it (reasons of
                        entries kept from --known-failures; new ones say TODO)`;

export type FailOn = 'findings' | 'regression';

export interface GateSetup {
  gate?: RunGate;
  failOn: FailOn;
  known?: KnownFailures;
  writeFile?: string;
}

export function setupGate(o: Record<string, unknown>, project: Project, redactor: Redactor, today = new Date().toISOString().slice(0, 10)): GateSetup {
  const failOn = (o['fail-on'] as string | undefined) ?? 'findings';
  if (failOn !== 'findings' && failOn !== 'regression') throw new UsageError(`--fail-on must be findings or regression, got ${JSON.stringify(failOn)}`);
  if (failOn === 'regression' && o.baseline === undefined) throw new UsageError('--fail-on regression needs --baseline <summary.json of an earlier run>');
  let baseline: Baseline | undefined;
  if (typeof o.baseline === 'string') {
    try {
      baseline = readBaseline(resolve(o.baseline));
    } catch (e) {
      if (e instanceof BaselineError) throw new UsageError(`--baseline ${e.message}`);
      throw e;
    }
  }
  const knownFile = typeof o['known-failures'] === 'string' ? resolve(o['known-failures']) : project.config.knownFailures;
  let known: KnownFailures | undefined;
  if (knownFile) {
    try {
      known = new KnownFailures(knownFile, loadKnownFailures(knownFile), today);
    } catch (e) {
      if (e instanceof KnownFailuresError) throw new UsageError(`${o['known-failures'] !== undefined ? '--known-failures' : `knownFailures (${project.configFile})`}: ${e.message}`);
      throw e;
    }
  }
  let writeFile: string | undefined;
  if (typeof o['write-known-failures'] === 'string') {
    writeFile = resolve(o['write-known-failures']);
    const dir = dirname(writeFile);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--write-known-failures ${o['write-known-failures']}: the folder ${dir} does not exist`);
  }
  const gate = baseline || known || writeFile ? new RunGate({ ...(baseline ? { baseline } : {}), ...(known ? { known } : {}), collect: writeFile !== undefined, redactor }) : undefined;
  return { failOn, ...(gate ? { gate } : {}), ...(known ? { known } : {}), ...(writeFile ? { writeFile } : {}) };
}

/** Write --write-known-failures; the error message when it could not be written. */
export function writeKnownFailuresFile(setup: GateSetup, redactor: Redactor, today = new Date().toISOString().slice(0, 10)): string | undefined {
  if (!setup.writeFile || !setup.gate) return undefined;
  const known = setup.known;
  const text = knownFailuresText({
    findings: setup.gate.collected(),
    ...(known ? { previous: known.entries() } : {}),
    ran: (id) => known?.didRun(id) ?? true,
    today,
    redactor,
  });
  try {
    writeKnownFailures(setup.writeFile, text);
    process.stdout.write(`soapcheck run: wrote ${setup.writeFile} (${setup.gate.collected().length} accepted finding(s)); review each reason before committing it\n`);
    return undefined;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return `the known-failures file could not be written to ${setup.writeFile}: ${err.code ? `${err.code}: ` : ''}${err.message}`;
  }
}

/**
 * The exit status of a run that was not interrupted and whose reports were written: with --fail-on regression
 * 1 only for a regression (or an error outside any case); with a known-failures file 1 only for cases failing
 * for other reasons than accepted findings; otherwise 1 when any case failed.
 */
export function gateExitCode(setup: GateSetup, result: { outcome: string; runErrors: readonly string[] }): number {
  const g = setup.gate?.finish();
  if (result.runErrors.length) return EXIT.FINDINGS;
  if (setup.failOn === 'regression') return g?.comparison?.regression ? EXIT.FINDINGS : EXIT.OK;
  if (g?.known) return g.failing > 0 ? EXIT.FINDINGS : EXIT.OK;
  return result.outcome === 'passed' ? EXIT.OK : EXIT.FINDINGS;
}
