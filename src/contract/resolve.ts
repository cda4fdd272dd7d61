/**
 * Resolution: a schema-valid ContractDoc / TypesDoc becomes a Contract / TypeRegistry with
 * every QName resolved through its file's `namespaces` to a namespace URI and local name.
 *
 * - Field names: `prefix:local`, or unprefixed = in no namespace.
 * - Type references: `xsd:*` built-ins need no definition; anything else must be defined in the
 *   types file of the contract (else `unresolved-type`).
 * - An undeclared prefix is an `undeclared-prefix` problem at the QName's position.
 */
import { dirname, join } from 'node:path';
import { clark, resolveQName, sameName, splitQName, XSD_NS, type ExpandedName } from '../xml/qname.ts';
import { ENVELOPE_NS_MARK, xpathSyntaxProblem } from '../xml/xpath.ts';
import type {
  AnyAttribute,
  AnyAttributeDoc,
  Attribute,
  AttributeDoc,
  ComplexTypeDef,
  ContentKind,
  Expectation,
  ExpectationDoc,
  Fault,
  Group,
  Particle,
  ParticleDoc,
  TypeDefDoc,
  Wildcard,
  Contract,
  ContractDoc,
  ContractProblem,
  Field,
  FieldDoc,
  MessageDoc,
  SimpleTypeDef,
  TypeDef,
  TypeRegistry,
  TypesDoc,
} from './model.ts';
import { groupFields, singleGroup } from './particles.ts';
import { isXsdBuiltin } from './xsd-builtins.ts';
import { toPointer, type Position } from './yaml-source.ts';

/** Maps a JSON pointer to where it is written; absent for in-memory documents. */
export type Locator = (pointer: string) => Position | undefined;

const noPosition: Locator = () => undefined;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

class Resolver {
  readonly problems: ContractProblem[] = [];
  constructor(
    readonly file: string,
    readonly namespaces: Readonly<Record<string, string>>,
    readonly locate: Locator,
  ) {}

  /** The XML-reserved bindings: `xmlns` is never declared; the `xml` prefix and its URI belong to each other only. */
  reservedNamespaces(): void {
    for (const [prefix, uri] of Object.entries(this.namespaces)) {
      const pointer = `/namespaces/${escapeSeg(prefix)}`;
      if (prefix === 'xmlns' || uri === XMLNS_NS) {
        this.problem(pointer, 'reserved-namespace', `\`${prefix}: ${uri}\` cannot be declared: the prefix \`xmlns\` and its namespace ${XMLNS_NS} are reserved by XML for namespace declarations`);
      } else if ((prefix === 'xml') !== (uri === XML_NS)) {
        this.problem(pointer, 'reserved-namespace', `\`${prefix}: ${uri}\` cannot be declared: XML binds the prefix \`xml\` to ${XML_NS} and that namespace to no other prefix`);
      }
    }
  }

  problem(pointer: string, code: string, message: string): void {
    this.problems.push({ file: this.file, ...this.locate(pointer), pointer, code, message });
  }

  /** Resolve a QName; unprefixed → no namespace. Reports an undeclared prefix. */
  qname(written: string, pointer: string, what: string): ExpandedName | undefined {
    const name = resolveQName(written, this.namespaces, false);
    if (!name) {
      this.problem(pointer, 'undeclared-prefix', `${what} \`${written}\` uses the prefix \`${splitQName(written).prefix}\`, which is not declared in \`namespaces\``);
      return undefined;
    }
    return name;
  }

  /** Resolve a type reference and check that it is a built-in or defined in `registry`. */
  typeRef(written: string, pointer: string, registry: TypeRegistry, typesFile: string | undefined): ExpandedName | undefined {
    const name = this.qname(written, pointer, 'type');
    if (!name) return undefined;
    if (name.ns === XSD_NS) {
      if (!isXsdBuiltin(name)) this.problem(pointer, 'unresolved-type', `type \`${written}\` is in the XML Schema namespace but is not an XSD built-in type`);
      return name;
    }
    if (!registry.has(clark(name))) {
      const where = typesFile ? `in the types file ${typesFile}` : 'because this contract has no types file (add `types.yaml` beside it or set `types:`)';
      this.problem(pointer, 'unresolved-type', `type \`${written}\` (${clark(name)}) is not defined ${where}`);
    }
    return name;
  }

