/**
 * The walk over two contract sets. Pairs operations by service and name, finds namespace and
 * endpoint moves, and compares each pair's messages field by field, names seen through the
 * namespace map. It emits events (model.ts) and judges nothing: the checks do.
 *
 * A named complex type is walked once per direction and pair of type names; every further
 * operation that reaches it is only recorded as a user of it (`usedBy`), so that a change in a
 * type shared by forty operations is one change, not forty. The same guard ends recursive types.
 */
import type { Attribute, Contract, Field, TypeDef } from '../contract/model.ts';
import { XSD_NS, clark } from '../xml/qname.ts';
import type { DiffEvent, MessageDirection, MessageScope } from './model.ts';
import { detectNamespaceMap } from './namespaces.ts';
import { mapName, type NamespaceMap } from '../contract/namespace-map.ts';

/** Where an event happened: the operation, and the named type when inside one. */
export interface EventSite {
  readonly operation?: string;
  readonly type?: { readonly key: string; readonly name: string };
}

export interface WalkSink {
  emit(ev: DiffEvent, site: EventSite): void;
  /** `operation` reaches the named type walked under `typeKey`. */
  usedBy(typeKey: string, operation: string): void;
}

export interface WalkOptions {
  /** Namespace moves given by the user; when absent they are detected. */
  namespaceMap?: ReadonlyMap<string, string>;
}

export interface WalkOutcome {
  map: NamespaceMap;
  paired: number;
  added: number;
  removed: number;
}

const opKey = (c: Contract): string => `${c.service}/${c.operation}`;

export function walkDiff(oldOps: readonly Contract[], newOps: readonly Contract[], sink: WalkSink, opts: WalkOptions = {}): WalkOutcome {
  const byKey = (list: readonly Contract[]): Map<string, Contract> => {
    const m = new Map<string, Contract>();
    for (const c of list) if (!m.has(opKey(c))) m.set(opKey(c), c);
    return m;
  };
  const olds = byKey(oldOps);
  const news = byKey(newOps);
  const pairs: Array<readonly [Contract, Contract]> = [];
  for (const [k, o] of olds) {
    const n = news.get(k);
    if (n) pairs.push([o, n]);
  }
  const detected = opts.namespaceMap === undefined;
  const map: NamespaceMap = opts.namespaceMap ?? detectNamespaceMap(pairs);

  for (const [from, to] of map) {
    const operations = pairs.filter(([o]) => o.request.body.name.ns === from).length;
    sink.emit({ kind: 'namespace-moved', from, to, detected, operations }, {});
  }
  const moves = endpointMoves(pairs);
  for (const [service, m] of moves) sink.emit({ kind: 'endpoint-moved', service, ...m }, {});

  for (const k of [...olds.keys()].sort()) {
    if (!news.has(k)) sink.emit({ kind: 'operation-removed', op: ref(olds.get(k)!) }, { operation: k });
  }
  for (const k of [...news.keys()].sort()) {
    if (!olds.has(k)) sink.emit({ kind: 'operation-added', op: ref(news.get(k)!) }, { operation: k });
  }
  const walked = new Set<string>();
  for (const [o, n] of [...pairs].sort((a, b) => (opKey(a[0]) < opKey(b[0]) ? -1 : 1))) {
    const operation = opKey(o);
    const move = moves.get(o.service);
    sink.emit({ kind: 'operation-pair', old: o, new: n, map, endpointMove: move && { from: move.from, to: move.to } }, { operation });
    for (const direction of ['request', 'response'] as const) {
      new MessageWalk({ direction, old: o, new: n, map }, operation, sink, walked).run();
    }
  }
  return { map, paired: pairs.length, added: [...news.keys()].filter((k) => !olds.has(k)).length, removed: [...olds.keys()].filter((k) => !news.has(k)).length };
}

/**
 * Walk and hand each event to `onEvent`; returns the outcome and, per walked named type, the
 * operations that reach it (sorted), for changes found inside shared types.
 */
