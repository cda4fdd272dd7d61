/**
 * The contract model.
 *
 * Two layers:
 *  - `*Doc` types are the YAML files as written (what the JSON Schema in
 *    contracts/schema/ describes; QNames as `prefix:local` strings).
 *  - The resolved types (`Contract`, `Field`, `TypeDef`) are what the loader returns:
 *    every QName resolved to a namespace URI + local name, defaults filled in, types
 *    from the types file in a registry. Checks compile these into plans; nothing
 *    downstream reads YAML or compares prefixes.
 */
import type { ExpandedName } from '../xml/qname.ts';

/** Current contract format version (the `soapcheck:` key of every file). */
export const FORMAT_VERSION = 1;

export type SoapVersion = '1.1' | '1.2';

// ---------------------------------------------------------------------------
// As written in YAML
// ---------------------------------------------------------------------------

/** A field (element) of a message or of a complex type, as written. */
export interface FieldDoc {
  /** Element QName, `prefix:local`; an unprefixed name is in no namespace. */
  name: string;
  /** Declared type QName (`xsd:int`, `User:Credential`): what `xsi:type` must resolve to when present. */
  type?: string;
  /** Inline complex content, for elements without a named type (e.g. a header block). */
  fields?: ParticleDoc[];
  /** Group kind of the inline `fields`. Default `sequence`. */
  content?: ContentKind;
  /** Attributes of the element (inline complex content). */
  attributes?: AttributeDoc[];
  /** Further attributes allowed (XSD anyAttribute), inline complex content. */
  anyAttribute?: AnyAttributeDoc;
  /** Default 1. */
  minOccurs?: number;
  /** Default 1; `unbounded` for no upper limit. */
  maxOccurs?: number | 'unbounded';
  /** Default false. */
  nillable?: boolean;
  /** Example value for simple content (used to build requests and mock responses). */
  example?: string;
  description?: string;
  /** The value is a secret (ticket, token, password): never written to any report or log. */
  secret?: boolean;
}

/** How the entries of a field list combine (XSD model groups). */
export type ContentKind = 'sequence' | 'all' | 'choice';

/** XSD `processContents` of a wildcard. */
export type ProcessContents = 'strict' | 'lax' | 'skip';

/** A `choice` group in a field list: exactly one of its entries, minOccurs..maxOccurs times. */
export interface ChoiceDoc {
  choice: ParticleDoc[];
  minOccurs?: number;
  maxOccurs?: number | 'unbounded';
}

/** A nested `sequence` group in a field list (mostly inside a choice). */
export interface SequenceDoc {
  sequence: ParticleDoc[];
  minOccurs?: number;
  maxOccurs?: number | 'unbounded';
}

/** An element wildcard (XSD `any`). */
export interface WildcardDoc {
  any: true;
  /** `##any` (default), `##other`, `##local`, `##targetNamespace`, or space-separated URIs. */
  namespace?: string;
  /** Default `lax`. */
  processContents?: ProcessContents;
  minOccurs?: number;
  maxOccurs?: number | 'unbounded';
}

/** An entry of a field list: a field, a group, or a wildcard. */
export type ParticleDoc = FieldDoc | ChoiceDoc | SequenceDoc | WildcardDoc;

/** An attribute, as written. */
export interface AttributeDoc {
  name: string;
  /** Simple type QName (built-in or from the types file); absent = any text. */
  type?: string;
  /** Default `optional`. */
  use?: 'required' | 'optional';
  fixed?: string;
  default?: string;
  description?: string;
}

/** XSD anyAttribute, as written. */
export interface AnyAttributeDoc {
  namespace?: string;
  processContents?: ProcessContents;
}

/** A declared fault, as written. */
export interface FaultDoc {
  /** QName of the detail element. */
  name: string;
  /** Its type QName, when named. */
  type?: string;
  description?: string;
}

/**
 * A named type in a types file, as written. Complex when it has any of `fields`, `content`,
 * `extends`, `restricts`, `abstract`, `attributes`, `anyAttribute`, `simpleContent`; simple otherwise.
 */