  /** Resolve a field list (fields, groups, wildcards) into a group of the given kind. */
  group(kind: ContentKind | undefined, docs: readonly ParticleDoc[] | undefined, pointer: string, ctx: Ctx): Group {
    return singleGroup(kind ?? 'sequence', (docs ?? []).map((p, i) => this.particle(p, `${pointer}/${i}`, ctx)));
  }

  particle(doc: ParticleDoc, pointer: string, ctx: Ctx): Particle {
    if ('choice' in doc || 'sequence' in doc) {
      const kind = 'choice' in doc ? 'choice' : 'sequence';
      const entries = 'choice' in doc ? doc.choice : doc.sequence;
      const g = this.group(kind, entries, `${pointer}/${kind}`, ctx);
      g.minOccurs = doc.minOccurs ?? 1;
      g.maxOccurs = doc.maxOccurs === 'unbounded' ? Infinity : doc.maxOccurs ?? 1;
      this.occurs(g.minOccurs, g.maxOccurs, pointer, `a \`${kind}\` group`);
      return g;
    }
    if ('any' in doc) {
      const w: Wildcard = {
        any: true,
        namespace: doc.namespace ?? '##any',
        targetNamespace: ctx.targetNamespace,
        processContents: doc.processContents ?? 'lax',
        minOccurs: doc.minOccurs ?? 1,
        maxOccurs: doc.maxOccurs === 'unbounded' ? Infinity : doc.maxOccurs ?? 1,
      };
      this.occurs(w.minOccurs, w.maxOccurs, pointer, 'a wildcard (`any`)');
      return w;
    }
    return this.field(doc, pointer, ctx);
  }

  occurs(min: number, max: number, pointer: string, what: string): void {
    if (min > max) this.problem(`${pointer}/minOccurs`, 'occurs', `${what} has minOccurs ${min} greater than maxOccurs ${max}`);
  }

  fields(docs: readonly FieldDoc[] | undefined, pointer: string, ctx: Ctx): Field[] {
    return (docs ?? []).map((f, i) => this.field(f, `${pointer}/${i}`, ctx));
  }

  field(doc: FieldDoc, pointer: string, ctx: Ctx): Field {
    const name = this.qname(doc.name, `${pointer}/name`, 'element name') ?? { ns: '', local: splitQName(doc.name).local };
    const field: Field = {
      name,
      written: doc.name,
      minOccurs: doc.minOccurs ?? 1,
      maxOccurs: doc.maxOccurs === 'unbounded' ? Infinity : doc.maxOccurs ?? 1,
      nillable: doc.nillable ?? false,
      secret: doc.secret ?? false,
    };
    if (doc.type !== undefined) {
      const t = this.typeRef(doc.type, `${pointer}/type`, ctx.registry, ctx.typesFile);
      if (t) field.type = t;
    }
    const inline = doc.fields !== undefined || doc.content !== undefined || doc.attributes !== undefined || doc.anyAttribute !== undefined;
    if (inline) {
      if (doc.type !== undefined) this.problem(`${pointer}/${doc.fields !== undefined ? 'fields' : doc.content !== undefined ? 'content' : doc.attributes !== undefined ? 'attributes' : 'anyAttribute'}`, 'type-and-fields', `field \`${doc.name}\` has both \`type\` and inline content (\`fields\`, \`content\`, \`attributes\`); give one or the other`);
      const inner = { ...ctx, targetNamespace: name.ns };
      field.content = this.group(doc.content, doc.fields, `${pointer}/fields`, inner);
      field.fields = groupFields(field.content);
      if (doc.attributes !== undefined) field.attributes = this.attributes(doc.attributes, `${pointer}/attributes`, ctx);
      if (doc.anyAttribute !== undefined) field.anyAttribute = anyAttribute(doc.anyAttribute);
    }
    this.occurs(field.minOccurs, field.maxOccurs, pointer, `field \`${doc.name}\``);
    if (doc.example !== undefined) field.example = String(doc.example);
    if (doc.description !== undefined) field.description = doc.description;
    return field;
  }

