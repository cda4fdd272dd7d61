/**
 * `crosscheckContracts(docs, wsdl)`: walk the documentation's contracts (old side) against the
 * WSDL's (new side) and collect each check's disagreements, with a summary per check.
 */
import type { Contract } from '../contract/model.ts';
import type { DiffEvent } from '../diff/model.ts';
import { eventPath } from '../diff/diff.ts';
import type { NamespaceMap } from '../contract/namespace-map.ts';
import { walkCollect, type EventSite } from '../diff/walk.ts';
import { CROSS_CHECK_LIST } from './registry.ts';
import type { AnyCrossCheck, Disagreement, Sides } from './model.ts';

export interface CrosscheckResult {
  namespaceMap: NamespaceMap;
  operations: { paired: number; docsOnly: number; wsdlOnly: number };
  disagreements: Disagreement[];
  /** Per check id (registry order, only those that found something): how many, in how many operations. */
  summary: Array<{ id: string; count: number; operations: number }>;
  /** Paired operations on which the two sides agree in everything checked. */
  agreeing: string[];
}

function listens(c: AnyCrossCheck, ev: DiffEvent): boolean {
  if (c.on !== ev.kind) return false;
  return !('place' in ev) || ev.kind === 'enum-pair' || c.place === ev.place;
}

/**
 * Inside a shared type the walk meets the same disagreement once per direction the type is used
 * in; the pages and the WSDL disagree about the type, not about a direction: one finding, with
 * the operations of both.
 */
function mergeTypeFindings(list: Disagreement[]): Disagreement[] {
  const out: Disagreement[] = [];
  const byKey = new Map<string, number>();
  for (const d of list) {
    if (!d.type) {
      out.push(d);
      continue;
    }
    const path = d.path?.replace(/^(request|response) /, '');
    const key = [d.id, d.type, path, d.docs, d.wsdl].join('\u0000');
    const at = byKey.get(key);
    if (at === undefined) {
      byKey.set(key, out.length);
      out.push({ ...d, path });
    } else {
      const prev = out[at]!;
      out[at] = { ...prev, operations: [...new Set([...(prev.operations ?? []), ...(d.operations ?? [])])].sort() };
    }
  }
  return out;
}

export function crosscheckContracts(docs: readonly Contract[], wsdl: readonly Contract[], opts: { namespaceMap?: ReadonlyMap<string, string> } = {}): CrosscheckResult {
  const found: Array<{ d: Disagreement; typeKey?: string }> = [];
  const onEvent = (ev: DiffEvent, site: EventSite): void => {
    // A namespace or endpoint move between the two sides is not a disagreement the checks name.
    for (const c of CROSS_CHECK_LIST) {
      if (!listens(c, ev)) continue;
      const sides = (c.detect as (e: DiffEvent) => Sides | undefined)(ev);
      if (!sides) continue;
      const path = eventPath(ev);
      const d: Disagreement = site.type
        ? { id: c.id, type: site.type.name, path, ...sides }
        : { id: c.id, operation: site.operation, path, ...sides };
      found.push({ d, typeKey: site.type?.key });
    }
  };
  const { outcome, usersOf } = walkCollect(docs, wsdl, onEvent, opts);
  const disagreements = mergeTypeFindings(found.map(({ d, typeKey }) => (typeKey ? { ...d, operations: usersOf(typeKey) } : d)));

  const summary = CROSS_CHECK_LIST.map((c) => {
    const mine = disagreements.filter((d) => d.id === c.id);
    const ops = new Set(mine.flatMap((d) => d.operations ?? (d.operation ? [d.operation] : [])));
    return { id: c.id, count: mine.length, operations: ops.size };
  }).filter((s) => s.count > 0);

  const touched = new Set(disagreements.flatMap((d) => d.operations ?? (d.operation ? [d.operation] : [])));
  const wsdlKeys = new Set(wsdl.map((c) => `${c.service}/${c.operation}`));
  const agreeing = [...new Set(docs.map((c) => `${c.service}/${c.operation}`))].filter((k) => wsdlKeys.has(k) && !touched.has(k)).sort();
  return {
    namespaceMap: outcome.map,
    operations: { paired: outcome.paired, docsOnly: outcome.removed, wsdlOnly: outcome.added },
    disagreements,
    summary,
    agreeing,
  };
}