export interface TypeDefDoc {
  description?: string;
  /** Complex type: its content (own content after the base's with `extends`; full content with `restricts`). */
  fields?: ParticleDoc[];
  /** Complex type: group kind of `fields`. Default `sequence`. */
  content?: ContentKind;
  /** Complex type: the complex type it extends (base fields first on the wire). */
  extends?: string;
  /** Complex type: the complex type it restricts (`fields` is the full content). */
  restricts?: string;
  /** Complex type: abstract (a message must name a derived type with xsi:type). */
  abstract?: boolean;
  attributes?: AttributeDoc[];
  anyAttribute?: AnyAttributeDoc;
  /** Complex type with simple content: the simple type of its text. */
  simpleContent?: string;
  /** Simple type: the type it restricts (an XSD built-in or another simple type); absent = anything accepted. */
  base?: string;
  /** Simple type: allowed values. */
  enum?: string[];
  /** False when `enum` lists only the values seen in examples (the full set is unknown). Default true. */
  enumComplete?: boolean;
  /** Simple type: a whitespace-separated list of `itemType` values, or of `enum` values (flags). */
  list?: boolean;
  /** Simple list type: the type of each item. */
  itemType?: string;
  pattern?: string;
  length?: number;
  minLength?: number;
  maxLength?: number;
  minInclusive?: string | number;
  maxInclusive?: string | number;
  minExclusive?: string | number;
  maxExclusive?: string | number;
  totalDigits?: number;
  fractionDigits?: number;
}

/** A message (request or response) as written. */
export interface MessageDoc {
  /** SOAP header blocks: children of soap:Header, in order. */
  headers?: FieldDoc[];
  /** The single child of soap:Body: its element name and fields (or a named `type`). */
  body: FieldDoc;
}

/** A quirk of the source a contract was imported from, kept so that reports can show it. */
export interface SourceQuirkDoc {
  /** Stable code, e.g. `header-blocks-outside-header`. */
  code: string;
  /** Which example: request or response. */
  message: 'request' | 'response';
  /** Plain-English description. */
  description: string;
  /** Element QNames concerned. */
  elements?: string[];
}

export interface SourceDoc {
  /** Which importer wrote this contract: docs, wsdl, record — or `manual`. */
  importer: 'docs' | 'wsdl' | 'record' | 'manual';
  /** The operation is documented but its WSDL binding lacks it (the contract comes from the pages alone). */
  documentedOnly?: boolean;
  /** Source file path, relative to the import root (never absolute). */
  file?: string;
  /** sha256 of the source file's bytes, hex. */
  sha256?: string;
  quirks?: SourceQuirkDoc[];
}

/** One operation contract file. */
export interface ContractDoc {
  soapcheck: number;
  kind: 'operation';
  /** Agent / service name, e.g. `User`. */
  service: string;
  /** Version label, e.g. `Services88`. */
  version: string;
  /** Operation name, e.g. `SaveCredential`. */
  operation: string;
  description?: string;
  /** Endpoint path relative to the installation's base URL, e.g. `Remote/Services88/User.svc`. */
  endpoint: string;
  soap: {
    version: SoapVersion;
    action: string;
    /** Where the action came from: stated by the source, derived by convention, or read from a WSDL. */
    actionSource?: 'documented' | 'derived' | 'wsdl';
    /** The WSDL binding this contract follows. */
    binding?: string;
    /** Default `document`. */
    style?: 'document' | 'rpc';
    /** Default `literal`. */
    use?: 'literal' | 'encoded';
  };
  /** Prefix → namespace URI for every QName in this file. */
  namespaces: Record<string, string>;
  /** Path of the types file, relative to this file. Default: `types.yaml` beside it, if present. */
  types?: string;
  /** `.xsd` files beside the contract (relative paths) describing its messages. */
  schemas?: string[];
  request: MessageDoc;
  response: MessageDoc;
  /** Declared faults. */
  faults?: FaultDoc[];
  /** Expectations about this operation's messages (see ExpectationDoc). */
  expectations?: ExpectationDoc[];
  source?: SourceDoc;
}

