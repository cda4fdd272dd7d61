/**
 * XML Schema → the contract model's types, as `import wsdl` needs them: every `xs:schema` of the
 * documents (inside `wsdl:types` or a separate `.xsd`) indexed by namespace, then named types,
 * global elements and their content translated on demand.
 *
 * Supported: sequence, all, choice (nested, with occurrences), element refs, group and
 * attributeGroup refs, any / anyAttribute, complexContent extension and restriction, simpleContent,
 * attributes (local and ref), simple types with enumerations and facets, list, union (accepted as
 * any text), anonymous types (inline fields where they are plain content, else a named type made
 * up as `<Owner>.<Element>`), elementFormDefault / form, nillable, abstract. What is not expressed
 * (mixed content, substitution groups, SOAP-encoded arrays' item type, redefine) becomes a note
 * naming the construct, file and line; the import goes on.
 */
import { attribute, childElements, clark, resolveQName, SOAP_ENC_NS, XSD_NS, type ExpandedName, type XElement } from '../../xml/index.ts';
import { isXsdBuiltin } from '../../contract/xsd-builtins.ts';
import type { DocumentSet, SourceDocument } from './documents.ts';

export { SOAP_ENC_NS };

export interface WField {
  field: true;
  name: ExpandedName;
  type?: ExpandedName;
  /** Anonymous plain complex content, written inline. */
  inline?: WComplex;
  minOccurs: number;
  maxOccurs: number;
  nillable: boolean;
  description?: string;
}
export interface WGroup {
  group: 'choice' | 'sequence';
  particles: WParticle[];
  minOccurs: number;
  maxOccurs: number;
}
export interface WAny {
  any: true;
  namespace?: string;
  processContents?: 'strict' | 'lax' | 'skip';
  minOccurs: number;
  maxOccurs: number;
}
export type WParticle = WField | WGroup | WAny;
export interface WAttr {
  name: ExpandedName;
  type?: ExpandedName;
  use: 'required' | 'optional';
  fixed?: string;
  default?: string;
}
export interface WComplex {
  kind: 'complex';
  content: 'sequence' | 'all' | 'choice';
  particles: WParticle[];
  attributes: WAttr[];
  anyAttribute?: { namespace?: string; processContents?: 'strict' | 'lax' | 'skip' };
  extends?: ExpandedName;
  restricts?: ExpandedName;
  abstract?: boolean;
  simpleContent?: ExpandedName;
  description?: string;
}
export interface WSimple {
  kind: 'simple';
  base?: ExpandedName;
  enum?: string[];
  list?: boolean;
  itemType?: ExpandedName;
  facets: Record<string, string | number>;
  description?: string;
}
export type WType = WComplex | WSimple;

interface Decl {
  el: XElement;
  schema: SchemaInfo;
}
interface SchemaInfo {
  doc: SourceDocument;
  el: XElement;
  tns: string;
  qualifiedElements: boolean;
  qualifiedAttributes: boolean;
}

const xs = (local: string): ExpandedName => ({ ns: XSD_NS, local });
const ANY_TYPE = xs('anyType');
const MAX_DEPTH = 48;

/** Numeric-valued facets; the others keep their text. */
const INT_FACETS = new Set(['length', 'minLength', 'maxLength', 'totalDigits', 'fractionDigits']);
const FACETS = new Set([...INT_FACETS, 'minInclusive', 'maxInclusive', 'minExclusive', 'maxExclusive']);

export class SchemaSet {
  readonly elements = new Map<string, Decl>();
  private complexTypes = new Map<string, Decl>();
  private simpleTypes = new Map<string, Decl>();
  private groups = new Map<string, Decl>();
  private attributeGroups = new Map<string, Decl>();
  private globalAttributes = new Map<string, Decl>();
  /** Translated named types (and made-up ones for anonymous content), by Clark name. */
  readonly types = new Map<string, { name: ExpandedName; def: WType }>();
  /** The `xs:schema` elements, for writing `.xsd` files. */
  readonly schemas: Array<{ doc: SourceDocument; el: XElement; tns: string }> = [];
  private inProgress = new Set<string>();
  private globals = new Map<string, { decl: Decl; field: WField }>();

  constructor(private readonly docs: DocumentSet) {}

