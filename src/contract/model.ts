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
  fields?: FieldDoc[];
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

/** A named type in a types file, as written. Complex when it has `fields`; simple otherwise. */
export interface TypeDefDoc {
  description?: string;
  /** Complex type: its children, in sequence order. */
  fields?: FieldDoc[];
  /** Simple type: the XSD built-in it restricts; absent = lexical space unknown (anything accepted). */
  base?: string;
  /** Simple type: allowed values. */
  enum?: string[];
  /** False when `enum` lists only the values seen in examples (the full set is unknown). Default true. */
  enumComplete?: boolean;
  /** Simple type: a whitespace-separated list of enum values (flags), e.g. `Read Write`. */
  list?: boolean;
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
  };
  /** Prefix → namespace URI for every QName in this file. */
  namespaces: Record<string, string>;
  /** Path of the types file, relative to this file. Default: `types.yaml` beside it, if present. */
  types?: string;
  request: MessageDoc;
  response: MessageDoc;
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
  /** Inline complex content. */
  fields?: Field[];
  minOccurs: number;
  /** Infinity for unbounded. */
  maxOccurs: number;
  nillable: boolean;
  example?: string;
  description?: string;
  secret: boolean;
}

export interface ComplexTypeDef {
  kind: 'complex';
  name: ExpandedName;
  written: string;
  description?: string;
  fields: Field[];
}

export interface SimpleTypeDef {
  kind: 'simple';
  name: ExpandedName;
  written: string;
  description?: string;
  /** XSD built-in base (namespace http://www.w3.org/2001/XMLSchema); absent = unknown lexical space. */
  base?: ExpandedName;
  enum?: string[];
  enumComplete: boolean;
  list: boolean;
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
  types: TypeRegistry;
  /** Types file the registry came from, if any. */
  typesFile?: string;
  source?: {
    importer: SourceDoc['importer'];
    file?: string;
    sha256?: string;
    quirks: SourceQuirk[];
  };
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