/** A types file (`types.yaml`): the shared named types of one service version. */
export interface TypesDoc {
  soapcheck: number;
  kind: 'types';
  version: string;
  namespaces: Record<string, string>;
  /** Type QName → definition. */
  types: Record<string, TypeDefDoc>;
  /** Expectations about the messages of every contract that uses this types file. */
  expectations?: ExpectationDoc[];
}

// ---------------------------------------------------------------------------
// Resolved (what the loader returns)
// ---------------------------------------------------------------------------

export interface Field {
  name: ExpandedName;
  /** The name as written, for messages (`User:Ticket`). */
  written: string;
  /** Declared type, resolved; absent when the field has inline `fields` or no type. */
  type?: ExpandedName;
  /**
   * Inline complex content: every field of `content`, flattened through its groups, in order.
   * Enough for plain sequences; `content` has the groups and wildcards.
   */
  fields?: Field[];
  /** Inline complex content as written: its group, with choices, nested sequences and wildcards. Set with `fields`. */
  content?: Group;
  /** Attributes of inline complex content (absent otherwise). */
  attributes?: Attribute[];
  anyAttribute?: AnyAttribute;
  minOccurs: number;
  /** Infinity for unbounded. */
  maxOccurs: number;
  nillable: boolean;
  example?: string;
  description?: string;
  secret: boolean;
}

/** A model group: `sequence`, `all` or `choice` of particles, minOccurs..maxOccurs times. */
export interface Group {
  group: ContentKind;
  particles: Particle[];
  minOccurs: number;
  /** Infinity for unbounded. */
  maxOccurs: number;
}

/** An element wildcard (XSD `any`). */
export interface Wildcard {
  any: true;
  /** As XSD writes it: `##any`, `##other`, `##local`, `##targetNamespace`, or URIs. Default `##any`. */
  namespace: string;
  /** For `##other` / `##targetNamespace`: the target namespace of the type it appears in ('' when unknown). */
  targetNamespace: string;
  processContents: ProcessContents;
  minOccurs: number;
  maxOccurs: number;
}

/** A particle of complex content. Tell them apart with `isGroup` / `isWildcard` (src/contract/particles.ts). */
export type Particle = Field | Group | Wildcard;

export interface Attribute {
  name: ExpandedName;
  written: string;
  type?: ExpandedName;
  use: 'required' | 'optional';
  fixed?: string;
  default?: string;
  description?: string;
}

export interface AnyAttribute {
  namespace: string;
  processContents: ProcessContents;
}

export interface ComplexTypeDef {
  kind: 'complex';
  name: ExpandedName;
  written: string;
  description?: string;
  /**
   * Every field of the effective content (`content`), in wire order, flattened through groups:
   * with `extends`, the base's fields first. Enough for types that are plain sequences.
   */
  fields: Field[];
  /**
   * The effective content: for an extension, a sequence of the base's content then the type's own
   * (merged into one sequence when both are sequences); otherwise the type's own group.
   */
  content: Group;
  /** The type's own group as written (without the base's content). */
  own: Group;
  /** `extends` or `restricts`, resolved. */
  base?: ExpandedName;
  derivation?: 'extension' | 'restriction';
  abstract: boolean;
  /** Effective attributes (the base's first for an extension). */
  attributes: Attribute[];
  anyAttribute?: AnyAttribute;
  /** Simple content: the simple type of the text (built-in or named simple type). */
  simpleContent?: ExpandedName;
  /** Clark names of every type derived from this one, directly or not (not itself). */
  derived: ReadonlySet<string>;
}

/** Facets of a simple type (XSD constraining facets); numbers as written. */
export interface Facets {
  pattern?: string;
  length?: number;
  minLength?: number;
  maxLength?: number;
  minInclusive?: string;
  maxInclusive?: string;
  minExclusive?: string;
  maxExclusive?: string;
  totalDigits?: number;
  fractionDigits?: number;
}