  /** Index every xs:schema of a document (top level, or in wsdl:types). */
  addDocument(doc: SourceDocument): void {
    const root = doc.root;
    if (root.ns === XSD_NS && root.local === 'schema') this.addSchema(doc, root, undefined);
    for (const t of childElements(root)) {
      if (t.local !== 'types') continue;
      for (const s of childElements(t)) if (s.ns === XSD_NS && s.local === 'schema') this.addSchema(doc, s, undefined);
    }
  }

  private addSchema(doc: SourceDocument, el: XElement, includerTns: string | undefined): void {
    // A schema without a targetNamespace included by another takes the includer's (chameleon include).
    const tns = attribute(el, '', 'targetNamespace')?.value ?? includerTns ?? '';
    const info: SchemaInfo = {
      doc,
      el,
      tns,
      qualifiedElements: attribute(el, '', 'elementFormDefault')?.value === 'qualified',
      qualifiedAttributes: attribute(el, '', 'attributeFormDefault')?.value === 'qualified',
    };
    this.schemas.push({ doc, el, tns });
    for (const c of childElements(el)) {
      if (c.ns !== XSD_NS) continue;
      const name = attribute(c, '', 'name')?.value;
      const key = name !== undefined ? clark({ ns: tns, local: name }) : '';
      const table =
        c.local === 'element' ? this.elements
        : c.local === 'complexType' ? this.complexTypes
        : c.local === 'simpleType' ? this.simpleTypes
        : c.local === 'group' ? this.groups
        : c.local === 'attributeGroup' ? this.attributeGroups
        : c.local === 'attribute' ? this.globalAttributes
        : undefined;
      if (table && name !== undefined && !table.has(key)) table.set(key, { el: c, schema: info });
      else if (c.local === 'notation') this.docs.note(doc, c, 'xs:notation is not supported: ignored');
    }
  }

  /** Resolve a QName-valued attribute in the scope of its element (unprefixed: the default namespace). */
  private ref(el: XElement, attr: string, schema: SchemaInfo): ExpandedName | undefined {
    const v = attribute(el, '', attr)?.value;
    if (v === undefined) return undefined;
    const n = resolveQName(v, el.scope, true);
    if (!n) {
      this.docs.note(schema.doc, el, `${attr}="${v}" uses an undeclared prefix: treated as xsd:anyType`);
      return ANY_TYPE;
    }
    return n;
  }

  /** A type reference as the contract can hold it: built-ins kept, SOAP-encoding ones mapped, unknown ones noted as anyType. */
  typeRef(n: ExpandedName, at: { schema: SchemaInfo; el: XElement }): ExpandedName {
    if (n.ns === XSD_NS) {
      if (isXsdBuiltin(n)) return n;
      this.docs.note(at.schema.doc, at.el, `xsd:${n.local} is not an XSD 1.0 built-in type: treated as xsd:anySimpleType`);
      return xs('anySimpleType');
    }
    if (n.ns === SOAP_ENC_NS) {
      if (isXsdBuiltin(xs(n.local))) return xs(n.local);
      if (n.local === 'Array' || n.local === 'Struct') {
        this.docs.note(at.schema.doc, at.el, `soapenc:${n.local} (SOAP encoding) cannot be expressed: its content is accepted as any elements`);
        return ANY_TYPE;
      }
    }
    const key = clark(n);
    if (this.types.has(key) || this.complexTypes.has(key) || this.simpleTypes.has(key)) {
      this.namedType(n);
      return n;
    }
    this.docs.note(at.schema.doc, at.el, `type ${n.ns ? `{${n.ns}}` : ''}${n.local} is not defined in the documents read: treated as xsd:anyType`);
    return ANY_TYPE;
  }

  /** Translate every named type of every schema read. */
  translateAll(): void {
    for (const key of [...this.complexTypes.keys(), ...this.simpleTypes.keys()]) {
      const d = this.complexTypes.get(key) ?? this.simpleTypes.get(key)!;
      this.namedType({ ns: d.schema.tns, local: attribute(d.el, '', 'name')!.value });
    }
  }

  /** Translate a named type (once; recursion allowed). */
  namedType(n: ExpandedName): void {
    const key = clark(n);
    if (this.types.has(key) || this.inProgress.has(key)) return;
    const decl = this.complexTypes.get(key) ?? this.simpleTypes.get(key);
    if (!decl) return;
    this.inProgress.add(key);
    const def = decl.el.local === 'complexType' ? this.complex(decl.el, decl.schema, n.local, 0) : this.simple(decl.el, decl.schema, n.local, 0);
    this.types.set(key, { name: n, def });
    this.inProgress.delete(key);
  }

