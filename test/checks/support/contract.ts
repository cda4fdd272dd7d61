/**
 * Build resolved Contract objects in code for the checks' tests (no YAML, no loader).
 * Names are written `p:local` with the prefixes of NAMESPACES.
 */
import type { Contract, Expectation, Field, SoapVersion, TypeDef } from '../../../src/contract/model.ts';
import { complexTypeDef, simpleTypeDef } from '../../../src/contract/defs.ts';
import { XSD_NS, clark, type ExpandedName } from '../../../src/xml/qname.ts';

export const NS = 'urn:soapcheck:test:Services1';
export const NS_OLD = 'urn:soapcheck:test:Services0';
export const ARR_NS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
export const MS_NS = 'http://schemas.microsoft.com/2003/10/Serialization/';
export const NAMESPACES: Record<string, string> = { t: NS, xsd: XSD_NS, arr: ARR_NS, ms: MS_NS, old: NS_OLD };

export function qn(written: string): ExpandedName {
  const i = written.indexOf(':');
  if (i < 0) return { ns: '', local: written };
  const ns = NAMESPACES[written.slice(0, i)];
  if (ns === undefined) throw new Error(`test contract: unknown prefix in ${written}`);
  return { ns, local: written.slice(i + 1) };
}

export interface FieldSpec {
  type?: string;
  fields?: Field[];
  min?: number;
  max?: number;
  nillable?: boolean;
  secret?: boolean;
}

/** A field: `f('t:Name', { type: 'xsd:string' })`. */
export function f(written: string, spec: FieldSpec = {}): Field {
  return {
    name: qn(written),
    written,
    type: spec.type ? qn(spec.type) : undefined,
    fields: spec.fields,
    minOccurs: spec.min ?? 1,
    maxOccurs: spec.max ?? 1,
    nillable: spec.nillable ?? false,
    secret: spec.secret ?? false,
  };
}

export type TypeSpec =
  | { fields: Field[] }
  | { base?: string; enum?: string[]; enumComplete?: boolean; list?: boolean };

export interface ContractSpec {
  operation?: string;
  soap?: SoapVersion;
  action?: string;
  actionSource?: Contract['actionSource'];
  endpoint?: string;
  request?: { headers?: Field[]; body: Field };
  response?: { headers?: Field[]; body: Field };
  types?: Record<string, TypeSpec>;
  quirks?: Array<{ code: string; message: 'request' | 'response' }>;
  schemas?: string[];
  expectations?: Expectation[];
  /** The importer named in `source` (a WSDL contract knows every attribute its types have). */
  importer?: 'docs' | 'wsdl' | 'manual';
}

export function makeContract(spec: ContractSpec = {}): Contract {
  const op = spec.operation ?? 'GetThing';
  const types = new Map<string, TypeDef>();
  for (const [written, t] of Object.entries(spec.types ?? {})) {
    const name = qn(written);
    if ('fields' in t) types.set(clark(name), complexTypeDef(name, written, t.fields));
    else types.set(clark(name), simpleTypeDef(name, written, { base: t.base ? qn(t.base) : undefined, enum: t.enum, enumComplete: t.enumComplete ?? true, list: t.list ?? false }));
  }
  return {
    file: `test/${op}.yaml`,
    service: 'Thing',
    version: 'Services1',
    operation: op,
    endpoint: spec.endpoint ?? 'Remote/Services1/Thing.svc',
    soapVersion: spec.soap ?? '1.1',
    action: spec.action ?? `${NS}/Thing/${op}`,
    actionSource: spec.actionSource ?? 'documented',
    namespaces: NAMESPACES,
    request: { headers: spec.request?.headers ?? [], body: spec.request?.body ?? f(`t:${op}`, { fields: [] }) },
    response: { headers: spec.response?.headers ?? [], body: spec.response?.body ?? f(`t:${op}Response`, { fields: [] }) },
    faults: [],
    style: 'document',
    use: 'literal',
    schemas: spec.schemas ?? [],
    expectations: spec.expectations ?? [],
    types,
    source: spec.quirks || spec.importer ? { importer: spec.importer ?? 'manual', quirks: (spec.quirks ?? []).map((q) => ({ ...q, description: q.code, elements: [] })) } : undefined,
  };
}

const ENV_NS = { '1.1': 'http://schemas.xmlsoap.org/soap/envelope/', '1.2': 'http://www.w3.org/2003/05/soap-envelope' };

/**
 * A SOAP envelope around `body` (and `header` blocks inside soap:Header when given), with the
 * test prefixes declared on the Envelope. `raw` replaces everything between the Envelope tags.
 */
export function envelope(body: string, opts: { header?: string; version?: SoapVersion; raw?: string; decls?: string } = {}): string {
  const v = opts.version ?? '1.1';
  const decls = opts.decls ?? `xmlns:t="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="${XSD_NS}"`;
  const inner = opts.raw ?? `${opts.header !== undefined ? `\n <soap:Header>${opts.header}</soap:Header>` : ''}\n <soap:Body>${body}</soap:Body>\n`;
  return `<?xml version="1.0" encoding="utf-8"?>\n<soap:Envelope xmlns:soap="${ENV_NS[v]}" ${decls}>${inner}</soap:Envelope>`;
}