  attributes(docs: readonly AttributeDoc[], pointer: string, ctx: Ctx): Attribute[] {
    return docs.map((d, i) => {
      const at = `${pointer}/${i}`;
      const name = this.qname(d.name, `${at}/name`, 'attribute name') ?? { ns: '', local: splitQName(d.name).local };
      const a: Attribute = { name, written: d.name, use: d.use ?? 'optional' };
      if (d.type !== undefined) {
        const t = this.typeRef(d.type, `${at}/type`, ctx.registry, ctx.typesFile);
        if (t && ctx.registry.get(clark(t))?.kind === 'complex') {
          this.problem(`${at}/type`, 'type-kind', `attribute \`${d.name}\` has the complex type \`${d.type}\`; an attribute needs a simple type`);
        } else if (t) a.type = t;
      }
      if (d.fixed !== undefined) a.fixed = String(d.fixed);
      if (d.default !== undefined) a.default = String(d.default);
      if (d.description !== undefined) a.description = d.description;
      return a;
    });
  }

  /** Resolve a type reference that must name a simple type (built-in or named simple). */
  simpleRef(written: string, pointer: string, ctx: Ctx, what: string): ExpandedName | undefined {
    const t = this.typeRef(written, pointer, ctx.registry, ctx.typesFile);
    if (t && ctx.registry.get(clark(t))?.kind === 'complex') {
      this.problem(pointer, 'type-kind', `${what} \`${written}\` is a complex type; it must be a simple type`);
      return undefined;
    }
    return t;
  }

  /** Resolve a type reference that must name a complex type of the types file. */
  complexRef(written: string, pointer: string, ctx: Ctx, what: string): ExpandedName | undefined {
    const t = this.typeRef(written, pointer, ctx.registry, ctx.typesFile);
    if (!t) return undefined;
    if (t.ns === XSD_NS && t.local === 'anyType') return t;
    const def = ctx.registry.get(clark(t));
    if (def?.kind !== 'complex') {
      // An undefined name was reported by typeRef already.
      if (def || (t.ns === XSD_NS && isXsdBuiltin(t))) this.problem(pointer, 'type-kind', `${what} \`${written}\` is not a complex type of the types file`);
      return undefined;
    }
    return t;
  }
}

/** What field resolution needs besides the field: the registry and where wildcards' ##targetNamespace points. */
interface Ctx {
  registry: TypeRegistry;
  typesFile: string | undefined;
  targetNamespace: string;
}

function anyAttribute(doc: AnyAttributeDoc): AnyAttribute {
  return { namespace: doc.namespace ?? '##any', processContents: doc.processContents ?? 'lax' };
}

const COMPLEX_KEYS = ['fields', 'content', 'extends', 'restricts', 'abstract', 'attributes', 'anyAttribute', 'simpleContent'] as const;
const SIMPLE_KEYS = ['base', 'enum', 'enumComplete', 'list', 'itemType', 'pattern', 'length', 'minLength', 'maxLength', 'minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive', 'totalDigits', 'fractionDigits'] as const;
const FACETS = ['pattern', 'length', 'minLength', 'maxLength', 'minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive', 'totalDigits', 'fractionDigits'] as const;

/** A complex type under construction: its resolved definition and what pass 3 needs. */
interface Pending {
  def: ComplexTypeDef | SimpleTypeDef;
  pointer: string;
  doc: TypeDefDoc;
  derived: Set<string>;
}

export interface ResolvedTypes {
  registry: TypeRegistry;
  expectations: Expectation[];
  problems: ContractProblem[];
}

/** Expectations as written in `file`, with that file's namespaces (and `env`, the message's envelope namespace). */
export function resolveExpectations(docs: readonly ExpectationDoc[] | undefined, namespaces: Readonly<Record<string, string>>, file: string, r?: { problem(pointer: string, code: string, message: string): void }): Expectation[] {
  const ns = { env: ENVELOPE_NS_MARK, ...namespaces };
  return (docs ?? []).map((d, i) => {
    // An XPath that cannot be evaluated on any message is the file's problem, said by lint where it is written.
    const key = d.failWhen !== undefined ? 'failWhen' : d.assert !== undefined ? 'assert' : undefined;
    const why = r && key ? xpathSyntaxProblem(d[key]!, { ...ns, ...d.namespaces }) : undefined;
    if (r && key && why) r.problem(`/expectations/${i}/${key}`, 'xpath', `expectation \`${d.id}\`: ${why}`);
    const e: Expectation = {
      id: d.id,
      applies: d.applies ?? 'response',
      test: d.failWhen ?? d.assert ?? 'false()',
      failWhen: d.failWhen !== undefined,
      message: d.message,
      severity: d.severity ?? 'error',
      namespaces: Object.freeze({ ...ns, ...d.namespaces }),
      file,
    };
    if (d.description !== undefined) e.description = d.description;
    return e;
  });
}