export interface SimpleTypeDef {
  kind: 'simple';
  name: ExpandedName;
  written: string;
  description?: string;
  /**
   * The XSD built-in at the end of the base chain (namespace http://www.w3.org/2001/XMLSchema);
   * absent = unknown lexical space. For a list: the list's item built-in.
   */
  base?: ExpandedName;
  /** The named simple type it restricts, when its `base` is not a built-in. */
  restricts?: ExpandedName;
  /** Enum values (inherited from a named base unless given). */
  enum?: string[];
  enumComplete: boolean;
  list: boolean;
  /** For a list: the item type as written (built-in or named simple type). */
  itemType?: ExpandedName;
  /** Facets, the type's own over those inherited from a named base. */
  facets: Facets;
  /** Clark names of every simple type that restricts this one, directly or not (not itself). */
  derived: ReadonlySet<string>;
}

export type TypeDef = ComplexTypeDef | SimpleTypeDef;

/** Named types by Clark name (`{uri}local`). XSD built-ins are not in it. */
export type TypeRegistry = ReadonlyMap<string, TypeDef>;

export interface Message {
  headers: Field[];
  body: Field;
}

export interface SourceQuirk {
  code: string;
  message: 'request' | 'response';
  description: string;
  elements: ExpandedName[];
}

export interface Contract {
  /** File the contract was loaded from (as given to the loader). */
  file: string;
  service: string;
  version: string;
  operation: string;
  description?: string;
  endpoint: string;
  soapVersion: SoapVersion;
  action: string;
  actionSource: 'documented' | 'derived' | 'wsdl';
  namespaces: Readonly<Record<string, string>>;
  request: Message;
  response: Message;
  /** Declared faults. */
  faults: Fault[];
  /** WSDL binding facts (absent for contracts that do not say). */
  binding?: string;
  style: 'document' | 'rpc';
  use: 'literal' | 'encoded';
  /** `.xsd` files describing the messages, as paths joined to the contract file's folder. */
  schemas: string[];
  /** Expectations: the types file's first, then the contract's own. */
  expectations: Expectation[];
  types: TypeRegistry;
  /** Types file the registry came from, if any. */
  typesFile?: string;
  source?: {
    importer: SourceDoc['importer'];
    file?: string;
    sha256?: string;
    quirks: SourceQuirk[];
    /** The operation is documented but its WSDL binding lacks it. */
    documentedOnly?: boolean;
  };
}

export interface Fault {
  name: ExpandedName;
  written: string;
  type?: ExpandedName;
  description?: string;
}

/** A problem found while loading or linting contracts. Positions are 1-based. */
export interface ContractProblem {
  file: string;
  line?: number;
  column?: number;
  /** JSON pointer into the YAML document, e.g. `/request/body/fields/0/type`. */
  pointer?: string;
  /** Stable code: `yaml`, `schema`, `unresolved-type`, `undeclared-prefix`, `duplicate-operation`, `io`, … */
  code: string;
  message: string;
}

/**
 * An expectation about messages, as written — in a contract (that operation) or a types file (every
 * contract using it): an XPath 1.0 test and the finding's message. `failWhen` gives a finding when
 * the test is true, `assert` when it is false (exactly one of them).
 */
export interface ExpectationDoc {
  /** Stable name, shown at the start of the finding, e.g. `call-succeeded`. */
  id: string;
  /** Which messages: `response` (default), `request` or `both`. */
  applies?: 'request' | 'response' | 'both';
  assert?: string;
  failWhen?: string;
  /** The finding's message; `{xpath}` is replaced by the string value of that XPath (bounded), `{{`/`}}` write braces. */
  message: string;
  /** `error` (default) or `warn`. */
  severity?: 'error' | 'warn';
  description?: string;
  /** Prefixes of its own (over the file's): an expectation that carries them can be copied between files unchanged. */
  namespaces?: Record<string, string>;
}

/** A resolved expectation: prefixes of the file it is written in, plus `env` for the message's envelope namespace. */
export interface Expectation {
  id: string;
  applies: 'request' | 'response' | 'both';
  /** The XPath test. */
  test: string;
  /** True: a finding when the test is true (`failWhen`); false: when it is false (`assert`). */
  failWhen: boolean;
  message: string;
  severity: 'error' | 'warn';
  /** Prefix → URI for the XPaths (the file's namespaces; `env` = the message's envelope namespace unless the file binds it). */
  namespaces: Readonly<Record<string, string>>;
  /** File the expectation is written in. */
  file: string;
  description?: string;
}
