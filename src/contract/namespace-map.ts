/**
 * Namespace maps. A version-per-namespace API (SuperOffice: `…/Services86` → `…/Services88`) changes
 * every namespace URI on every release. A map from old URIs to new ones lets `soapcheck diff` compare
 * old names with new ones, and lets `soapcheck run` replay an old version's contracts against a newer
 * endpoint: `mapContracts` gives the old contracts with every name, type, action, expectation prefix
 * and endpoint path moved into the new namespaces, so that building, sending and checking work on
 * them unchanged.
 */
import type { Attribute, Contract, Expectation, Field, Group, Particle, TypeDef, TypeRegistry, Wildcard } from './model.ts';
import { isGroup, isWildcard } from './particles.ts';
import type { ExpandedName } from '../xml/qname.ts';

/** Old namespace URI → new namespace URI. */
export type NamespaceMap = ReadonlyMap<string, string>;

export class NamespaceMapError extends Error {}

/** Parse `old=new` options (`--namespace-map`). */
export function parseNamespaceMap(opts: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const opt of opts) {
    const i = opt.indexOf('=');
    const from = i > 0 ? opt.slice(0, i).trim() : '';
    const to = i > 0 ? opt.slice(i + 1).trim() : '';
    if (!from || !to) throw new NamespaceMapError(`--namespace-map ${JSON.stringify(opt)}: expected old-uri=new-uri`);
    addMapping(out, from, to, '--namespace-map');
  }
  return out;
}

/** Add one `from → to` to a map, refusing a URI mapped to two different ones or to itself. */
export function addMapping(map: Map<string, string>, from: string, to: string, where: string): void {
  if (from === to) throw new NamespaceMapError(`${where}: ${from} is mapped to itself`);
  if (map.has(from) && map.get(from) !== to) throw new NamespaceMapError(`${where}: ${from} is mapped twice (${map.get(from)}, ${to})`);
  map.set(from, to);
}

/** The name an old-contract name has in the new contract's namespaces. */
export function mapName(map: NamespaceMap, n: ExpandedName): ExpandedName {
  const to = map.get(n.ns);
  return to === undefined ? n : { ns: to, local: n.local };
}

/** An old action URI moved with its namespace: the longest mapped namespace that prefixes it is replaced. */
export function mapAction(map: NamespaceMap, action: string): string {
  let best = '';
  for (const from of map.keys()) if (action.startsWith(from) && from.length > best.length) best = from;
  return best ? map.get(best)! + action.slice(best.length) : action;
}

/**
 * The path segments a map renames: where an old URI and its new one have the same number of `/`
 * segments, each segment that differs (`Services86` → `Services88`). A segment two maps rename
 * differently is left alone.
 */
export function segmentMoves(map: NamespaceMap): Map<string, string> {
  const moves = new Map<string, string>();
  const conflicting = new Set<string>();
  for (const [from, to] of map) {
    const a = from.split('/');
    const b = to.split('/');
    if (a.length !== b.length) continue;
    a.forEach((seg, i) => {
      const other = b[i]!;
      if (seg === other || seg === '' || other === '') return;
      if (moves.has(seg) && moves.get(seg) !== other) conflicting.add(seg);
      moves.set(seg, other);
    });
  }
  for (const s of conflicting) moves.delete(s);
  return moves;
}

/** An endpoint path (`Remote/Services86/User.svc`) with the segments the map renames replaced (`Remote/Services88/User.svc`). */
export function mapEndpointPath(map: NamespaceMap, path: string): string {
  const moves = segmentMoves(map);
  if (moves.size === 0) return path;
  return path
    .split('/')
    .map((s) => moves.get(s) ?? s)
    .join('/');
}

/** Every namespace URI a contract names: its prefix declarations, its messages, faults and named types. */
export function namespacesOf(c: Contract): Set<string> {
  const out = new Set<string>(Object.values(c.namespaces));
  const visit = (fields: readonly Field[] | undefined): void => {
    for (const f of fields ?? []) {
      out.add(f.name.ns);
      if (f.type) out.add(f.type.ns);
      visit(f.fields);
    }
  };
  for (const m of [c.request, c.response]) visit([...m.headers, m.body]);
  for (const f of c.faults) out.add(f.name.ns);
  for (const t of c.types.values()) out.add(t.name.ns);
  out.delete('');
  return out;
}

/** What a replayed contract was moved to: the mappings it used, its new action and endpoint path. */
export interface Replay {
  /** Old URI → new URI, only those the contract names. */
  namespaces: Record<string, string>;
  action: string;
  endpoint: string;
}

/**
 * The contracts moved into the new namespaces (names, types, faults, expectations' prefixes, the
 * action, the endpoint path), each with what it was moved to. The old version's `.xsd` files
 * describe the old namespaces, so a moved contract lists none (schema/xsd does not run on it).
 * Contracts sharing a types registry share its moved copy.
 */