export function walkCollect(
  oldOps: readonly Contract[],
  newOps: readonly Contract[],
  onEvent: (ev: DiffEvent, site: EventSite) => void,
  opts: WalkOptions = {},
): { outcome: WalkOutcome; usersOf: (typeKey: string) => string[] } {
  const users = new Map<string, Set<string>>();
  const outcome = walkDiff(oldOps, newOps, {
    emit: onEvent,
    usedBy(typeKey, operation) {
      let s = users.get(typeKey);
      if (!s) users.set(typeKey, (s = new Set()));
      s.add(operation);
    },
  }, opts);
  return { outcome, usersOf: (k) => [...(users.get(k) ?? [])].sort() };
}

function ref(c: Contract) {
  return { service: c.service, operation: c.operation, contract: c };
}

/** Per service, the endpoint change most of its paired operations share (more than half). */
function endpointMoves(pairs: ReadonlyArray<readonly [Contract, Contract]>): Map<string, { from: string; to: string; operations: number }> {
  const byService = new Map<string, Array<readonly [Contract, Contract]>>();
  for (const p of pairs) byService.set(p[0].service, [...(byService.get(p[0].service) ?? []), p]);
  const out = new Map<string, { from: string; to: string; operations: number }>();
  for (const [service, ps] of byService) {
    const counts = new Map<string, number>();
    for (const [o, n] of ps) if (o.endpoint !== n.endpoint) counts.set(`${o.endpoint}\u0000${n.endpoint}`, (counts.get(`${o.endpoint}\u0000${n.endpoint}`) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1])[0];
    if (best && best[1] * 2 > ps.length) {
      const [from, to] = best[0].split('\u0000') as [string, string];
      out.set(service, { from, to, operations: best[1] });
    }
  }
  return out;
}

class MessageWalk {
  constructor(
    private readonly scope: MessageScope,
    private readonly operation: string,
    private readonly sink: WalkSink,
    private readonly walked: Set<string>,
  ) {}

  run(): void {
    const { direction } = this.scope;
    const o = this.scope.old[direction];
    const n = this.scope.new[direction];
    const site: EventSite = { operation: this.operation };
    this.fields(o.headers, n.headers, '/Header', 'header', site);
    const path = `/${n.body.name.local}`;
    if (clark(mapName(this.scope.map, o.body.name)) !== clark(n.body.name)) {
      this.sink.emit({ kind: 'body-pair', ...this.scope, oldBody: o.body, newBody: n.body, path }, site);
    }
    this.content(o.body, n.body, path, site);
  }

  private mapped(f: Field): string {
    return clark(mapName(this.scope.map, f.name));
  }

  private mappedType(f: Field): string | undefined {
    return f.type && clark(mapName(this.scope.map, f.type));
  }

  /** Compare two sibling lists: match by (mapped) name, then look for renames and reorders. */
  private fields(olds: readonly Field[], news: readonly Field[], path: string, place: 'header' | 'field', site: EventSite): void {
    const base = { ...this.scope, place };
    const newIndex = new Map<string, number[]>();
    news.forEach((f, i) => newIndex.set(clark(f.name), [...(newIndex.get(clark(f.name)) ?? []), i]));
    const matchedNew = new Set<number>();
    const pairs: Array<[number, number]> = [];
    const removed: number[] = [];
    olds.forEach((f, i) => {
      const j = newIndex.get(this.mapped(f))?.find((x) => !matchedNew.has(x));
      if (j === undefined) removed.push(i);
      else {
        matchedNew.add(j);
        pairs.push([i, j]);
      }
    });
    const added = news.map((_, j) => j).filter((j) => !matchedNew.has(j));
    // A field removed where a field of the same type is added, at the same position: renamed.
    for (const i of [...removed]) {
      const j = added.find((x) => x === i && this.sameTypeShape(olds[i]!, news[x]!));
      if (j === undefined) continue;
      removed.splice(removed.indexOf(i), 1);
      added.splice(added.indexOf(j), 1);
      this.sink.emit({ kind: 'field-renamed', ...base, path: `${path}/${news[j]!.name.local}`, oldField: olds[i]!, newField: news[j]! }, site);
    }
    for (const i of removed) this.sink.emit({ kind: 'field-removed', ...base, path: `${path}/${olds[i]!.name.local}`, field: olds[i]!, index: i }, site);
    for (const j of added) this.sink.emit({ kind: 'field-added', ...base, path: `${path}/${news[j]!.name.local}`, field: news[j]!, index: j }, site);
    const order = pairs.map(([, j]) => j);
    if (order.some((j, k) => k > 0 && j < order[k - 1]!)) {
      this.sink.emit({
        kind: 'fields-reordered', ...base, path,
        oldOrder: pairs.map(([i]) => olds[i]!.name.local),
        newOrder: [...order].sort((a, b) => a - b).map((j) => news[j]!.name.local),
      }, site);
    }
    for (const [i, j] of pairs) {
      const of = olds[i]!;
      const nf = news[j]!;
      const p = place === 'header' ? `/Header/${nf.name.local}` : `${path}/${nf.name.local}`;
      this.sink.emit({ kind: 'field-pair', ...base, path: p, oldField: of, newField: nf, oldTypes: this.scope.old.types, newTypes: this.scope.new.types }, site);
      this.content(of, nf, p, site);
    }
  }

