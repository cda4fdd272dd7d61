/** The markdown format: a pull-request comment with a summary line and one table row per change. */
import { listText } from '../describe.ts';
import { levelRank } from '../model.ts';
import { checkAnchor, countsLine, fails, operationsLine, where, type DiffReport } from './shared.ts';

/** Markdown table cells hold no pipes or line breaks. */
function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function formatMarkdown(r: DiffReport, docsBase = ''): string {
  const failing = r.changes.filter((c) => fails(c, r.failOn)).length;
  const out = [
    `### Contract diff: \`${r.oldLabel}\` → \`${r.newLabel}\``,
    '',
    `${failing > 0 ? `**${failing} change${failing === 1 ? '' : 's'} at ${r.failOn} or above.**` : `No change at ${r.failOn} or above.`} ${countsLine(r)}; ${operationsLine(r)}.`,
    '',
  ];
  if (r.changes.length > 0) {
    out.push('| level | check | where | change |', '|---|---|---|---|');
    const sorted = [...r.changes].sort((a, b) => levelRank(b.level) - levelRank(a.level));
    for (const c of sorted) {
      const at = [where(c), c.path].filter(Boolean).join(' · ');
      out.push(`| ${c.level} | [\`${c.id}\`](${docsBase}${checkAnchor(c.id)}) | ${cell(at)} | ${cell(c.message)} |`);
    }
    const types = new Map<string, readonly string[]>();
    for (const c of r.changes) if (c.type && c.operations) types.set(`${c.type} (${c.direction})`, c.operations);
    if (types.size > 0) {
      out.push('', '<details><summary>Operations using the changed types</summary>', '');
      for (const [t, ops] of types) out.push(`- \`${t}\`: ${listText(ops, 50)}`);
      out.push('', '</details>');
    }
  }
  return out.join('\n') + '\n';
}
