/**
 * Namespace maps (src/contract/namespace-map.ts): parsing `old=new`, moving an action and an endpoint path, and moving
 * a whole contract so that what the old contract builds is what the new version's contract accepts, and the other way.
 */
import { describe, expect, it } from 'vitest';
import { resolveContract } from '../../src/contract/load.ts';
import type { Contract, ContractDoc, TypesDoc } from '../../src/contract/model.ts';
import {
  mapAction,
  mapContracts,
  mapEndpointPath,
  namespacesOf,
  NamespaceMapError,
  parseNamespaceMap,
} from '../../src/contract/namespace-map.ts';
import { checkMessage, compileContract } from '../../src/checks/index.ts';
import { buildMessage } from '../../src/soap/build.ts';

const V1 = 'http://example.test/api/V1';
const V2 = 'http://example.test/api/V2';
const ARRAYS = 'http://example.test/arrays';
const XSD = 'http://www.w3.org/2001/XMLSchema';

/** One operation of version `v` (namespace V1 or V2): a header block, a derived type, a wildcard, a fault, an expectation. */
function version(v: 'V1' | 'V2', extra: Partial<ContractDoc> = {}): Contract {
  const ns = v === 'V1' ? V1 : V2;
  const types: TypesDoc = {
    soapcheck: 1,
    kind: 'types',
    version: v,
    namespaces: { t: ns, a: ARRAYS, xsd: XSD },
    types: {
      't:Base': { fields: [{ name: 't:Id', type: 'xsd:int', example: '7' }] },
      't:Item': { extends: 't:Base', fields: [{ name: 't:Tags', type: 'a:ArrayOfstring' }, { name: 't:Kind', type: 't:Kind' }] },
      't:Kind': { base: 'xsd:string', enum: ['a', 'b'] },
      'a:ArrayOfstring': { fields: [{ name: 'a:string', type: 'xsd:string', minOccurs: 0, maxOccurs: 'unbounded', example: 'x' }] },
    },
  };
  const doc: ContractDoc = {
    soapcheck: 1,
    kind: 'operation',
    service: 'Shop',
    version: v,
    operation: 'SaveItem',
    endpoint: `Remote/${v}/Shop.svc`,
    soap: { version: '1.2', action: `${ns}/Shop/SaveItem` },
    namespaces: { t: ns, a: ARRAYS, xsd: XSD },
    request: {
      headers: [{ name: 't:Credentials', fields: [{ name: 't:Ticket', type: 'xsd:string', example: 'tk' }] }],
      body: { name: 't:SaveItem', fields: [{ name: 't:Item', type: 't:Item' }, { any: true, namespace: `${ns} ${ARRAYS}`, minOccurs: 0 }] },
    },
    response: { body: { name: 't:SaveItemResponse', fields: [{ name: 't:Response', type: 't:Item' }] } },
    faults: [{ name: 't:ShopFault' }],
    expectations: [{ id: 'saved', assert: 'count(//t:Response) = 1', message: 'no t:Response' }],
    schemas: [],
    ...extra,
  };
  const { contract, problems } = resolveContract(doc, `${v}/SaveItem.yaml`, { doc: types, file: `${v}/types.yaml` });
  if (!contract) throw new Error(`bad fixture: ${JSON.stringify(problems)}`);
  return contract;
}

