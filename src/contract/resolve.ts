/**
 * Resolution: a schema-valid ContractDoc / TypesDoc becomes a Contract / TypeRegistry with
 * every QName resolved through its file's `namespaces` to a namespace URI and local name.
 *
 * - Field names: `prefix:local`, or unprefixed = in no namespace.
 * - Type references: `xsd:*` built-ins need no definition; anything else must be defined in the
 *   types file of the contract (else `unresolved-type`).
 * - An undeclared prefix is an `undeclared-prefix` problem at the QName's position.
 */
import { clark, resolveQName, splitQName, XSD_NS, type ExpandedName } from '../xml/qname.ts';
import type {
  ComplexTypeDef,
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

  fields(docs: readonly FieldDoc[] | undefined, pointer: string, registry: TypeRegistry, typesFile: string | undefined): Field[] {
    return (docs ?? []).map((f, i) => this.field(f, `${pointer}/${i}`, registry, typesFile));
  }

  field(doc: FieldDoc, pointer: string, registry: TypeRegistry, typesFile: string | undefined): Field {
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
      const t = this.typeRef(doc.type, `${pointer}/type`, registry, typesFile);
      if (t) field.type = t;
    }
    if (doc.fields !== undefined) {
      if (doc.type !== undefined) this.problem(`${pointer}/fields`, 'type-and-fields', `field \`${doc.name}\` has both \`type\` and \`fields\`; give one or the other`);
      field.fields = this.fields(doc.fields, `${pointer}/fields`, registry, typesFile);
    }
    if (field.minOccurs > field.maxOccurs) {
      this.problem(`${pointer}/minOccurs`, 'occurs', `field \`${doc.name}\` has minOccurs ${field.minOccurs} greater than maxOccurs ${field.maxOccurs}`);
    }
    if (doc.example !== undefined) field.example = String(doc.example);
    if (doc.description !== undefined) field.description = doc.description;
    return field;
  }
}

export interface ResolvedTypes {
  registry: TypeRegistry;
  problems: ContractProblem[];
}

/**
 * Resolve a types file into a registry. Two passes: names first (so types may refer to each other
 * in any order, recursively), then fields.
 */
export function resolveTypesDoc(doc: TypesDoc, file: string, locate: Locator = noPosition): ResolvedTypes {
  const r = new Resolver(file, doc.namespaces, locate);
  r.reservedNamespaces();
  const registry = new Map<string, TypeDef>();
  const entries = Object.entries(doc.types);
  const names: (ExpandedName | undefined)[] = [];
  for (const [written, def] of entries) {
    const pointer = `/types/${escapeSeg(written)}`;
    const name = r.qname(written, pointer, 'type name');
    names.push(name);
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
    if (def.fields !== undefined) {
      if (def.base !== undefined || def.enum !== undefined || def.list !== undefined) {
        r.problem(pointer, 'type-and-fields', `type \`${written}\` has \`fields\` (complex) and \`base\`/\`enum\`/\`list\` (simple); give one or the other`);
      }
      const t: ComplexTypeDef = { kind: 'complex', name, written, fields: [] };
      if (def.description !== undefined) t.description = def.description;
      registry.set(key, t);
    } else {
      const t: SimpleTypeDef = { kind: 'simple', name, written, enumComplete: def.enumComplete ?? true, list: def.list ?? false };
      if (def.description !== undefined) t.description = def.description;
      if (def.enum !== undefined) t.enum = def.enum.map(String);
      if (def.list && !def.enum) r.problem(`${pointer}/list`, 'schema', `type \`${written}\` is a \`list\` but has no \`enum\``);
      registry.set(key, t);
    }
  }
  entries.forEach(([written, def], i) => {
    const name = names[i];
    const t = name ? registry.get(clark(name)) : undefined;
    if (!t || t.written !== written) return;
    const pointer = `/types/${escapeSeg(written)}`;
    if (t.kind === 'complex') {
      t.fields.push(...r.fields(def.fields, `${pointer}/fields`, registry, file));
    } else if (def.base !== undefined) {
      const base = r.qname(def.base, `${pointer}/base`, 'base type');
      if (base && !isXsdBuiltin(base)) {
        r.problem(`${pointer}/base`, 'unresolved-type', `base type \`${def.base}\` of \`${written}\` must be an XSD built-in type (xsd:string, xsd:int, …)`);
      } else if (base) t.base = base;
    }
  });
  return { registry, problems: r.problems };
}

export interface ResolvedContract {
  contract?: Contract;
  problems: ContractProblem[];
}

/** Resolve a contract against an already-resolved types registry. */
export function resolveContractDoc(
  doc: ContractDoc,
  file: string,
  types: { registry: TypeRegistry; file?: string },
  locate: Locator = noPosition,
): ResolvedContract {
  const r = new Resolver(file, doc.namespaces, locate);
  r.reservedNamespaces();
  const message = (m: MessageDoc, pointer: string) => ({
    headers: r.fields(m.headers, `${pointer}/headers`, types.registry, types.file),
    body: r.field(m.body, `${pointer}/body`, types.registry, types.file),
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
    types: types.registry,
  };
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
    if (doc.source.file !== undefined) contract.source.file = doc.source.file;
    if (doc.source.sha256 !== undefined) contract.source.sha256 = doc.source.sha256;
  }
  return r.problems.length > 0 ? { problems: r.problems } : { contract, problems: [] };
}

function escapeSeg(s: string): string {
  return toPointer([s]).slice(1);
}
