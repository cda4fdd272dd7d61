/** The console format: one line per change, grouped by where it lies. */
import { listText } from '../describe.ts';
import type { Change } from '../model.ts';
import { countsLine, fails, operationsLine, where, type DiffReport } from './shared.ts';

export function formatText(r: DiffReport): string {
  const out = [`soapcheck diff: ${r.oldLabel} → ${r.newLabel}`, operationsLine(r), ''];
  const groups = new Map<string, Change[]>();
  for (const c of r.changes) groups.set(where(c), [...(groups.get(where(c)) ?? []), c]);
  const idWidth = Math.max(0, ...r.changes.map((c) => c.id.length));
  for (const [w, cs] of groups) {
    out.push(w);
    if (cs[0]!.operations) out.push(`  used by: ${listText(cs[0]!.operations, 6)}`);
    for (const c of cs) out.push(`  ${c.level.padEnd(4)}  ${c.id.padEnd(idWidth)}  ${c.path ? `${c.path}: ` : ''}${c.message}`);
    out.push('');
  }
  const failing = r.changes.filter((c) => fails(c, r.failOn)).length;
  out.push(`${countsLine(r)} (${failing} at ${r.failOn} or above)`);
  return out.join('\n') + '\n';
}
