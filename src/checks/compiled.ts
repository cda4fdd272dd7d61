/**
 * Compile a resolved Contract into a compiled form, once (ajv-style): for every element the
 * expected children with resolved names and occurrence bounds, nillability, the declared type
 * that `xsi:type` must resolve to, and a lexical checker for simple content. Named types are
 * compiled lazily and memoised by Clark name, so recursive types cost nothing up front.
 * Checking walks the parsed message against the compiled contract; it never reads the contract again.
 */
import type { Attribute, AnyAttribute, Contract, Facets, Field, Group, Message, TypeDef, TypeRegistry, Wildcard } from '../contract/model.ts';
import { isGroup, isWildcard, singleGroup } from '../contract/particles.ts';
import { isDerivedFrom } from '../contract/derivation.ts';
import { facetCheck } from './lexical/facets.ts';
import { clark, XSD_NS, type ExpandedName } from '../xml/qname.ts';
import { soapVersionInfo, type SoapVersionInfo } from '../soap/versions.ts';
import { builtinCheck, enumCheck, typeLabel, type EnumProblem, type LexicalCheck } from './lexical/index.ts';

/** A choice group: which children are its alternatives, and how many times it occurs. */
export interface CompiledChoice {
  /** Each alternative as the indexes (into `children`) of its fields. */
  readonly alternatives: readonly (readonly number[])[];
  /** The group's effective minOccurs (0 inside an optional group). */
  readonly minOccurs: number;
  readonly maxOccurs: number;
}

/** An element wildcard (xsd:any) of complex content. */
export interface CompiledWildcard {
  /** Does an element in this namespace match? */
  matches(ns: string): boolean;
  readonly processContents: Wildcard['processContents'];
  /** The namespace constraint as written (`##other`, URIs, …). */
  readonly namespace: string;
  /** Elements it must match at least (0 inside a choice or an optional group). */
  readonly minOccurs: number;
}

/** An attribute the content declares. */
export interface CompiledAttribute {
  readonly name: ExpandedName;
  readonly clark: string;
  readonly written: string;
  readonly required: boolean;
  readonly fixed?: string;
  /** Its value's check (its simple type's), when typed. */
  readonly value?: SimpleContent;
}

/** The attributes content allows (set when the contract says which: WSDL contracts, or types that declare attributes). */
export interface CompiledAttributes {
  readonly list: readonly CompiledAttribute[];
  readonly byClark: ReadonlyMap<string, CompiledAttribute>;
  /** anyAttribute: does an attribute in this namespace match? */
  readonly any?: (ns: string) => boolean;
}

export interface ComplexContent {
  readonly kind: 'complex';
  /** What to call this content in messages: the type's written name, or `inline`. */
  readonly label: string;
  /**
   * Every field of the content, flattened through its groups, in order; minOccurs/maxOccurs are
   * effective (a field in a choice or an optional group has minOccurs 0; a repeated group multiplies maxOccurs).
   */
  readonly children: readonly CompiledElement[];
  /** False for an `all` group: any order. */
  readonly ordered: boolean;
  /** Per child: the position order is checked by (children of one repeating choice share one: they may interleave). */
  readonly orderKeys: readonly number[];
  readonly choices: readonly CompiledChoice[];
  readonly wildcards: readonly CompiledWildcard[];
  readonly attributes?: CompiledAttributes;
  /** Clark name → index in `children`. */
  readonly byName: ReadonlyMap<string, number>;
  /** Namespace URI → local name → index: the same lookup as `byName` without building a Clark key per element. */
  readonly byNs: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Local name → index, for spotting a known field in the wrong namespace. */
  readonly byLocal: ReadonlyMap<string, number>;
}

export interface SimpleContent {
  readonly kind: 'simple';
  readonly label: string;
  /** Attributes of a complex type with simple content. */
  readonly attributes?: CompiledAttributes;
  /** XSD lexical space check (null = valid). */
  readonly lexical?: LexicalCheck;
  /** Enum / enum-list membership. */
  readonly enumeration?: (value: string) => EnumProblem | null;
}

/** Content the contract says nothing about (no type, no fields, or a type it does not define). */
export interface AnyContent { readonly kind: 'any' }

export type CompiledContent = ComplexContent | SimpleContent | AnyContent;

export interface CompiledElement {
  readonly name: ExpandedName;
  readonly clark: string;
  /** As written in the contract (`User:Ticket`), for messages. */
  readonly written: string;
  readonly minOccurs: number;
  readonly maxOccurs: number;
  readonly nillable: boolean;
  readonly secret: boolean;
  /** The declared type an `xsi:type` must resolve to, when the contract names one. */
  readonly declaredType?: ExpandedName;
  /** Compiled on first use, memoised. */
  readonly content: CompiledContent;
}