  /**
   * A global element: its name, type or inline content, nillable. Translated once (a WCF WSDL's
   * header elements are bound by every operation), so that its notes and made-up types are too.
   */
  globalElement(n: ExpandedName): { decl: Decl; field: WField } | undefined {
    const key = clark(n);
    const done = this.globals.get(key);
    if (done) return done;
    const decl = this.elements.get(key);
    if (!decl) return undefined;
    const g = { decl, field: this.elementField(decl.el, decl.schema, true, n.local, 0) };
    this.globals.set(key, g);
    return g;
  }

  private elementField(el: XElement, schema: SchemaInfo, global: boolean, owner: string, depth: number): WField {
    const refName = attribute(el, '', 'ref') ? this.ref(el, 'ref', schema) : undefined;
    const occurs = this.occurs(el);
    if (refName) {
      const target = this.elements.get(clark(refName));
      if (!target) {
        this.docs.note(schema.doc, el, `element ref ${refName.ns ? `{${refName.ns}}` : ''}${refName.local} is not defined in the documents read: any content accepted`);
        return { field: true, name: refName, type: ANY_TYPE, ...occurs, nillable: true };
      }
      if (depth > MAX_DEPTH) return { field: true, name: refName, type: ANY_TYPE, ...occurs, nillable: true };
      const f = this.elementField(target.el, target.schema, true, refName.local, depth + 1);
      return { ...f, ...occurs };
    }
    const local = attribute(el, '', 'name')?.value ?? '';
    const form = attribute(el, '', 'form')?.value;
    const qualified = global || (form ? form === 'qualified' : schema.qualifiedElements);
    const name = { ns: qualified ? schema.tns : '', local };
    const f: WField = { field: true, name, ...(global ? { minOccurs: 1, maxOccurs: 1 } : occurs), nillable: attribute(el, '', 'nillable')?.value === 'true' };
    if (attribute(el, '', 'substitutionGroup')) this.docs.note(schema.doc, el, `substitutionGroup on element ${local} is not supported: only the head element is accepted where it is declared`);
    const doc = documentation(el);
    if (doc) f.description = doc;
    const typeName = this.ref(el, 'type', schema);
    if (typeName) {
      f.type = this.typeRef(typeName, { schema, el });
      return f;
    }
    const anon = childElements(el).find((c) => c.ns === XSD_NS && (c.local === 'complexType' || c.local === 'simpleType'));
    if (!anon) {
      f.type = ANY_TYPE;
      return f;
    }
    const made = anon.local === 'complexType' ? this.complex(anon, schema, `${owner}.${local}`, depth + 1) : this.simple(anon, schema, `${owner}.${local}`, depth + 1);
    if (made.kind === 'complex' && !made.extends && !made.restricts && !made.simpleContent && !made.abstract) f.inline = made;
    else f.type = this.madeUp({ ns: schema.tns, local: global ? local : `${owner}.${local}` }, made);
    return f;
  }

  /** A named type standing for anonymous content that cannot be inline: `<Owner>.<Element>`, made unique. */
  private madeUp(n: ExpandedName, def: WType): ExpandedName {
    let name = n;
    for (let i = 2; this.types.has(clark(name)) || this.complexTypes.has(clark(name)) || this.simpleTypes.has(clark(name)); i++) name = { ns: n.ns, local: `${n.local}.${i}` };
    this.types.set(clark(name), { name, def });
    return name;
  }

  private occurs(el: XElement): { minOccurs: number; maxOccurs: number } {
    const min = attribute(el, '', 'minOccurs')?.value;
    const max = attribute(el, '', 'maxOccurs')?.value;
    return { minOccurs: min !== undefined && /^\d+$/.test(min) ? Number(min) : 1, maxOccurs: max === 'unbounded' ? Infinity : max !== undefined && /^\d+$/.test(max) ? Math.max(1, Number(max)) : 1 };
  }

  complex(el: XElement, schema: SchemaInfo, owner: string, depth: number): WComplex {
    const t: WComplex = { kind: 'complex', content: 'sequence', particles: [], attributes: [] };
    if (attribute(el, '', 'abstract')?.value === 'true') t.abstract = true;
    const doc = documentation(el);
    if (doc) t.description = doc;
    if (attribute(el, '', 'mixed')?.value === 'true') this.docs.note(schema.doc, el, `mixed content (complexType ${owner}) is not supported: text between its elements is not checked`);
    if (depth > MAX_DEPTH) {
      this.docs.note(schema.doc, el, `anonymous types nested more than ${MAX_DEPTH} deep: the rest is accepted as any content`);
      t.particles = [{ any: true, processContents: 'skip', minOccurs: 0, maxOccurs: Infinity }];
      return t;
    }
    this.complexBody(el, schema, owner, depth, t);
    return t;
  }