const MAP = new Map([[V1, V2]]);
const errorsOf = (c: Contract, direction: 'request' | 'response', body: string) =>
  checkMessage(compileContract(c), { direction, body }, { profile: 'strict' }).findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}: ${f.message}`);

describe('parseNamespaceMap', () => {
  it('reads old=new pairs (repeated, the same pair twice is fine; spaces around are trimmed)', () => {
    expect([...parseNamespaceMap([`${V1}=${V2}`, ` ${V1} = ${V2} `, 'urn:a=urn:b'])]).toEqual([[V1, V2], ['urn:a', 'urn:b']]);
  });

  it.each([
    ['no =', V1, /expected old-uri=new-uri/],
    ['nothing before =', `=${V2}`, /expected old-uri=new-uri/],
    ['nothing after =', `${V1}=`, /expected old-uri=new-uri/],
    ['mapped to itself', `${V1}=${V1}`, /is mapped to itself/],
  ])('refuses %s', (_, opt, message) => {
    expect(() => parseNamespaceMap([opt])).toThrow(NamespaceMapError);
    expect(() => parseNamespaceMap([opt])).toThrow(message);
  });

  it('refuses an old namespace mapped to two new ones', () => {
    expect(() => parseNamespaceMap([`${V1}=${V2}`, `${V1}=urn:other`])).toThrow(/is mapped twice/);
  });
});

describe('mapAction and mapEndpointPath', () => {
  it('moves an action by the longest mapped namespace that starts it', () => {
    const map = new Map([['http://example.test/api', 'urn:wrong'], [V1, V2]]);
    expect(mapAction(map, `${V1}/Shop/SaveItem`)).toBe(`${V2}/Shop/SaveItem`);
    expect(mapAction(map, 'urn:unrelated/SaveItem')).toBe('urn:unrelated/SaveItem');
  });

  it.each([
    ['the version segment the namespaces differ in', MAP, 'Remote/V1/Shop.svc', 'Remote/V2/Shop.svc'],
    ['SuperOffice: Services86 → Services88', new Map([['http://www.superoffice.net/ws/crm/NetServer/Services86', 'http://www.superoffice.net/ws/crm/NetServer/Services88']]), 'Remote/Services86/User.svc', 'Remote/Services88/User.svc'],
    ['whole segments only', MAP, 'Remote/V10/V1x.svc', 'Remote/V10/V1x.svc'],
    ['namespaces of different shapes move no segment', new Map([['urn:v1', 'urn:a:v2']]), 'Remote/v1/Shop.svc', 'Remote/v1/Shop.svc'],
    ['a segment two maps move differently stays', new Map([[`${V1}/x`, `${V2}/x`], [`${V1}/y`, 'http://example.test/api/V3/y']]), 'Remote/V1/Shop.svc', 'Remote/V1/Shop.svc'],
  ])('endpoint path: %s', (_, map, from, to) => {
    expect(mapEndpointPath(map, from)).toBe(to);
  });
});

describe('mapContracts', () => {
  const old = version('V1');
  const now = version('V2');
  const [{ contract: moved, replay }] = mapContracts([old], new Map([...MAP, ['urn:not-used', 'urn:still-not-used']]));

  it('leaves no name in the old namespace, and the others where they were', () => {
    expect([...namespacesOf(old)].sort()).toEqual([ARRAYS, V1, XSD].sort());
    expect([...namespacesOf(moved!)].sort()).toEqual([ARRAYS, V2, XSD].sort());
    expect([...moved!.types.keys()].sort()).toEqual([...now.types.keys()].sort());
    expect([...(moved!.types.get(`{${V2}}Base`)!.derived)]).toEqual([`{${V2}}Item`]);
    expect(moved!.faults.map((f) => f.name)).toEqual([{ ns: V2, local: 'ShopFault' }]);
    expect(moved!.expectations[0]!.namespaces['t']).toBe(V2);
  });

  it('moves the action and the endpoint path, drops the old .xsd files, and says which mappings it used', () => {
    expect(moved!.action).toBe(`${V2}/Shop/SaveItem`);
    expect(moved!.endpoint).toBe('Remote/V2/Shop.svc');
    expect(replay).toEqual({ namespaces: { [V1]: V2 }, action: `${V2}/Shop/SaveItem`, endpoint: 'Remote/V2/Shop.svc' });
    const withSchemas = mapContracts([{ ...old, schemas: ['V1/SaveItem.xsd'] }], MAP)[0]!.contract;
    expect(withSchemas.schemas).toEqual([]);
  });

  it("builds, from the old contract, a request the new version's contract accepts", () => {
    const request = buildMessage(moved!, 'request');
    expect(errorsOf(now, 'request', request)).toEqual([]);
    // The control: unmoved, the new version refuses it.
    expect(errorsOf(now, 'request', buildMessage(old, 'request')).length).toBeGreaterThan(0);
  });

  it("accepts the new version's response, checked against the old contract moved", () => {
    const response = buildMessage(now, 'response');
    expect(errorsOf(moved!, 'response', response)).toEqual([]);
    expect(errorsOf(old, 'response', response).length).toBeGreaterThan(0);
  });

  it('moves shared types once: contracts of one types file share the moved registry', () => {
    const two = mapContracts([old, { ...old, operation: 'Other' }], MAP);
    expect(two[0]!.contract.types).toBe(two[1]!.contract.types);
  });
});