/**
 * Resolve a types file into a registry. Three passes: names first (so types may refer to each
 * other in any order, recursively), then content, then derivation (effective content of
 * extensions, inherited enums and facets of simple types, the derived-types sets).
 */
export function resolveTypesDoc(doc: TypesDoc, file: string, locate: Locator = noPosition): ResolvedTypes {
  const r = new Resolver(file, doc.namespaces, locate);
  r.reservedNamespaces();
  const registry = new Map<string, TypeDef>();
  const pending = new Map<string, Pending>();
  for (const [written, def] of Object.entries(doc.types)) {
    const pointer = `/types/${escapeSeg(written)}`;
    const name = r.qname(written, pointer, 'type name');
    if (!name) continue;
    if (name.ns === XSD_NS) {
      r.problem(pointer, 'schema', `type \`${written}\` cannot be defined: the XML Schema namespace holds only the built-in types`);
      continue;
    }
    const key = clark(name);
    if (registry.has(key)) {
      r.problem(pointer, 'duplicate-type', `type \`${written}\` (${key}) is defined twice (as \`${registry.get(key)!.written}\` too)`);
      continue;
    }
    const derived = new Set<string>();
    const complex = COMPLEX_KEYS.some((k) => def[k] !== undefined);
    let t: TypeDef;
    if (complex) {
      const simpleKey = SIMPLE_KEYS.find((k) => def[k] !== undefined);
      if (simpleKey) r.problem(`${pointer}/${simpleKey}`, 'type-and-fields', `type \`${written}\` has complex-type keys (\`fields\`, \`extends\`, \`attributes\`, …) and the simple-type key \`${simpleKey}\`; give one kind or the other`);
      const empty = singleGroup('sequence', []);
      t = { kind: 'complex', name, written, fields: [], content: empty, own: empty, abstract: def.abstract ?? false, attributes: [], derived };
    } else {
      t = { kind: 'simple', name, written, enumComplete: def.enumComplete ?? true, list: def.list ?? false, facets: {}, derived };
      if (def.enum !== undefined) t.enum = def.enum.map(String);
    }
    if (def.description !== undefined) t.description = def.description;
    registry.set(key, t);
    pending.set(key, { def: t, pointer, doc: def, derived });
  }
  const ctxOf = (t: TypeDef): Ctx => ({ registry, typesFile: file, targetNamespace: t.name.ns });
  for (const { def: t, pointer, doc: def } of pending.values()) {
    const ctx = ctxOf(t);
    if (t.kind === 'complex') {
      t.own = r.group(def.content, def.fields, `${pointer}/fields`, ctx);
      if (def.extends !== undefined && def.restricts !== undefined) r.problem(`${pointer}/restricts`, 'schema', `type \`${t.written}\` has both \`extends\` and \`restricts\`; give one`);
      const baseKey = def.extends !== undefined ? 'extends' : def.restricts !== undefined ? 'restricts' : undefined;
      if (baseKey) {
        const base = r.complexRef(def[baseKey]!, `${pointer}/${baseKey}`, ctx, `${baseKey === 'extends' ? 'extended' : 'restricted'} type`);
        if (base) {
          t.base = base;
          t.derivation = baseKey === 'extends' ? 'extension' : 'restriction';
        }
      }
      if (def.attributes !== undefined) t.attributes = r.attributes(def.attributes, `${pointer}/attributes`, ctx);
      if (def.anyAttribute !== undefined) t.anyAttribute = anyAttribute(def.anyAttribute);
      if (def.simpleContent !== undefined) {
        const sc = r.simpleRef(def.simpleContent, `${pointer}/simpleContent`, ctx, 'simple content type');
        if (sc) t.simpleContent = sc;
        if (def.fields !== undefined && def.fields.length > 0) r.problem(`${pointer}/fields`, 'type-and-fields', `type \`${t.written}\` has simple content (\`simpleContent\`) and element \`fields\`; give one or the other`);
      }
    } else {
      if (def.base !== undefined) {
        const base = r.simpleRef(def.base, `${pointer}/base`, ctx, 'base type');
        if (base && base.ns === XSD_NS) t.base = base;
        else if (base) t.restricts = base;
      }
      if (def.itemType !== undefined) {
        if (!def.list) r.problem(`${pointer}/itemType`, 'schema', `type \`${t.written}\` has an \`itemType\` but is not a \`list\` (add \`list: true\`)`);
        const item = r.simpleRef(def.itemType, `${pointer}/itemType`, ctx, 'item type');
        if (item) t.itemType = item;
      }
      if (t.list && def.enum === undefined && def.itemType === undefined && def.base === undefined) r.problem(`${pointer}/list`, 'schema', `type \`${t.written}\` is a \`list\` but has neither \`itemType\` nor \`enum\``);
      for (const k of FACETS) {
        const v = def[k];
        if (v !== undefined) (t.facets as Record<string, unknown>)[k] = typeof v === 'number' && (k === 'pattern' || k.endsWith('clusive')) ? String(v) : v;
      }
    }
  }
  derive(pending, registry, r);
  return { registry, expectations: resolveExpectations(doc.expectations, doc.namespaces, file, r), problems: r.problems };
}

