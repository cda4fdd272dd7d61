/**
 * Compile a resolved Contract into a validation plan, once (ajv-style): for every element the
 * expected children with resolved names and occurrence bounds, nillability, the declared type
 * that `xsi:type` must resolve to, and a lexical checker for simple content. Named types are
 * compiled lazily and memoised by Clark name, so recursive types cost nothing up front.
 * Checking walks the parsed message against the plan; it never reads the contract again.
 */
import type { Contract, Field, Message, TypeRegistry } from '../contract/model.ts';
import { clark, XSD_NS, type ExpandedName } from '../xml/qname.ts';
import { soapVersionInfo, type SoapVersionInfo } from '../soap/versions.ts';
import { builtinCheck, enumCheck, typeLabel, type EnumProblem, type LexicalCheck } from './lexical/index.ts';

export interface ComplexContent {
  readonly kind: 'complex';
  /** What to call this content in messages: the type's written name, or `inline`. */
  readonly label: string;
  readonly children: readonly ElementPlan[];
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
  /** XSD lexical space check (null = valid). */
  readonly lexical?: LexicalCheck;
  /** Enum / enum-list membership. */
  readonly enumeration?: (value: string) => EnumProblem | null;
}

/** Content the contract says nothing about (no type, no fields, or a type it does not define). */
export interface AnyContent { readonly kind: 'any' }

export type ContentPlan = ComplexContent | SimpleContent | AnyContent;

export interface ElementPlan {
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
  readonly content: ContentPlan;
}

export interface MessagePlan {
  readonly direction: 'request' | 'response';
  readonly headers: readonly ElementPlan[];
  readonly headerByName: ReadonlyMap<string, ElementPlan>;
  readonly headerByLocal: ReadonlyMap<string, ElementPlan>;
  readonly body: ElementPlan;
  /** The source put this message's header blocks directly under Envelope (a recorded quirk). */
  readonly headerBlocksOutsideHeaderQuirk: boolean;
}

export interface ContractPlan {
  readonly contract: Contract;
  readonly soap: SoapVersionInfo;
  readonly action: string;
  readonly request: MessagePlan;
  readonly response: MessagePlan;
  /** The content of a named type (compiled once, memoised): what an element with that `xsi:type` holds. */
  typeContent(type: ExpandedName): ContentPlan;
  /**
   * May an element declared with type `declared` carry `xsi:type` naming `actual`? Yes for the
   * same type, for anything in an `xsd:anyType` field, for a simple type in an
   * `xsd:anySimpleType` one.
   */
  substitutable(actual: ExpandedName, declared: ExpandedName): boolean;
}

const ANY: AnyContent = Object.freeze({ kind: 'any' });

/** A whitespace-separated list whose items each satisfy `item`. */
function listOf(item: LexicalCheck): LexicalCheck {
  return (value, scope) => {
    for (const v of value.split(/[\t\n\r ]+/)) {
      if (v === '') continue;
      const why = item(v, scope);
      if (why) return `item ${JSON.stringify(v)}: ${why}`;
    }
    return null;
  };
}

class TypeCompiler {
  private readonly memo = new Map<string, ContentPlan>();
  constructor(private readonly types: TypeRegistry) {}

  typeContent(type: ExpandedName): ContentPlan {
    const key = clark(type);
    let c = this.memo.get(key);
    if (c) return c;
    c = this.compileType(type);
    this.memo.set(key, c);
    return c;
  }

  private compileType(type: ExpandedName): ContentPlan {
    // A definition in the contract's types wins over built-in knowledge of non-XSD types (the .NET
    // serialization ones): the contract is the source of truth. XSD built-ins cannot be redefined.
    const def = type.ns === XSD_NS ? undefined : this.types.get(clark(type));
    // anyType: what it holds is said by the element's xsi:type, at check time (any content without one).
    if (type.ns === XSD_NS && type.local === 'anyType') return ANY;
    if (!def) {
      const builtin = builtinCheck(type);
      return builtin ? { kind: 'simple', label: typeLabel(type), lexical: builtin } : ANY;
    }
    if (def.kind === 'complex') return this.complex(def.written, def.fields);
    const base = def.base ? builtinCheck(def.base) : undefined;
    const lexical = base && def.list ? listOf(base) : base;
    const enumeration = def.enum && def.enum.length > 0 ? enumCheck(def.enum, { list: def.list, complete: def.enumComplete }) : undefined;
    return { kind: 'simple', label: def.written, lexical: enumeration && def.enumComplete ? undefined : lexical, enumeration };
  }

