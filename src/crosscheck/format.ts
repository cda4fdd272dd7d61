/**
 * The crosscheck's output. Docs against WSDL disagree in the same way in many places (every field
 * optional in the WSDL, required on the pages), so disagreements are grouped by check and by what
 * the two sides say, with a count and a few places as examples; json has every one.
 */
import { listText } from '../diff/describe.ts';
import type { CrosscheckResult } from './crosscheck.ts';
import type { Disagreement } from './model.ts';
import { CROSS_CHECKS } from './registry.ts';

export interface CrosscheckReport extends CrosscheckResult {
  docsLabel: string;
  wsdlLabel: string;
}

interface Group {
  id: string;
  docs: string;
  wsdl: string;
  places: string[];
}

const EXAMPLES = 3;

function place(d: Disagreement): string {
  const at = d.type ? `type ${d.type}` : d.operation ?? '';
  return d.path ? `${at} ${d.path}` : at;
}

/** Disagreements grouped by check and by what the two sides say, largest groups first within a check. */
export function groups(r: CrosscheckResult): Group[] {
  const byKey = new Map<string, Group>();
  for (const d of r.disagreements) {
    const key = `${d.id}\u0000${d.docs}\u0000${d.wsdl}`;
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { id: d.id, docs: d.docs, wsdl: d.wsdl, places: [] }));
    g.places.push(place(d));
  }
  const order = [...CROSS_CHECKS.keys()];
  return [...byKey.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id) || b.places.length - a.places.length);
}

function headline(r: CrosscheckReport): string {
  const o = r.operations;
  return `${o.paired} operation(s) paired, ${o.docsOnly} documented only, ${o.wsdlOnly} in the WSDL only; ${r.agreeing.length} agree in everything checked; ${r.disagreements.length} disagreement(s)`;
}

export function formatCrosscheckText(r: CrosscheckReport): string {
  const out = [`soapcheck crosscheck: ${r.docsLabel} (docs) against ${r.wsdlLabel} (WSDL)`, headline(r), ''];
  if (r.summary.length > 0) {
    const w = Math.max(...r.summary.map((s) => s.id.length));
    out.push(`${'check'.padEnd(w)}  count  operations`);
    for (const s of r.summary) out.push(`${s.id.padEnd(w)}  ${String(s.count).padStart(5)}  ${String(s.operations).padStart(10)}`);
    out.push('');
  }
  let last = '';
  for (const g of groups(r)) {
    if (g.id !== last) {
      out.push(`${g.id}: ${CROSS_CHECKS.get(g.id)!.description}`);
      last = g.id;
    }
    out.push(`  docs: ${g.docs}  |  WSDL: ${g.wsdl}  ×${g.places.length}`);
    const places = g.places.filter(Boolean);
    if (places.length > 0) out.push(`    e.g. ${listText(places, EXAMPLES)}`);
  }
  return out.join('\n') + '\n';
}

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function formatCrosscheckMarkdown(r: CrosscheckReport, docsBase = ''): string {
  const out = [`### Docs against WSDL: \`${r.docsLabel}\` against \`${r.wsdlLabel}\``, '', `${headline(r)}.`, ''];
  if (r.summary.length > 0) {
    out.push('| check | what | count | operations |', '|---|---|---:|---:|');
    for (const s of r.summary) out.push(`| [\`${s.id}\`](${docsBase}docs/crosscheck.md#${s.id.replace(/[^a-z0-9 _-]/g, '')}) | ${cell(CROSS_CHECKS.get(s.id)!.description)} | ${s.count} | ${s.operations} |`);
    out.push('', '| check | the pages say | the WSDL says | times | for example |', '|---|---|---|---:|---|');
    for (const g of groups(r)) out.push(`| \`${g.id}\` | ${cell(g.docs)} | ${cell(g.wsdl)} | ${g.places.length} | ${cell(listText(g.places.filter(Boolean), EXAMPLES))} |`);
  }
  return out.join('\n') + '\n';
}

export function formatCrosscheckJson(r: CrosscheckReport): string {
  return JSON.stringify({
    docs: r.docsLabel,
    wsdl: r.wsdlLabel,
    namespaceMap: Object.fromEntries(r.namespaceMap),
    operations: r.operations,
    agreeing: r.agreeing,
    summary: r.summary,
    disagreements: r.disagreements,
  }, null, 2) + '\n';
}