/**
 * Pass 3: walk each type's base chain once (memoised, cycles reported): an extension's effective
 * content and attributes; a simple type's built-in base, inherited enum and facets; the derived sets.
 */
function derive(pending: ReadonlyMap<string, Pending>, registry: ReadonlyMap<string, TypeDef>, r: Resolver): void {
  const state = new Map<string, 'doing' | 'done'>();
  const visit = (key: string): void => {
    const p = pending.get(key);
    if (!p || state.get(key) === 'done') return;
    if (state.get(key) === 'doing') {
      const t = p.def;
      r.problem(`${p.pointer}/${t.kind === 'complex' ? (p.doc.extends !== undefined ? 'extends' : 'restricts') : 'base'}`, 'derivation-cycle', `type \`${t.written}\` derives from itself (through its base types)`);
      if (t.kind === 'complex') delete t.base;
      else delete t.restricts;
      return;
    }
    state.set(key, 'doing');
    const t = p.def;
    const baseName = t.kind === 'complex' ? t.base : t.restricts;
    const baseKey = baseName && baseName.ns !== XSD_NS ? clark(baseName) : undefined;
    if (baseKey) visit(baseKey);
    const base = baseKey && (t.kind === 'complex' ? t.base : t.restricts) ? registry.get(baseKey) : undefined;
    if (t.kind === 'complex') {
      t.content = t.own;
      if (base?.kind === 'complex') {
        if (t.derivation === 'extension') {
          t.content = extendGroup(base.content, t.own);
          t.attributes = [...base.attributes.filter((a) => !t.attributes.some((o) => sameName(o.name, a.name))), ...t.attributes];
          t.anyAttribute ??= base.anyAttribute;
          if (base.simpleContent && !t.simpleContent) t.simpleContent = base.simpleContent;
        } else {
          t.attributes = [...base.attributes.filter((a) => !t.attributes.some((o) => sameName(o.name, a.name))), ...t.attributes];
          if (base.simpleContent && !t.simpleContent) t.simpleContent = base.simpleContent;
        }
      }
      t.fields = groupFields(t.content);
    } else if (base?.kind === 'simple') {
      if (base.base) t.base = base.base;
      if (!t.enum && base.enum) {
        t.enum = base.enum;
        if (p.doc.enumComplete === undefined) t.enumComplete = base.enumComplete;
      }
      if (!t.list && base.list) {
        t.list = true;
        if (base.itemType) t.itemType = base.itemType;
      }
      t.facets = { ...base.facets, ...t.facets };
    }
    if (t.kind === 'simple' && t.list && t.itemType) {
      // A list's `base` is its item's built-in (what each item is checked against).
      const item = t.itemType.ns === XSD_NS ? undefined : registry.get(clark(t.itemType));
      if (t.itemType.ns === XSD_NS) t.base = t.itemType;
      else if (item?.kind === 'simple') {
        visit(clark(t.itemType));
        if (item.base) t.base = item.base;
        if (!t.enum && item.enum) {
          t.enum = item.enum;
          if (p.doc.enumComplete === undefined) t.enumComplete = item.enumComplete;
        }
      }
    }
    // Every ancestor learns of this type.
    for (let a = baseName, n = 0; a && a.ns !== XSD_NS && n < pending.size; n++) {
      const ap = pending.get(clark(a));
      if (!ap || ap.def === t) break;
      ap.derived.add(key);
      a = ap.def.kind === 'complex' ? ap.def.base : ap.def.restricts;
    }
    state.set(key, 'done');
  };
  for (const key of pending.keys()) visit(key);
}