export interface CompiledMessage {
  readonly direction: 'request' | 'response';
  readonly headers: readonly CompiledElement[];
  readonly headerByName: ReadonlyMap<string, CompiledElement>;
  readonly headerByLocal: ReadonlyMap<string, CompiledElement>;
  readonly body: CompiledElement;
  /** The source put this message's header blocks directly under Envelope (a recorded quirk). */
  readonly headerBlocksOutsideHeaderQuirk: boolean;
}

export interface CompiledContract {
  readonly contract: Contract;
  readonly soap: SoapVersionInfo;
  readonly action: string;
  readonly request: CompiledMessage;
  readonly response: CompiledMessage;
  /** The content of a named type (compiled once, memoised): what an element with that `xsi:type` holds. */
  typeContent(type: ExpandedName): CompiledContent;
  /**
   * May an element declared with type `declared` carry `xsi:type` naming `actual`? Yes for the
   * same type, a type derived from it (extension or restriction, directly or not), anything in an
   * `xsd:anyType` field, a simple type in an `xsd:anySimpleType` one.
   */
  substitutable(actual: ExpandedName, declared: ExpandedName): boolean;
  /** Is this named type abstract (an element declared with it must name a derived type)? */
  isAbstract(type: ExpandedName): boolean;
}

const ANY: AnyContent = Object.freeze({ kind: 'any' });

const ok: LexicalCheck = () => null;

/** A whitespace-separated list whose items each satisfy `item`; the length facets count items. */
function listOf(item: LexicalCheck, facets: Facets = {}): LexicalCheck {
  return (value, scope) => {
    let n = 0;
    for (const v of value.split(/[\t\n\r ]+/)) {
      if (v === '') continue;
      n++;
      const why = item(v, scope);
      if (why) return `item ${JSON.stringify(v)}: ${why}`;
    }
    if (facets.length !== undefined && n !== facets.length) return `a list of ${n} items; the type wants exactly ${facets.length}`;
    if (facets.minLength !== undefined && n < facets.minLength) return `a list of ${n} items; the type wants at least ${facets.minLength}`;
    if (facets.maxLength !== undefined && n > facets.maxLength) return `a list of ${n} items; the type allows at most ${facets.maxLength}`;
    return null;
  };
}

/** One check out of a lexical check, an enum and facets (the first problem wins). */
function combine(lexical?: LexicalCheck, enumeration?: (v: string) => EnumProblem | null, facets?: LexicalCheck): LexicalCheck | undefined {
  if (!lexical && !enumeration && !facets) return undefined;
  return (value, scope) => lexical?.(value, scope) ?? (enumeration?.(value.trim())?.reason ?? null) ?? facets?.(value, scope) ?? null;
}

/** An XSD namespace constraint (`##any`, `##other`, `##local`, `##targetNamespace`, URIs) as a test. */
function namespaceMatcher(constraint: string, targetNamespace: string): (ns: string) => boolean {
  const tokens = constraint.trim().split(/\s+/).filter((t) => t !== '');
  if (tokens.length === 0 || tokens.includes('##any')) return () => true;
  if (tokens.length === 1 && tokens[0] === '##other') return (ns) => ns !== '' && ns !== targetNamespace;
  const allowed = new Set(tokens.map((t) => (t === '##local' ? '' : t === '##targetNamespace' ? targetNamespace : t)));
  return (ns) => allowed.has(ns);
}

class TypeCompiler {
  private readonly memo = new Map<string, CompiledContent>();
  /**
   * @param attributesKnown the contract says every attribute a type has (imported from a WSDL):
   *   undeclared attributes are then departures; otherwise only types that declare attributes say so.
   */
  constructor(
    private readonly types: TypeRegistry,
    private readonly attributesKnown: boolean,
  ) {}

  typeContent(type: ExpandedName): CompiledContent {
    const key = clark(type);
    let c = this.memo.get(key);
    if (c) return c;
    c = this.compileType(type);
    this.memo.set(key, c);
    return c;
  }

  private compileType(type: ExpandedName): CompiledContent {
    // A definition in the contract's types wins over built-in knowledge of non-XSD types (the .NET
    // serialization ones): the contract is the source of truth. XSD built-ins cannot be redefined.
    const def = type.ns === XSD_NS ? undefined : this.types.get(clark(type));
    // anyType: what it holds is said by the element's xsi:type, at check time (any content without one).
    if (type.ns === XSD_NS && type.local === 'anyType') return ANY;
    // A simple type has no attributes: where the contract knows every attribute, any is unexpected.
    const none = this.attributePlan([], undefined);
    if (!def) {
      const builtin = builtinCheck(type);
      return builtin ? { kind: 'simple', label: typeLabel(type), lexical: builtin, ...(none ? { attributes: none } : {}) } : ANY;
    }
    if (def.kind === 'complex') {
      const attributes = this.attributePlan(def.attributes, def.anyAttribute);
      if (def.simpleContent) {
        const text = this.typeContent(def.simpleContent);
        const simple: SimpleContent = text.kind === 'simple' ? text : { kind: 'simple', label: def.written };
        return { ...simple, label: def.written, attributes };
      }
      return this.complex(def.written, def.content, attributes);
    }
    const simple = this.simple(def);
    return none ? { ...simple, attributes: none } : simple;
  }

