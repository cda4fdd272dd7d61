/** The JSON format: everything the diff found, for tools. */
import type { DiffReport } from './shared.ts';
import { fails } from './shared.ts';

export function formatJson(r: DiffReport): string {
  return JSON.stringify({
    old: r.oldLabel,
    new: r.newLabel,
    failOn: r.failOn,
    failing: r.changes.filter((c) => fails(c, r.failOn)).length,
    namespaceMap: Object.fromEntries(r.namespaceMap),
    operations: r.operations,
    counts: r.counts,
    changes: r.changes,
  }, null, 2) + '\n';
}