/** Content of an extension: the base's, then the type's own; one sequence when both are plain sequences. */
function extendGroup(base: Group, own: Group): Group {
  if (base.particles.length === 0) return own;
  if (own.particles.length === 0) return base;
  const plain = (g: Group) => g.group === 'sequence' && g.minOccurs === 1 && g.maxOccurs === 1;
  if (plain(base) && plain(own)) return singleGroup('sequence', [...base.particles, ...own.particles]);
  return singleGroup('sequence', [plain(base) ? base.particles : [base], plain(own) ? own.particles : [own]].flat());
}

export interface ResolvedContract {
  contract?: Contract;
  problems: ContractProblem[];
}

/** Resolve a contract against an already-resolved types registry. */
export function resolveContractDoc(
  doc: ContractDoc,
  file: string,
  types: { registry: TypeRegistry; file?: string; expectations?: readonly Expectation[] },
  locate: Locator = noPosition,
): ResolvedContract {
  const r = new Resolver(file, doc.namespaces, locate);
  r.reservedNamespaces();
  const ctx: Ctx = { registry: types.registry, typesFile: types.file, targetNamespace: '' };
  const message = (m: MessageDoc, pointer: string) => ({
    headers: r.fields(m.headers, `${pointer}/headers`, ctx),
    body: r.field(m.body, `${pointer}/body`, ctx),
  });
  const request = message(doc.request, '/request');
  const response = message(doc.response, '/response');
  const contract: Contract = {
    file,
    service: doc.service,
    version: doc.version,
    operation: doc.operation,
    endpoint: doc.endpoint,
    soapVersion: String(doc.soap.version) === '1.1' ? '1.1' : '1.2',
    action: doc.soap.action,
    actionSource: doc.soap.actionSource ?? 'documented',
    namespaces: Object.freeze({ ...doc.namespaces }),
    request,
    response,
    faults: (doc.faults ?? []).map((f, i) => {
      const at = `/faults/${i}`;
      const fault: Fault = { name: r.qname(f.name, `${at}/name`, 'fault element') ?? { ns: '', local: splitQName(f.name).local }, written: f.name };
      if (f.type !== undefined) {
        const t = r.typeRef(f.type, `${at}/type`, types.registry, types.file);
        if (t) fault.type = t;
      }
      if (f.description !== undefined) fault.description = f.description;
      return fault;
    }),
    style: doc.soap.style ?? 'document',
    use: doc.soap.use ?? 'literal',
    schemas: (doc.schemas ?? []).map((s) => join(dirname(file), s)),
    expectations: [...(types.expectations ?? []), ...resolveExpectations(doc.expectations, doc.namespaces, file, r)],
    types: types.registry,
  };
  if (doc.soap.binding !== undefined) contract.binding = doc.soap.binding;
  if (doc.description !== undefined) contract.description = doc.description;
  if (types.file !== undefined) contract.typesFile = types.file;
  if (doc.source) {
    contract.source = {
      importer: doc.source.importer,
      quirks: (doc.source.quirks ?? []).map((q, i) => ({
        code: q.code,
        message: q.message,
        description: q.description,
        elements: (q.elements ?? []).flatMap((e, j) => r.qname(e, `/source/quirks/${i}/elements/${j}`, 'element name') ?? []),
      })),
    };
    if (doc.source.documentedOnly) contract.source.documentedOnly = true;
    if (doc.source.file !== undefined) contract.source.file = doc.source.file;
    if (doc.source.sha256 !== undefined) contract.source.sha256 = doc.source.sha256;
  }
  return r.problems.length > 0 ? { problems: r.problems } : { contract, problems: [] };
}

function escapeSeg(s: string): string {
  return toPointer([s]).slice(1);
}
