/**
 * Namespace moves. A version-per-namespace API (SuperOffice: `…/Services86` → `…/Services88`)
 * changes every namespace URI on every release; compared name by name, every field would come
 * out as "removed" and "added". The diff finds the move once and compares old names through it
 * (the map itself, its parsing and mapping are src/contract/namespace-map.ts, shared with `run`).
 */
import type { Contract } from '../contract/model.ts';

/**
 * Detect moves from operations paired by service and name: the namespaces of their body elements
 * and header blocks, and of the named types that keep their local name. An old namespace moves to
 * the new one that most of its pairs agree on, when that is more than half of them.
 */
export function detectNamespaceMap(pairs: ReadonlyArray<readonly [Contract, Contract]>): Map<string, string> {
  const votes = new Map<string, Map<string, number>>();
  const vote = (from: string, to: string): void => {
    let m = votes.get(from);
    if (!m) votes.set(from, (m = new Map()));
    m.set(to, (m.get(to) ?? 0) + 1);
  };
  const seenTypeRegistries = new Set<unknown>();
  for (const [o, n] of pairs) {
    for (const dir of ['request', 'response'] as const) {
      const ob = o[dir].body.name;
      const nb = n[dir].body.name;
      if (ob.local === nb.local) vote(ob.ns, nb.ns);
      for (const oh of o[dir].headers) {
        const nh = n[dir].headers.find((h) => h.name.local === oh.name.local);
        if (nh) vote(oh.name.ns, nh.name.ns);
      }
    }
    const key = `${o.typesFile ?? ''}\u0000${n.typesFile ?? ''}`;
    if (seenTypeRegistries.has(key)) continue;
    seenTypeRegistries.add(key);
    const newByLocal = new Map<string, string[]>();
    for (const t of n.types.values()) newByLocal.set(t.name.local, [...(newByLocal.get(t.name.local) ?? []), t.name.ns]);
    for (const t of o.types.values()) {
      const cands = newByLocal.get(t.name.local);
      if (cands?.length === 1) vote(t.name.ns, cands[0]!);
    }
  }
  const map = new Map<string, string>();
  for (const [from, tos] of votes) {
    const total = [...tos.values()].reduce((a, b) => a + b, 0);
    const [to, count] = [...tos].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    if (to !== from && count * 2 > total) map.set(from, to);
  }
  return map;
}
