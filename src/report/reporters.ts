/**
 * The vitest `reporters` array for a soapcheck run: what `soapcheck run` passes to startVitest.
 *
 *   console  → ConsoleReporter (progress, pass/fail, findings, totals)
 *   junit    → vitest's own junit reporter, <out>/junit.xml (one testcase per contract or scenario)
 *   summary  → SummaryReporter, <out>/summary.json (alias: json)
 *   allure   → allure-vitest's reporter, <out>/allure-results
 */
import { join } from 'node:path';
import type { Reporter } from 'vitest/node';
import { FreshAllureReporter } from './allure-reporter.ts';
import { ConsoleReporter, type ConsoleReporterOptions } from './console-reporter.ts';
import { Redactor } from './redact.ts';
import { RedactErrorsReporter } from './redact-errors-reporter.ts';
import { SUMMARY_FILE, SummaryReporter } from './summary-reporter.ts';

export const REPORTER_NAMES = ['console', 'junit', 'summary', 'allure'] as const;
export type ReporterName = (typeof REPORTER_NAMES)[number];
const ALIASES: Record<string, ReporterName> = { json: 'summary' };

export const JUNIT_FILE = 'junit.xml';
export const ALLURE_RESULTS_DIR = 'allure-results';
export const ALLURE_REPORT_DIR = 'allure-report';

/** A vitest `reporters` entry: a reporter object, or a built-in's name with its options. */
export type ReporterEntry = Reporter | [string, Record<string, unknown>];

export interface ReportersOptions {
  /** The run's Redactor, with the secret values registered. */
  redactor?: Redactor;
  /** Options for the console reporter (tests, quiet CI logs). */
  console?: Omit<ConsoleReporterOptions, 'redactor' | 'reportPaths'>;
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

/**
 * The vitest reporters for `names` (default: all) writing under `outDir`. Order is not significant: vitest
 * calls reporters in parallel.
 */
export function reportersFor(outDir: string, names: readonly string[] = REPORTER_NAMES, options: ReportersOptions = {}): ReporterEntry[] {
  const selected = parseReporterNames(names);
  const paths = reportPaths(outDir);
  const redactor = options.redactor ?? new Redactor();
  // Always first: masks secrets in vitest's own error records before junit/Allure write them.
  const entries: ReporterEntry[] = [new RedactErrorsReporter(redactor)];
  for (const name of selected) {
    switch (name) {
      case 'junit':
        // Console output is left out of junit.xml: logs are not reports, and must not carry secrets there.
        // The classname would otherwise be the generic suites test file's path, which means nothing to a reader;
        // the testcase name already carries "<suite> > <case>".
        entries.push(['junit', { outputFile: paths.junit, suiteName: 'soapcheck', classnameTemplate: 'soapcheck', includeConsoleOutput: false }]);
        break;
      case 'summary':
        entries.push(new SummaryReporter({ outDir, redactor }));
        break;
      case 'allure':
        entries.push(new FreshAllureReporter({ resultsDir: paths.allure }));
        break;
      case 'console':
        break;
    }
  }
  if (selected.includes('console')) {
    const written = selected.filter((n): n is Exclude<ReporterName, 'console'> => n !== 'console').map((n) => paths[n]);
    entries.push(new ConsoleReporter({ ...options.console, redactor, reportPaths: written }));
  }
  return entries;
}