  private simple(def: Extract<TypeDef, { kind: 'simple' }>): SimpleContent {
    let item: LexicalCheck | undefined;
    if (def.list && def.itemType) {
      const c = this.typeContent(def.itemType);
      if (c.kind === 'simple') item = combine(c.lexical, c.enumeration);
    }
    const base = def.base ? builtinCheck(def.base) : undefined;
    const facets = facetCheck(def.facets, def.base?.local);
    const one = combine(base, undefined, facets);
    const lexical = def.list ? listOf(item ?? base ?? ok, def.facets) : one;
    const enumeration = def.enum && def.enum.length > 0 ? enumCheck(def.enum, { list: def.list, complete: def.enumComplete }) : undefined;
    return { kind: 'simple', label: def.written, lexical: enumeration && def.enumComplete && !facets ? undefined : lexical, enumeration };
  }

  private attributePlan(attrs: readonly Attribute[], any: AnyAttribute | undefined): CompiledAttributes | undefined {
    if (!this.attributesKnown && attrs.length === 0 && !any) return undefined;
    const list: CompiledAttribute[] = attrs.map((a) => {
      const value = a.type ? this.typeContent(a.type) : undefined;
      return {
        name: a.name, clark: clark(a.name), written: a.written, required: a.use === 'required',
        ...(a.fixed !== undefined ? { fixed: a.fixed } : {}),
        ...(value?.kind === 'simple' ? { value } : {}),
      };
    });
    return { list, byClark: new Map(list.map((a) => [a.clark, a])), ...(any ? { any: namespaceMatcher(any.namespace, '') } : {}) };
  }

  complex(label: string, group: Group, attributes?: CompiledAttributes): ComplexContent {
    const children: CompiledElement[] = [];
    const orderKeys: number[] = [];
    const choices: CompiledChoice[] = [];
    const wildcards: CompiledWildcard[] = [];
    // Walk the groups, multiplying occurrences down: `min`/`max` are the enclosing groups' effective bounds.
    const visit = (g: Group, min: number, max: number, orderKey: number | undefined, depth: number): number[] => {
      const gMin = min * g.minOccurs;
      const gMax = max * g.maxOccurs;
      const inChoice = g.group === 'choice';
      // Children of a choice (or anything inside one) that repeats may come in any interleaving.
      const key = orderKey ?? (inChoice && gMax > 1 ? children.length : undefined);
      const mine: number[] = [];
      const alternatives: number[][] = [];
      for (const p of g.particles) {
        if (isWildcard(p)) {
          wildcards.push({ matches: namespaceMatcher(p.namespace, p.targetNamespace), processContents: p.processContents, namespace: p.namespace, minOccurs: inChoice ? 0 : gMin * p.minOccurs });
          continue;
        }
        if (isGroup(p)) {
          if (depth > 32) continue;
          const inner = visit(p, inChoice ? 0 : gMin, gMax, key, depth + 1);
          mine.push(...inner);
          if (inChoice) alternatives.push(inner);
          continue;
        }
        const i = children.length;
        children.push(this.element(p, { minOccurs: inChoice ? 0 : gMin * p.minOccurs, maxOccurs: gMax * p.maxOccurs }));
        orderKeys.push(key ?? i);
        mine.push(i);
        if (inChoice) alternatives.push([i]);
      }
      if (inChoice && alternatives.length > 0) choices.push({ alternatives, minOccurs: gMin, maxOccurs: gMax });
      return mine;
    };
    visit(group, 1, 1, undefined, 0);
    const byName = new Map<string, number>();
    const byNs = new Map<string, Map<string, number>>();
    const byLocal = new Map<string, number>();
    children.forEach((c, i) => {
      if (!byName.has(c.clark)) byName.set(c.clark, i);
      let locals = byNs.get(c.name.ns);
      if (!locals) byNs.set(c.name.ns, (locals = new Map()));
      if (!locals.has(c.name.local)) locals.set(c.name.local, i);
      if (!byLocal.has(c.name.local)) byLocal.set(c.name.local, i);
    });
    return { kind: 'complex', label, children, ordered: group.group !== 'all', orderKeys, choices, wildcards, ...(attributes ? { attributes } : {}), byName, byNs, byLocal };
  }