  /** The content of a complexType (or of an extension/restriction inside it). */
  private complexBody(el: XElement, schema: SchemaInfo, owner: string, depth: number, t: WComplex): void {
    for (const c of childElements(el)) {
      if (c.ns !== XSD_NS) continue;
      switch (c.local) {
        case 'sequence':
        case 'choice':
        case 'all':
        case 'group': {
          const g = this.particle(c, schema, owner, depth);
          if (!g) break;
          if ('group' in g && g.minOccurs === 1 && g.maxOccurs === 1 && t.particles.length === 0) {
            t.content = c.local === 'all' ? 'all' : g.group;
            t.particles = g.particles;
          } else t.particles.push(g);
          break;
        }
        case 'attribute':
        case 'attributeGroup':
          t.attributes.push(...this.attributes(c, schema, depth));
          break;
        case 'anyAttribute': {
          const ns = attribute(c, '', 'namespace')?.value;
          const pc = attribute(c, '', 'processContents')?.value as WAny['processContents'];
          t.anyAttribute = { ...(ns ? { namespace: ns } : {}), ...(pc ? { processContents: pc } : {}) };
          break;
        }
        case 'complexContent': {
          if (attribute(c, '', 'mixed')?.value === 'true') this.docs.note(schema.doc, c, `mixed content (complexType ${owner}) is not supported: text between its elements is not checked`);
          const d = childElements(c).find((x) => x.ns === XSD_NS && (x.local === 'extension' || x.local === 'restriction'));
          if (!d) break;
          const base = this.ref(d, 'base', schema);
          if (base && !(base.ns === XSD_NS && base.local === 'anyType')) {
            if (base.ns === SOAP_ENC_NS && base.local === 'Array') {
              this.docs.note(schema.doc, d, `a SOAP-encoded array (soapenc:Array restriction, complexType ${owner}) cannot be expressed: its items are accepted as any elements`);
              t.particles = [{ any: true, processContents: 'lax', minOccurs: 0, maxOccurs: Infinity }];
              t.anyAttribute = { processContents: 'skip' };
              return;
            }
            const b = this.typeRef(base, { schema, el: d });
            if (!(b.ns === XSD_NS && b.local === 'anyType')) {
              if (d.local === 'extension') t.extends = b;
              else t.restricts = b;
            }
          }
          this.complexBody(d, schema, owner, depth, t);
          break;
        }
        case 'simpleContent': {
          const d = childElements(c).find((x) => x.ns === XSD_NS && (x.local === 'extension' || x.local === 'restriction'));
          if (!d) break;
          const base = this.ref(d, 'base', schema);
          if (base) {
            const b = this.typeRef(base, { schema, el: d });
            const named = b.ns === XSD_NS ? undefined : this.types.get(clark(b))?.def ?? (this.complexTypes.has(clark(b)) ? 'complex' : undefined);
            if (named === 'complex' || (typeof named === 'object' && named.kind === 'complex')) {
              if (d.local === 'extension') t.extends = b;
              else t.restricts = b;
              const sc = typeof named === 'object' && named.kind === 'complex' ? named.simpleContent : undefined;
              t.simpleContent = sc ?? xs('string');
            } else t.simpleContent = b;
          } else t.simpleContent = xs('string');
          for (const x of childElements(d)) {
            if (x.ns !== XSD_NS) continue;
            if (x.local === 'attribute' || x.local === 'attributeGroup') t.attributes.push(...this.attributes(x, schema, depth));
            else if (x.local === 'anyAttribute') t.anyAttribute = {};
          }
          break;
        }
        case 'annotation':
          break;
        default:
          this.docs.note(schema.doc, c, `xs:${c.local} in complexType ${owner} is not supported: ignored`);
      }
    }
  }