export function mapContracts(contracts: readonly Contract[], map: NamespaceMap): Array<{ contract: Contract; replay: Replay }> {
  const m = new Mover(map);
  return contracts.map((c) => {
    const moved = m.contract(c);
    const used = namespacesOf(c);
    const namespaces = Object.fromEntries([...map].filter(([from]) => used.has(from)).sort((a, b) => (a[0] < b[0] ? -1 : 1)));
    return { contract: moved, replay: { namespaces, action: moved.action, endpoint: moved.endpoint } };
  });
}

class Mover {
  readonly #fields = new WeakMap<Field, Field>();
  readonly #registries = new WeakMap<TypeRegistry, TypeRegistry>();
  constructor(readonly map: NamespaceMap) {}

  name(n: ExpandedName): ExpandedName {
    return mapName(this.map, n);
  }

  #opt(n: ExpandedName | undefined): { type?: ExpandedName } {
    return n ? { type: this.name(n) } : {};
  }

  #uri(u: string): string {
    return this.map.get(u) ?? u;
  }

  contract(c: Contract): Contract {
    return {
      ...c,
      endpoint: mapEndpointPath(this.map, c.endpoint),
      action: mapAction(this.map, c.action),
      namespaces: Object.freeze(Object.fromEntries(Object.entries(c.namespaces).map(([p, u]) => [p, this.#uri(u)]))),
      request: { headers: c.request.headers.map((f) => this.field(f)), body: this.field(c.request.body) },
      response: { headers: c.response.headers.map((f) => this.field(f)), body: this.field(c.response.body) },
      faults: c.faults.map((f) => ({ ...f, name: this.name(f.name), ...this.#opt(f.type) })),
      schemas: [],
      expectations: c.expectations.map((e) => this.expectation(e)),
      types: this.registry(c.types),
      ...(c.source ? { source: { ...c.source, quirks: c.source.quirks.map((q) => ({ ...q, elements: q.elements.map((n) => this.name(n)) })) } } : {}),
    };
  }

  field(f: Field): Field {
    const hit = this.#fields.get(f);
    if (hit) return hit;
    const out: Field = { ...f, name: this.name(f.name), ...this.#opt(f.type) };
    if (f.fields) out.fields = f.fields.map((x) => this.field(x));
    if (f.content) out.content = this.group(f.content);
    if (f.attributes) out.attributes = f.attributes.map((a) => this.attribute(a));
    this.#fields.set(f, out);
    return out;
  }

  group(g: Group): Group {
    return { ...g, particles: g.particles.map((p) => this.particle(p)) };
  }

  particle(p: Particle): Particle {
    if (isGroup(p)) return this.group(p);
    if (isWildcard(p)) return this.wildcard(p);
    return this.field(p);
  }

  wildcard(w: Wildcard): Wildcard {
    const namespace = w.namespace.startsWith('##') ? w.namespace : w.namespace.split(/\s+/).map((u) => this.#uri(u)).join(' ');
    return { ...w, namespace, targetNamespace: this.#uri(w.targetNamespace) };
  }

  attribute(a: Attribute): Attribute {
    return { ...a, name: this.name(a.name), ...this.#opt(a.type) };
  }

  expectation(e: Expectation): Expectation {
    return { ...e, namespaces: Object.freeze(Object.fromEntries(Object.entries(e.namespaces).map(([p, u]) => [p, this.#uri(u)]))) };
  }

  clark(key: string): string {
    const m = /^\{([^}]*)\}(.*)$/.exec(key);
    return m ? `{${this.#uri(m[1]!)}}${m[2]}` : key;
  }

  registry(r: TypeRegistry): TypeRegistry {
    const hit = this.#registries.get(r);
    if (hit) return hit;
    const out = new Map<string, TypeDef>();
    for (const [key, t] of r) out.set(this.clark(key), this.type(t));
    this.#registries.set(r, out);
    return out;
  }

  type(t: TypeDef): TypeDef {
    const derived = new Set([...t.derived].map((k) => this.clark(k)));
    if (t.kind === 'simple') {
      return {
        ...t,
        name: this.name(t.name),
        derived,
        ...(t.base ? { base: this.name(t.base) } : {}),
        ...(t.restricts ? { restricts: this.name(t.restricts) } : {}),
        ...(t.itemType ? { itemType: this.name(t.itemType) } : {}),
      };
    }
    return {
      ...t,
      name: this.name(t.name),
      derived,
      fields: t.fields.map((f) => this.field(f)),
      content: this.group(t.content),
      own: this.group(t.own),
      attributes: t.attributes.map((a) => this.attribute(a)),
      ...(t.base ? { base: this.name(t.base) } : {}),
      ...(t.simpleContent ? { simpleContent: this.name(t.simpleContent) } : {}),
    };
  }
}
