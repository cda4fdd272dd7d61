/** What every diff output format needs: the run's labels, and where a change lies in words. */
import type { Change, Level } from '../model.ts';
import type { DiffResult } from '../diff.ts';
import { levelRank } from '../model.ts';

export interface DiffReport extends DiffResult {
  /** How the user named the two sides (paths as given). */
  oldLabel: string;
  newLabel: string;
  /** Changes at this level or above fail the gate. */
  failOn: Level;
}

/** `User/SaveCredential`, `type User:Credential (request of 5 operations)`, or `(all operations)`. */
export function where(c: Change): string {
  if (c.type) return `type ${c.type} (${c.direction} of ${c.operations?.length ?? 0} operation${c.operations?.length === 1 ? '' : 's'})`;
  return c.operation ?? '(all operations)';
}

export function fails(c: Change, failOn: Level): boolean {
  return levelRank(c.level) >= levelRank(failOn);
}

/** `31 changes: 15 ERR, 1 WARN, 15 INFO`. */
export function countsLine(r: DiffResult): string {
  const n = r.changes.length;
  return `${n} change${n === 1 ? '' : 's'}: ${r.counts.ERR} ERR, ${r.counts.WARN} WARN, ${r.counts.INFO} INFO`;
}

export function operationsLine(r: DiffResult): string {
  const o = r.operations;
  return `${o.paired} operation${o.paired === 1 ? '' : 's'} paired, ${o.added} added, ${o.removed} removed`;
}

/** Link to a check's section of docs/diff.md (GitHub's heading slug of `` `id` ``). */
export function checkAnchor(id: string): string {
  return `docs/diff.md#${id.toLowerCase().replace(/[^a-z0-9 _-]/g, '')}`;
}
