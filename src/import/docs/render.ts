/**
 * Resolved fields and types → the YAML-level documents (`FieldDoc`, `ContractDoc`, `TypesDoc`),
 * writing every QName with a prefix from a `PrefixMap` and recording which prefixes were used,
 * so that `namespaces` lists exactly the ones a file needs. Key order is fixed here.
 */
import type { AttributeDoc, FieldDoc, ParticleDoc, TypeDefDoc, TypesDoc } from '../../contract/model.ts';
import { FORMAT_VERSION } from '../../contract/model.ts';
import { clark, resolveQName, type ExpandedName } from '../../xml/index.ts';
import type { IField } from './infer.ts';
import type { MergedType } from './types.ts';

/** URI → prefix for writing QNames; remembers the prefixes it handed out. */
export class PrefixMap {
  private byUri = new Map<string, string>();
  private taken = new Set<string>();
  private used = new Set<string>();

  /** Bindings in priority order: the first prefix given for a URI is the one used. '' is skipped. */
  constructor(bindings: Iterable<[prefix: string, uri: string]>) {
    for (const [p, uri] of bindings) {
      if (!p || !uri || this.byUri.has(uri) || this.taken.has(p)) continue;
      this.byUri.set(uri, p);
      this.taken.add(p);
    }
  }

  /** `prefix:local`; a URI with no prefix gets a new one (`ns1`, `ns2`, …). A name in no namespace stays unprefixed. */
  qname(n: ExpandedName): string {
    if (!n.ns) return n.local;
    let p = this.byUri.get(n.ns);
    if (!p) {
      let i = 1;
      while (this.taken.has(`ns${i}`)) i++;
      p = `ns${i}`;
      this.byUri.set(n.ns, p);
      this.taken.add(p);
    }
    this.used.add(n.ns);
    return `${p}:${n.local}`;
  }

  /** prefix → URI of every prefix used so far, sorted by prefix. */
  usedNamespaces(): Record<string, string> {
    const pairs = [...this.used].map((uri) => [this.byUri.get(uri)!, uri] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    return Object.fromEntries(pairs);
  }
}

export function renderField(f: IField, pm: PrefixMap): FieldDoc {
  const d: FieldDoc = { name: pm.qname(f.name) };
  if (f.type) d.type = pm.qname(f.type);
  if (f.fields) d.fields = f.fields.map((c) => renderField(c, pm));
  if (f.minOccurs !== 1) d.minOccurs = f.minOccurs;
  if (f.maxOccurs !== 1) d.maxOccurs = f.maxOccurs === Infinity ? 'unbounded' : f.maxOccurs;
  if (f.nillable) d.nillable = true;
  if (f.example !== undefined && !f.secret) d.example = f.example;
  if (f.description) d.description = f.description;
  if (f.secret) d.secret = true;
  return d;
}

export function renderTypeDef(t: MergedType, pm: PrefixMap): TypeDefDoc {
  if (t.kind === 'complex') return { fields: (t.fields ?? []).map((f) => renderField(f, pm)) };
  if (t.kind === 'enum') {
    const values = t.enum ?? [];
    const list = values.some((v) => /\s/.test(v.trim()));
    const tokens = list ? [...new Set(values.flatMap((v) => v.trim().split(/\s+/)))].sort() : values;
    return { enum: tokens, enumComplete: false, ...(list ? { list: true } : {}) };
  }
  return t.base ? { base: pm.qname(t.base) } : {};
}

/** A type definition kept from an existing types file, with the namespaces it was written with. */
export interface CarriedType {
  name: ExpandedName;
  def: TypeDefDoc;
  namespaces: Readonly<Record<string, string>>;
}

/** `p:local` as written in a contract file (unprefixed = no namespace); null when the prefix is unknown. */
export function expandWritten(q: string, namespaces: Readonly<Record<string, string>>): ExpandedName | null {
  return resolveQName(q, namespaces, false);
}

/** Rewrite the QNames of a field-list entry written with other prefixes (unknown prefixes are left as written). */
function reprefixParticle(p: ParticleDoc, q: (s: string) => string): ParticleDoc {
  if ('choice' in p) return { ...p, choice: p.choice.map((c) => reprefixParticle(c, q)) };
  if ('sequence' in p) return { ...p, sequence: p.sequence.map((c) => reprefixParticle(c, q)) };
  if ('any' in p) return { ...p };
  const out: FieldDoc = { ...p, name: q(p.name) };
  if (p.type) out.type = q(p.type);
  if (p.fields) out.fields = p.fields.map((c) => reprefixParticle(c, q));
  if (p.attributes) out.attributes = p.attributes.map((a) => reprefixAttribute(a, q));
  return out;
}

function reprefixAttribute(a: AttributeDoc, q: (s: string) => string): AttributeDoc {
  const out: AttributeDoc = { ...a, name: q(a.name) };
  if (a.type) out.type = q(a.type);
  return out;
}

function reprefixTypeDef(d: TypeDefDoc, ns: Readonly<Record<string, string>>, pm: PrefixMap): TypeDefDoc {
  const q = (s: string) => {
    const n = expandWritten(s, ns);
    return n ? pm.qname(n) : s;
  };
  const out: TypeDefDoc = { ...d };
  if (d.fields) out.fields = d.fields.map((f) => reprefixParticle(f, q));
  if (d.attributes) out.attributes = d.attributes.map((a) => reprefixAttribute(a, q));
  for (const k of ['base', 'extends', 'restricts', 'simpleContent', 'itemType'] as const) {
    const v = d[k];
    if (v !== undefined) out[k] = q(v);
  }
  return out;
}

export function renderTypesDoc(version: string, types: readonly MergedType[], pm: PrefixMap, carried: readonly CarriedType[] = []): TypesDoc {
  const entries: Array<[string, string, TypeDefDoc]> = types.map((t) => [clark(t.name), pm.qname(t.name), renderTypeDef(t, pm)]);
  for (const c of carried) entries.push([clark(c.name), pm.qname(c.name), reprefixTypeDef(c.def, c.namespaces, pm)]);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const out: Record<string, TypeDefDoc> = {};
  for (const [, q, d] of entries) out[q] = d;
  return { soapcheck: FORMAT_VERSION, kind: 'types', version, namespaces: pm.usedNamespaces(), types: out };
}