  /** Is `actual` acceptable as the xsi:type of an element declared `declared` (the same type, or one derived from it)? */
  substitutable(actual: ExpandedName, declared: ExpandedName): boolean {
    return isDerivedFrom(this.types, actual, declared);
  }

  /** Is this (named) type abstract? Memoised by the name object (a field's declared type is asked about for every element). */
  isAbstract(type: ExpandedName): boolean {
    let a = this.abstract.get(type);
    if (a === undefined) {
      const def = this.types.get(clark(type));
      this.abstract.set(type, (a = def?.kind === 'complex' && def.abstract));
    }
    return a;
  }

  private readonly abstract = new WeakMap<ExpandedName, boolean>();

  element(f: Field, occurs?: { minOccurs: number; maxOccurs: number }): CompiledElement {
    return new LazyCompiledElement(f, this, occurs);
  }

  /** The content of a field: its inline fields, else its type's, else nothing known. */
  contentOf(f: Field): CompiledContent {
    if (f.fields || f.content) {
      return this.complex('inline', f.content ?? singleGroup('sequence', f.fields ?? []), this.attributePlan(f.attributes ?? [], f.anyAttribute));
    }
    return f.type ? this.typeContent(f.type) : ANY;
  }
}

/**
 * A compiled element with its content compiled on first use. A class, so that every one shares one
 * shape (a getter in an object literal gave each its own, and made every `node.*` read in the
 * rules megamorphic).
 */
class LazyCompiledElement implements CompiledElement {
  readonly name: ExpandedName;
  readonly clark: string;
  readonly written: string;
  readonly minOccurs: number;
  readonly maxOccurs: number;
  readonly nillable: boolean;
  readonly secret: boolean;
  readonly declaredType?: ExpandedName;
  #content: CompiledContent | undefined;
  readonly #field: Field;
  readonly #compiler: TypeCompiler;

  constructor(f: Field, compiler: TypeCompiler, occurs?: { minOccurs: number; maxOccurs: number }) {
    this.name = f.name;
    this.clark = clark(f.name);
    this.written = f.written;
    this.minOccurs = occurs?.minOccurs ?? f.minOccurs;
    this.maxOccurs = occurs?.maxOccurs ?? f.maxOccurs;
    this.nillable = f.nillable;
    this.secret = f.secret;
    this.declaredType = f.type;
    this.#field = f;
    this.#compiler = compiler;
  }

  get content(): CompiledContent {
    return (this.#content ??= this.#compiler.contentOf(this.#field));
  }
}

function messagePlan(compiler: TypeCompiler, contract: Contract, direction: 'request' | 'response', msg: Message): CompiledMessage {
  const headers = msg.headers.map((h) => compiler.element(h));
  const headerByName = new Map(headers.map((h) => [h.clark, h] as const));
  const headerByLocal = new Map(headers.map((h) => [h.name.local, h] as const));
  const quirk = contract.source?.quirks.some((q) => q.code === 'header-blocks-outside-header' && q.message === direction) ?? false;
  return { direction, headers, headerByName, headerByLocal, body: compiler.element(msg.body), headerBlocksOutsideHeaderQuirk: quirk };
}

const cache = new WeakMap<Contract, CompiledContract>();

/**
 * One compiler per types registry (and attribute rule): the contracts of one types file share their
 * compiled named types, so a type used by a thousand operations is compiled once.
 */
const compilers = new WeakMap<TypeRegistry, { wsdl?: TypeCompiler; docs?: TypeCompiler }>();

function compilerFor(types: TypeRegistry, attributesKnown: boolean): TypeCompiler {
  let byKind = compilers.get(types);
  if (!byKind) compilers.set(types, (byKind = {}));
  const kind = attributesKnown ? 'wsdl' : 'docs';
  return (byKind[kind] ??= new TypeCompiler(types, attributesKnown));
}

/** Compile a contract into its compiled form (cached per contract object). */
export function compileContract(contract: Contract): CompiledContract {
  const hit = cache.get(contract);
  if (hit) return hit;
  const compiler = compilerFor(contract.types, contract.source?.importer === 'wsdl');
  const compiled: CompiledContract = {
    contract,
    soap: soapVersionInfo(contract.soapVersion),
    action: contract.action,
    request: messagePlan(compiler, contract, 'request', contract.request),
    response: messagePlan(compiler, contract, 'response', contract.response),
    typeContent: (t) => compiler.typeContent(t),
    substitutable: (actual, declared) => compiler.substitutable(actual, declared),
    isAbstract: (t) => compiler.isAbstract(t),
  };
  cache.set(contract, compiled);
  return compiled;
}
