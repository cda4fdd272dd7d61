/**
 * XPath-like locations for findings by local names (`/Envelope/Body/GetUserResponse/Response[2]`:
 * an index only among siblings of the same namespace and local name), each parent's sibling
 * positions computed once per message: scanning all siblings on every call would be quadratic when a
 * hostile message has many findings among many siblings.
 */
import type { XElement } from '../xml/tree.ts';

export class PathCache {
  private readonly labels = new WeakMap<XElement, Map<XElement, string>>();

  pathOf(el: XElement): string {
    const parts: string[] = [];
    for (let cur: XElement | null = el; cur; cur = cur.parent) parts.push(this.label(cur));
    return '/' + parts.reverse().join('/');
  }

  private label(el: XElement): string {
    const p = el.parent;
    if (!p) return el.local;
    let m = this.labels.get(p);
    if (!m) {
      m = siblingLabels(p);
      this.labels.set(p, m);
    }
    return m.get(el) ?? el.local;
  }
}

function siblingLabels(parent: XElement): Map<XElement, string> {
  const total = new Map<string, number>();
  for (const c of parent.children) {
    if (c.kind !== 'element') continue;
    const k = `${c.ns} ${c.local}`;
    total.set(k, (total.get(k) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  const out = new Map<XElement, string>();
  for (const c of parent.children) {
    if (c.kind !== 'element') continue;
    const k = `${c.ns} ${c.local}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    out.set(c, total.get(k)! > 1 ? `${c.local}[${n}]` : c.local);
  }
  return out;
}