  complex(label: string, fields: readonly Field[]): ComplexContent {
    const children = fields.map((f) => this.element(f));
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
    return { kind: 'complex', label, children, byName, byNs, byLocal };
  }

  /** Is `actual` acceptable as the xsi:type of an element declared `declared`? */
  substitutable(actual: ExpandedName, declared: ExpandedName): boolean {
    if (actual.ns === declared.ns && actual.local === declared.local) return true;
    if (declared.ns !== XSD_NS) return false;
    if (declared.local === 'anyType') return true;
    if (declared.local === 'anySimpleType') {
      if (builtinCheck(actual)) return true;
      return this.types.get(clark(actual))?.kind === 'simple';
    }
    return false;
  }

  element(f: Field): ElementPlan {
    return new FieldPlan(f, this);
  }

  /** The content of a field: its inline fields, else its type's, else nothing known. */
  contentOf(f: Field): ContentPlan {
    return f.fields ? this.complex('inline', f.fields) : f.type ? this.typeContent(f.type) : ANY;
  }
}

/**
 * An element plan with its content compiled on first use. A class, so that every plan shares one
 * shape (a getter in an object literal gave each plan its own, and made every `node.*` read in the
 * rules megamorphic).
 */
class FieldPlan implements ElementPlan {
  readonly name: ExpandedName;
  readonly clark: string;
  readonly written: string;
  readonly minOccurs: number;
  readonly maxOccurs: number;
  readonly nillable: boolean;
  readonly secret: boolean;
  readonly declaredType?: ExpandedName;
  #content: ContentPlan | undefined;
  readonly #field: Field;
  readonly #compiler: TypeCompiler;

  constructor(f: Field, compiler: TypeCompiler) {
    this.name = f.name;
    this.clark = clark(f.name);
    this.written = f.written;
    this.minOccurs = f.minOccurs;
    this.maxOccurs = f.maxOccurs;
    this.nillable = f.nillable;
    this.secret = f.secret;
    this.declaredType = f.type;
    this.#field = f;
    this.#compiler = compiler;
  }

  get content(): ContentPlan {
    return (this.#content ??= this.#compiler.contentOf(this.#field));
  }
}

function messagePlan(compiler: TypeCompiler, contract: Contract, direction: 'request' | 'response', msg: Message): MessagePlan {
  const headers = msg.headers.map((h) => compiler.element(h));
  const headerByName = new Map(headers.map((h) => [h.clark, h] as const));
  const headerByLocal = new Map(headers.map((h) => [h.name.local, h] as const));
  const quirk = contract.source?.quirks.some((q) => q.code === 'header-blocks-outside-header' && q.message === direction) ?? false;
  return { direction, headers, headerByName, headerByLocal, body: compiler.element(msg.body), headerBlocksOutsideHeaderQuirk: quirk };
}

const cache = new WeakMap<Contract, ContractPlan>();

/** Compile a contract into its validation plan (cached per contract object). */
export function compileContract(contract: Contract): ContractPlan {
  const hit = cache.get(contract);
  if (hit) return hit;
  const compiler = new TypeCompiler(contract.types);
  const plan: ContractPlan = {
    contract,
    soap: soapVersionInfo(contract.soapVersion),
    action: contract.action,
    request: messagePlan(compiler, contract, 'request', contract.request),
    response: messagePlan(compiler, contract, 'response', contract.response),
    typeContent: (t) => compiler.typeContent(t),
    substitutable: (actual, declared) => compiler.substitutable(actual, declared),
  };
  cache.set(contract, plan);
  return plan;
}