  /** Attributes matched by (mapped) name: the ones only one side has. */
  private attributes(olds: readonly Attribute[], news: readonly Attribute[], path: string, site: EventSite): void {
    const base = { ...this.scope, place: 'field' as const };
    const oldNames = new Set(olds.map((a) => clark(mapName(this.scope.map, a.name))));
    const newNames = new Set(news.map((a) => clark(a.name)));
    for (const a of olds) if (!newNames.has(clark(mapName(this.scope.map, a.name)))) this.sink.emit({ kind: 'attribute-removed', ...base, path: `${path}/@${a.name.local}`, attribute: a }, site);
    for (const a of news) if (!oldNames.has(clark(a.name))) this.sink.emit({ kind: 'attribute-added', ...base, path: `${path}/@${a.name.local}`, attribute: a }, site);
  }

  private sameTypeShape(a: Field, b: Field): boolean {
    if (a.fields || b.fields) return false;
    return this.mappedType(a) === (b.type && clark(b.type));
  }

  /** Compare what two paired elements contain: inline fields, or the named types they share. */
  private content(of: Field, nf: Field, path: string, site: EventSite): void {
    if (of.fields && nf.fields) {
      this.attributes(of.attributes ?? [], nf.attributes ?? [], path, site);
      this.fields(of.fields, nf.fields, path, 'field', site);
      return;
    }
    if (!of.type || !nf.type || this.mappedType(of) !== clark(nf.type) || nf.type.ns === XSD_NS) return;
    const ot = this.scope.old.types.get(clark(of.type));
    const nt = this.scope.new.types.get(clark(nf.type));
    if (!ot || !nt || ot.kind !== nt.kind) return;
    const key = `${this.scope.direction}|${clark(ot.name)}|${clark(nt.name)}`;
    this.sink.usedBy(key, this.operation);
    if (this.walked.has(key)) return;
    this.walked.add(key);
    const typeSite: EventSite = { operation: this.operation, type: { key, name: nt.written } };
    this.typeContent(ot, nt, typeSite);
  }

  private typeContent(ot: TypeDef, nt: TypeDef, site: EventSite): void {
    const path = nt.name.local;
    if (ot.kind === 'complex' && nt.kind === 'complex') {
      this.sink.emit({ kind: 'complex-type-pair', ...this.scope, place: 'field', path, oldType: ot, newType: nt }, site);
      this.attributes(ot.attributes, nt.attributes, path, site);
      this.fields(ot.fields, nt.fields, path, 'field', site);
    } else if (ot.kind === 'simple' && nt.kind === 'simple') {
      this.sink.emit({ kind: 'enum-pair', ...this.scope, place: 'field', path, oldType: ot, newType: nt }, site);
    }
  }
}

export type { MessageDirection };
