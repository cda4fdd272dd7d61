/**
 * The console's short section about the baseline comparison and the known-failures file: a few lines per
 * kind of change (the full lists are in summary.json), then whether the run regressed.
 */
import { reportPath } from '../../run/result.ts';
import { oneLine, plural } from '../format.ts';
import type { CaseChange, Comparison, FindingChange } from './compare.ts';
import type { GateResult } from './gate.ts';
import type { KnownEntry } from './known-failures.ts';

/** The first line of a known failure's failure text in junit.xml and Allure. */
export const KNOWN_FAILURE_NOTE = 'known failure: every error finding is accepted by the known-failures file';

/** Lines shown per list; the rest are counted. */
export const MAX_LINES_PER_LIST = 10;

export function formatGate(g: GateResult, max = MAX_LINES_PER_LIST): string[] {
  const lines: string[] = [];
  if (g.comparison) lines.push(...formatComparison(g.comparison, max));
  if (g.known) {
    const k = g.known;
    lines.push(
      `known failures (${reportPath(k.file)}): ${plural(g.acceptedFindings, 'finding')} accepted; ${plural(g.knownFailures, 'case')} failed only with accepted findings`,
    );
    list(lines, k.stale, max, (e) => `stale: ${entry(e)} — not found in this run; remove the entry`);
    list(lines, k.expired, max, (e) => `expired on ${e.expires}: ${entry(e)} — accepts nothing any more`);
  }
  return lines;
}

function formatComparison(c: Comparison, max: number): string[] {
  const lines = [`compared with ${reportPath(c.baseline.file)}${c.baseline.startedAt ? ` (run of ${c.baseline.startedAt})` : ''}:`];
  const section = <T>(title: string, items: readonly T[], show: (x: T) => string) => {
    if (!items.length) return;
    lines.push(`  ${title} (${items.length}):`);
    list(lines, items, max, show, '    ');
  };
  section('newly failing', c.newlyFailing, caseLine);
  section('newly passing', c.newlyPassing, caseLine);
  section('new cases', c.newCases, caseLine);
  section('not in this run', c.absentCases, caseLine);
  section('new findings', c.newFindings, findingLine);
  section('gone findings', c.goneFindings, findingLine);
  if (lines.length === 1) lines.push('  no change');
  const r = c.regressions;
  lines.push(c.regression ? `regression: ${plural(r.cases, 'case')} newly failing, ${plural(r.findings, 'new error finding')}` : 'no regression');
  return lines;
}

function caseLine(x: CaseChange): string {
  return `${x.name}: ${x.was ?? 'not in the baseline'} → ${x.now ?? 'not run'}${x.known ? ' (known failure)' : ''}`;
}

function findingLine(f: FindingChange): string {
  const where = `${f.name}${f.step !== undefined ? ` step "${f.step}"` : ''}`;
  return `${where}: ${f.severity === 'warn' ? 'warning ' : ''}${f.rule} at ${f.path || '(document)'}${f.count > 1 ? ` ×${f.count}` : ''}${f.known ? ' (known)' : ''}`;
}

function entry(e: KnownEntry): string {
  return `${e.where} ${e.case}${e.step !== undefined ? ` step "${e.step}"` : ''} ${e.rule} at ${e.path}`;
}

function list<T>(lines: string[], items: readonly T[], max: number, show: (x: T) => string, indent = '  '): void {
  for (const x of items.slice(0, max)) lines.push(`${indent}${oneLine(show(x))}`);
  if (items.length > max) lines.push(`${indent}… and ${items.length - max} more (summary.json has them all)`);
}
