/**
 * Fixture contracts for the diff's table tests, written in code: one operation of a made-up
 * service `Shop`, in namespace `http://example.test/v1` (prefix `t`) unless told otherwise.
 */
import type { Contract, FaultDoc, FieldDoc, SourceDoc, TypeDefDoc } from '../../../src/contract/model.ts';
import { resolveContract } from '../../../src/contract/load.ts';

export const NS1 = 'http://example.test/v1';
export const NS2 = 'http://example.test/v2';

export interface OpSpec {
  operation?: string;
  service?: string;
  ns?: string;
  soap?: '1.1' | '1.2';
  action?: string;
  endpoint?: string;
  requestHeaders?: FieldDoc[];
  responseHeaders?: FieldDoc[];
  request?: FieldDoc[];
  response?: FieldDoc[];
  /** Body element names, when not `<operation>` and `<operation>Response`. */
  requestBody?: string;
  responseBody?: string;
  types?: Record<string, TypeDefDoc>;
  source?: SourceDoc;
  faults?: FaultDoc[];
  style?: 'document' | 'rpc';
  use?: 'literal' | 'encoded';
}

/** A resolved contract; throws when the fixture itself is wrong. */
export function op(spec: OpSpec = {}): Contract {
  const operation = spec.operation ?? 'SaveThing';
  const ns = spec.ns ?? NS1;
  const { contract, problems } = resolveContract(
    {
      soapcheck: 1,
      kind: 'operation',
      service: spec.service ?? 'Shop',
      version: 'V',
      operation,
      endpoint: spec.endpoint ?? 'Remote/V/Shop.svc',
      soap: { version: spec.soap ?? '1.1', action: spec.action ?? `${ns}/Shop/${operation}`, ...(spec.style ? { style: spec.style } : {}), ...(spec.use ? { use: spec.use } : {}) },
      namespaces: { t: ns, xsd: 'http://www.w3.org/2001/XMLSchema' },
      request: { headers: spec.requestHeaders, body: { name: spec.requestBody ?? `t:${operation}`, fields: spec.request ?? [] } },
      response: { headers: spec.responseHeaders, body: { name: spec.responseBody ?? `t:${operation}Response`, fields: spec.response ?? [] } },
      ...(spec.source ? { source: spec.source } : {}),
      ...(spec.faults ? { faults: spec.faults } : {}),
    },
    `${operation}.yaml`,
    { doc: { soapcheck: 1, kind: 'types', version: 'V', namespaces: { t: ns, xsd: 'http://www.w3.org/2001/XMLSchema' }, types: spec.types ?? {} }, file: 'types.yaml' },
  );
  if (!contract) throw new Error(`bad fixture: ${JSON.stringify(problems)}`);
  return contract;
}

/** A field: `f('t:Id', 'xsd:int', { minOccurs: 0 })`. */
export function f(name: string, type?: string, more: Partial<FieldDoc> = {}): FieldDoc {
  return { name, ...(type ? { type } : {}), ...more };
}