  /** sequence / choice / all / group ref / element / any → a particle. */
  private particle(el: XElement, schema: SchemaInfo, owner: string, depth: number): WParticle | undefined {
    const occurs = this.occurs(el);
    switch (el.local) {
      case 'element':
        return this.elementField(el, schema, false, owner, depth);
      case 'any': {
        const ns = attribute(el, '', 'namespace')?.value;
        const pc = attribute(el, '', 'processContents')?.value as WAny['processContents'];
        return { any: true, ...(ns && ns !== '##any' ? { namespace: ns } : {}), ...(pc ? { processContents: pc } : { processContents: 'strict' }), ...occurs };
      }
      case 'group': {
        const ref = this.ref(el, 'ref', schema);
        const target = ref ? this.groups.get(clark(ref)) : undefined;
        if (!target) {
          this.docs.note(schema.doc, el, `group ref ${attribute(el, '', 'ref')?.value ?? '(none)'} is not defined in the documents read: any content accepted`);
          return { any: true, processContents: 'skip', minOccurs: 0, maxOccurs: Infinity };
        }
        if (depth > MAX_DEPTH) return { any: true, processContents: 'skip', minOccurs: 0, maxOccurs: Infinity };
        const inner = childElements(target.el).find((c) => c.ns === XSD_NS && (c.local === 'sequence' || c.local === 'choice' || c.local === 'all'));
        if (!inner) return undefined;
        const g = this.particle(inner, target.schema, owner, depth + 1) as WGroup;
        return { ...g, ...occurs };
      }
      case 'sequence':
      case 'choice':
      case 'all': {
        const particles: WParticle[] = [];
        for (const c of childElements(el)) {
          if (c.ns !== XSD_NS || c.local === 'annotation') continue;
          const p = this.particle(c, schema, owner, depth + 1);
          if (p) particles.push(p);
        }
        // `all` is a sequence here when nested (only the top group of a type may be `all`).
        return { group: el.local === 'choice' ? 'choice' : 'sequence', particles, ...occurs };
      }
      default:
        this.docs.note(schema.doc, el, `xs:${el.local} inside a model group is not supported: ignored`);
        return undefined;
    }
  }

  private attributes(el: XElement, schema: SchemaInfo, depth: number): WAttr[] {
    if (el.local === 'attributeGroup') {
      const ref = this.ref(el, 'ref', schema);
      const target = ref ? this.attributeGroups.get(clark(ref)) : undefined;
      if (!target || depth > MAX_DEPTH) {
        this.docs.note(schema.doc, el, `attributeGroup ref ${attribute(el, '', 'ref')?.value ?? '(none)'} is not defined in the documents read: ignored`);
        return [];
      }
      return childElements(target.el).filter((c) => c.ns === XSD_NS && (c.local === 'attribute' || c.local === 'attributeGroup')).flatMap((c) => this.attributes(c, target.schema, depth + 1));
    }
    const use = attribute(el, '', 'use')?.value;
    if (use === 'prohibited') return [];
    const refName = attribute(el, '', 'ref') ? this.ref(el, 'ref', schema) : undefined;
    let decl = el;
    let declSchema = schema;
    let name: ExpandedName;
    if (refName) {
      const target = this.globalAttributes.get(clark(refName));
      name = refName;
      if (target) {
        decl = target.el;
        declSchema = target.schema;
      }
    } else {
      const form = attribute(el, '', 'form')?.value;
      const qualified = form ? form === 'qualified' : schema.qualifiedAttributes;
      name = { ns: qualified ? schema.tns : '', local: attribute(el, '', 'name')?.value ?? '' };
    }
    const a: WAttr = { name, use: use === 'required' ? 'required' : 'optional' };
    const typeName = decl !== el || !refName ? this.ref(decl, 'type', declSchema) : undefined;
    if (typeName) a.type = this.typeRef(typeName, { schema: declSchema, el: decl });
    else {
      const anon = childElements(decl).find((c) => c.ns === XSD_NS && c.local === 'simpleType');
      if (anon) a.type = this.madeUp({ ns: declSchema.tns, local: `${name.local}.attribute` }, this.simple(anon, declSchema, name.local, depth + 1));
    }
    if (a.type && a.type.ns === XSD_NS && a.type.local === 'anyType') a.type = xs('anySimpleType');
    const fixed = attribute(el, '', 'fixed')?.value ?? attribute(decl, '', 'fixed')?.value;
    const dflt = attribute(el, '', 'default')?.value ?? attribute(decl, '', 'default')?.value;
    if (fixed !== undefined) a.fixed = fixed;
    if (dflt !== undefined) a.default = dflt;
    return [a];
  }

