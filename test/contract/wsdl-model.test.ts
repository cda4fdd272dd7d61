/**
 * The parts of the contract format a WSDL needs: derivation, groups, wildcards, attributes,
 * simple content, lists and facets, faults, binding facts, schemas, documented-only operations.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isDerivedFrom } from '../../src/contract/derivation.ts';
import { loadContracts, resolveContract } from '../../src/contract/load.ts';
import type { ComplexTypeDef, ContractDoc, Group, SimpleTypeDef, TypesDoc } from '../../src/contract/model.ts';
import { isGroup, isWildcard } from '../../src/contract/particles.ts';
import { XSD_NS } from '../../src/xml/qname.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const DEMO8 = join(REPO_ROOT, 'test', 'fixtures', 'contracts', 'wsdl', 'Demo8');
const NS = 'http://example.test/ws/Demo8';
const g = (local: string) => ({ ns: NS, local });
const xsd = (local: string) => ({ ns: XSD_NS, local });

async function demo8() {
  const out = await loadContracts([DEMO8]);
  expect(out.problems).toEqual([]);
  const c = out.contracts[0]!;
  const type = <T>(local: string) => c.types.get(`{${NS}}${local}`) as T;
  return { c, type };
}

describe('a WSDL-shaped contract and types file', () => {
  it('puts the base fields first in an extension, and keeps the own group apart', async () => {
    const { type } = await demo8();
    const gadget = type<ComplexTypeDef>('GadgetEntity');
    expect(gadget).toMatchObject({ base: g('Carrier'), derivation: 'extension', abstract: false });
    expect(gadget.fields.map((f) => f.name.local)).toEqual(['TableRight', 'GadgetId', 'Label', 'Code']);
    const kinds = gadget.content.particles.map((p) => (isGroup(p) ? p.group : isWildcard(p) ? `any ${p.namespace} ${p.processContents} ${p.maxOccurs}` : p.name.local));
    expect(kinds).toEqual(['TableRight', 'GadgetId', 'choice', `any ##other skip ${Infinity}`]);
    expect((gadget.content.particles[3] as { targetNamespace: string }).targetNamespace).toBe(NS);
    expect(gadget.own.particles).toHaveLength(3);
    expect(gadget.attributes).toEqual([{ name: { ns: '', local: 'version' }, written: 'version', type: xsd('int'), use: 'required' }]);
    expect(type<ComplexTypeDef>('Carrier').abstract).toBe(true);
  });

  it('takes a restriction\'s fields as its full content', async () => {
    const { type } = await demo8();
    const small = type<ComplexTypeDef>('SmallGadget');
    expect(small).toMatchObject({ base: g('GadgetEntity'), derivation: 'restriction' });
    expect(small.fields.map((f) => f.name.local)).toEqual(['TableRight', 'GadgetId', 'Code']);
    // Attributes not redeclared are inherited.
    expect(small.attributes.map((a) => a.written)).toEqual(['version']);
  });

  it('knows every type derived from a type, directly or not', async () => {
    const { c, type } = await demo8();
    expect([...type<ComplexTypeDef>('Carrier').derived].sort()).toEqual([`{${NS}}GadgetEntity`, `{${NS}}SmallGadget`]);
    expect(isDerivedFrom(c.types, g('SmallGadget'), g('Carrier'))).toBe(true);
    expect(isDerivedFrom(c.types, g('Carrier'), g('GadgetEntity'))).toBe(false);
    expect(isDerivedFrom(c.types, g('Gadgets'), g('Carrier'))).toBe(false);
    expect(isDerivedFrom(c.types, g('Gadgets'), xsd('anyType'))).toBe(true);
    expect(isDerivedFrom(c.types, xsd('int'), xsd('anyType'))).toBe(true);
    expect(isDerivedFrom(c.types, xsd('short'), xsd('long'))).toBe(true);
    expect(isDerivedFrom(c.types, xsd('long'), xsd('short'))).toBe(false);
    expect(isDerivedFrom(c.types, g('Label'), xsd('string'))).toBe(true);
    expect(isDerivedFrom(c.types, g('Label'), xsd('anySimpleType'))).toBe(true);
    expect(isDerivedFrom(c.types, g('Gadgets'), xsd('anySimpleType'))).toBe(false);
  });

  it('reads simple content, all groups, lists with an item type, and facets', async () => {
    const { type } = await demo8();
    expect(type<ComplexTypeDef>('Money')).toMatchObject({ simpleContent: xsd('decimal'), fields: [], attributes: [{ written: 'currency', type: g('Currency'), use: 'optional', default: 'EUR' }] });
    expect(type<ComplexTypeDef>('Gadgets').content.group).toBe('all');
    expect(type<SimpleTypeDef>('ETableRight')).toMatchObject({ list: true, itemType: g('ETableRightFlag'), base: xsd('string'), enum: ['Read', 'Update', 'Delete'], enumComplete: true });
    expect(type<SimpleTypeDef>('Label')).toMatchObject({ base: xsd('string'), facets: { minLength: 1, maxLength: 40 } });
    expect(type<SimpleTypeDef>('Currency').facets).toEqual({ pattern: '[A-Z]{3}' });
  });

  it('reads binding facts, optional header blocks, faults, schemas', async () => {
    const { c } = await demo8();
    expect(c).toMatchObject({ soapVersion: '1.1', actionSource: 'wsdl', binding: 'BasicHttpBinding_Gadget', style: 'document', use: 'literal' });
    expect(c.request.headers[0]).toMatchObject({ minOccurs: 0, name: g('Credentials') });
    expect(c.response.headers[0]!.fields!.map((f) => f.name.local)).toEqual(['Succeeded']);
    expect(c.faults).toEqual([{ name: g('GadgetFault'), written: 'G:GadgetFault', description: 'The gadget could not be read.' }]);
    expect(c.schemas).toEqual([join(DEMO8, 'Demo8.xsd')]);
    expect(c.source).toMatchObject({ importer: 'wsdl', file: 'Demo8.wsdl' });
    expect(c.source!.documentedOnly).toBeUndefined();
  });
});

// In-memory documents for the problem cases.
const TYPES = (types: TypesDoc['types']): TypesDoc => ({ soapcheck: 1, kind: 'types', version: 'V', namespaces: { t: 'urn:t', xsd: XSD_NS }, types });
const CONTRACT = (extra: Partial<ContractDoc> = {}): ContractDoc => ({
  soapcheck: 1, kind: 'operation', service: 'S', version: 'V', operation: 'Op', endpoint: 'S.svc',
  soap: { version: '1.1', action: 'urn:t/Op' }, namespaces: { t: 'urn:t', xsd: XSD_NS },
  request: { body: { name: 't:Op' } }, response: { body: { name: 't:OpResponse' } }, ...extra,
});
const problemsOf = (types: TypesDoc['types'], extra: Partial<ContractDoc> = {}) =>
  resolveContract(CONTRACT(extra), 'c.yaml', { doc: TYPES(types), file: 'types.yaml' }).problems.map((p) => [p.code, p.pointer]);

describe('problems in WSDL-shaped types', () => {
  it.each<[string, TypesDoc['types'], [string, string][]]>([
    ['no problem in a valid extension chain', { 't:A': { fields: [] }, 't:B': { extends: 't:A' }, 't:C': { extends: 't:B', abstract: true } }, []],
    ['a derivation cycle', { 't:A': { extends: 't:B' }, 't:B': { extends: 't:A' } }, [['derivation-cycle', '/types/t:A/extends']]],
    ['extending a simple type', { 't:S': { base: 'xsd:string' }, 't:A': { extends: 't:S' } }, [['type-kind', '/types/t:A/extends']]],
    ['restricting an undefined type', { 't:A': { restricts: 't:Nope' } }, [['unresolved-type', '/types/t:A/restricts']]],
    ['both extends and restricts', { 't:A': { fields: [] }, 't:B': { extends: 't:A', restricts: 't:A' } }, [['schema', '/types/t:B/restricts']]],
    ['an attribute of complex type', { 't:A': { fields: [] }, 't:B': { attributes: [{ name: 'x', type: 't:A' }] } }, [['type-kind', '/types/t:B/attributes/0/type']]],
    ['a simple base that is complex', { 't:A': { fields: [] }, 't:S': { base: 't:A' } }, [['type-kind', '/types/t:S/base']]],
    ['complex and simple keys together', { 't:A': { attributes: [], enum: ['x'] } }, [['type-and-fields', '/types/t:A/enum']]],
    ['an itemType without list', { 't:S': { itemType: 'xsd:int' } }, [['schema', '/types/t:S/itemType']]],
    ['a list with nothing to list', { 't:S': { list: true } }, [['schema', '/types/t:S/list']]],
    ['simple content with element fields', { 't:A': { simpleContent: 'xsd:string', fields: [{ name: 't:x' }] } }, [['type-and-fields', '/types/t:A/fields']]],
    ['a choice whose minOccurs exceeds its maxOccurs', { 't:A': { fields: [{ choice: [{ name: 't:x' }], minOccurs: 2, maxOccurs: 1 }] } }, [['occurs', '/types/t:A/fields/0/minOccurs']]],
    ['an undefined type inside a choice', { 't:A': { fields: [{ choice: [{ sequence: [{ name: 't:x', type: 't:Nope' }] }] }] } }, [['unresolved-type', '/types/t:A/fields/0/choice/0/sequence/0/type']]],
  ])('%s', (_, types, expected) => {
    expect(problemsOf(types)).toEqual(expected);
  });

  it('inherits enum and facets from a named simple base, its own facets winning', () => {
    const r = resolveContract(CONTRACT(), 'c.yaml', { doc: TYPES({ 't:A': { base: 'xsd:string', enum: ['a', 'b'], maxLength: 5, pattern: '[ab]' }, 't:B': { base: 't:A', maxLength: 1 } }), file: 'types.yaml' });
    expect(r.problems).toEqual([]);
    expect(r.contract!.types.get('{urn:t}B')).toMatchObject({ base: xsd('string'), restricts: { ns: 'urn:t', local: 'A' }, enum: ['a', 'b'], facets: { maxLength: 1, pattern: '[ab]' } });
    expect([...r.contract!.types.get('{urn:t}A')!.derived]).toEqual(['{urn:t}B']);
  });

  it('resolves faults and reports an undeclared prefix in one', () => {
    expect(problemsOf({}, { faults: [{ name: 'nope:F' }] })).toEqual([['undeclared-prefix', '/faults/0/name']]);
    expect(problemsOf({}, { faults: [{ name: 't:F', type: 't:Missing' }] })).toEqual([['unresolved-type', '/faults/0/type']]);
  });

  it('resolves inline groups, wildcards and attributes of a body field', () => {
    const r = resolveContract(CONTRACT({ request: { body: { name: 't:Op', content: 'choice', fields: [{ name: 't:a' }, { any: true }], attributes: [{ name: 't:id', use: 'required' }] } } }), 'c.yaml');
    expect(r.problems).toEqual([]);
    const body = r.contract!.request.body;
    expect((body.content as Group).group).toBe('choice');
    expect(body.fields!.map((f) => f.written)).toEqual(['t:a']);
    expect(body.content!.particles[1]).toEqual({ any: true, namespace: '##any', targetNamespace: 'urn:t', processContents: 'lax', minOccurs: 1, maxOccurs: 1 });
    expect(body.attributes).toEqual([{ name: { ns: 'urn:t', local: 'id' }, written: 't:id', use: 'required' }]);
  });
});

describe('schema errors inside groups', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soapcheck-wsdl-model-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const lintText = async (name: string, text: string) => {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'types.yaml'), text);
    return (await loadContracts([join(dir, name, 'types.yaml')])).problems.map((p) => `${p.line}:${p.column} ${p.code} ${p.message}`);
  };

  it('names a misspelt key of a field inside a choice with its position', async () => {
    const problems = await lintText('a', 'soapcheck: 1\nkind: types\nversion: V\nnamespaces: { t: "urn:t" }\ntypes:\n  t:A:\n    fields:\n      - choice:\n          - { name: t:x, minOccur: 0 }\n');
    expect(problems).toEqual(['9:26 schema unknown key `minOccur` in `types.t:A.fields[0].choice[0]`; allowed: name, type, fields, content, attributes, anyAttribute, minOccurs, maxOccurs, nillable, example, description, secret']);
  });

  it('names a wrong processContents of a wildcard', async () => {
    const problems = await lintText('b', 'soapcheck: 1\nkind: types\nversion: V\nnamespaces: { t: "urn:t" }\ntypes:\n  t:A:\n    fields:\n      - { any: true, processContents: loose }\n');
    expect(problems).toEqual(['8:39 schema `types.t:A.fields[0].processContents` must be one of strict, lax, skip — got "loose"']);
  });

  it('reports a schemas entry that names no file', async () => {
    mkdirSync(join(dir, 'c'));
    writeFileSync(join(dir, 'c', 'Op.yaml'), 'soapcheck: 1\nkind: operation\nservice: S\nversion: V\noperation: Op\nendpoint: S.svc\nsoap: { version: "1.1", action: "urn:a" }\nnamespaces: {}\nschemas: [missing.xsd]\nrequest: { body: { name: Op } }\nresponse: { body: { name: OpResponse } }\n');
    const out = await loadContracts([join(dir, 'c')]);
    expect(out.problems.map((p) => [p.code, p.line, p.pointer])).toEqual([['io', 9, '/schemas/0']]);
  });
});