  simple(el: XElement, schema: SchemaInfo, owner: string, depth: number): WSimple {
    const t: WSimple = { kind: 'simple', facets: {} };
    const doc = documentation(el);
    if (doc) t.description = doc;
    if (depth > MAX_DEPTH) return t;
    for (const c of childElements(el)) {
      if (c.ns !== XSD_NS) continue;
      if (c.local === 'restriction') {
        const base = this.ref(c, 'base', schema);
        if (base) t.base = this.simpleBase(this.typeRef(base, { schema, el: c }));
        else {
          const inner = childElements(c).find((x) => x.ns === XSD_NS && x.local === 'simpleType');
          if (inner) t.base = this.madeUp({ ns: schema.tns, local: `${owner}.base` }, this.simple(inner, schema, owner, depth + 1));
        }
        const patterns: string[] = [];
        const values: string[] = [];
        for (const f of childElements(c)) {
          if (f.ns !== XSD_NS) continue;
          const v = attribute(f, '', 'value')?.value;
          if (v === undefined) continue;
          if (f.local === 'enumeration') values.push(v);
          else if (f.local === 'pattern') patterns.push(v);
          else if (FACETS.has(f.local)) t.facets[f.local] = INT_FACETS.has(f.local) && /^\d+$/.test(v) ? Number(v) : v;
        }
        if (values.length > 0) t.enum = values;
        if (patterns.length > 0) t.facets.pattern = patterns.length === 1 ? patterns[0]! : patterns.map((p) => `(${p})`).join('|');
      } else if (c.local === 'list') {
        t.list = true;
        const item = this.ref(c, 'itemType', schema);
        if (item) t.itemType = this.simpleBase(this.typeRef(item, { schema, el: c }));
        else {
          const inner = childElements(c).find((x) => x.ns === XSD_NS && x.local === 'simpleType');
          if (inner) {
            const it = this.simple(inner, schema, owner, depth + 1);
            // WCF [Flags] enums: a list of an anonymous string enumeration — written as the list's own enum.
            if (it.enum && !it.list && (!it.base || it.base.ns === XSD_NS) && Object.keys(it.facets).length === 0) {
              t.base = it.base ?? xs('string');
              t.enum = it.enum;
            } else t.itemType = this.madeUp({ ns: schema.tns, local: `${owner}.item` }, it);
          } else t.base = xs('string');
        }
      } else if (c.local === 'union') {
        // Any member's lexical space: accepted as any text.
      } else if (c.local !== 'annotation') {
        this.docs.note(schema.doc, c, `xs:${c.local} in simpleType ${owner} is not supported: ignored`);
      }
    }
    return t;
  }

  /** A simple type's base must be simple: anyType becomes anySimpleType; a complex named type is noted. */
  private simpleBase(n: ExpandedName): ExpandedName {
    if (n.ns === XSD_NS) return n.local === 'anyType' ? xs('anySimpleType') : n;
    const decl = this.complexTypes.get(clark(n));
    return decl ? xs('anySimpleType') : n;
  }

  /** Where a QName-valued attribute of a WSDL element points, in the WSDL's own scope. */
  wsdlRef(doc: SourceDocument, el: XElement, attr: string): ExpandedName | undefined {
    const v = attribute(el, '', attr)?.value;
    if (v === undefined) return undefined;
    const n = resolveQName(v, el.scope, true);
    if (!n) this.docs.note(doc, el, `${attr}="${v}" uses an undeclared prefix`);
    return n ?? undefined;
  }

  /** Info for a type reference made outside a schema (a WSDL part's `type`). */
  partType(doc: SourceDocument, el: XElement, n: ExpandedName): ExpandedName {
    return this.typeRef(n, { schema: { doc, el: doc.root, tns: '', qualifiedElements: false, qualifiedAttributes: false }, el });
  }
}

/** The text of an element's xs:annotation/xs:documentation (or wsdl:documentation), whitespace collapsed. */
export function documentation(el: XElement): string | undefined {
  const parts: string[] = [];
  const text = (e: XElement): void => {
    for (const c of e.children) {
      if (c.kind === 'text') parts.push(c.value);
      else if (c.kind === 'element') text(c);
    }
  };
  for (const c of childElements(el)) {
    if (c.local === 'documentation') text(c);
    else if (c.ns === XSD_NS && c.local === 'annotation') for (const d of childElements(c)) if (d.local === 'documentation') text(d);
  }
  const s = parts.join(' ').replace(/\s+/g, ' ').trim();
  return s || undefined;
}
