/**
 * Messages built from a contract imported from a WSDL: xsi:type only where the schema needs it,
 * optional fields only when something gives them content, nil where nillable and nothing given —
 * and the result checks clean against its own contract.
 */
import { describe, expect, it } from 'vitest';
import type { Contract, Field } from '../../src/contract/model.ts';
import { buildMessage } from '../../src/soap/build.ts';
import { checkMessage, compileContract } from '../../src/checks/index.ts';
import { attribute, childElements, parseXml, textContent, XSI_NS, type XElement } from '../../src/xml/index.ts';
import { f, makeContract, type ContractSpec } from '../checks/support/contract.ts';

function wsdl(spec: ContractSpec): Contract {
  return { ...makeContract(spec), source: { importer: 'wsdl', quirks: [] } };
}

const ex = (field: Field, example: string): Field => ({ ...field, example });

const spec: ContractSpec = {
  request: { body: f('t:SaveThing', { fields: [f('t:Thing', { type: 't:Thing', min: 0, nillable: true }), ex(f('t:Mode', { type: 'xsd:int', min: 0 }), '3')] }) },
  response: { body: f('t:SaveThingResponse', { fields: [f('t:Result', { type: 't:Thing', min: 0, nillable: true }), f('t:Extra', { type: 't:Bare', min: 0 })] }) },
  types: {
    't:Bare': { fields: [f('t:Flag', { type: 'xsd:boolean' })] },
    't:Thing': {
      fields: [
        ex(f('t:Id', { type: 'xsd:int', min: 0 }), '7'),
        f('t:Name', { type: 'xsd:string', min: 0, nillable: true }),
        f('t:Note', { type: 'xsd:string', nillable: true }),
        f('t:Count', { type: 'xsd:int' }),
        ex(f('t:Value', { type: 'xsd:anyType', min: 0, nillable: true }), '12'),
        f('t:Child', { type: 't:Thing', min: 0, nillable: true }),
      ],
    },
  },
};

function root(xml: string): XElement {
  const r = parseXml(xml);
  if (!r.ok) throw new Error(r.message);
  return r.doc.root;
}
const kids = (el: XElement) => childElements(el);
const at = (el: XElement, ...names: string[]): XElement => names.reduce((e, n) => kids(e).find((k) => k.local === n)!, el);
const hasAttr = (el: XElement, local: string) => attribute(el, XSI_NS, local) !== undefined;

describe('buildMessage for a WSDL contract', () => {
  const c = wsdl(spec);

  it('writes optional fields only when an example or value gives them content, a required nillable one as nil', () => {
    const env = root(buildMessage(c, 'request'));
    const op = at(env, 'Body', 'SaveThing');
    expect(kids(op).map((e) => e.local)).toEqual(['Thing', 'Mode']);
    const thing = at(op, 'Thing');
    // Id and Value have examples; Name (optional, nothing given) and Child are left out;
    // Note is required and nillable: nil; Count required, not nillable: a sample.
    expect(kids(thing).map((e) => e.local)).toEqual(['Id', 'Note', 'Count', 'Value']);
    expect(attribute(at(thing, 'Note'), XSI_NS, 'nil')?.value).toBe('true');
    expect(textContent(at(thing, 'Count'))).toBe('0');
  });

  it('writes xsi:type only on a value in an anyType field', () => {
    const env = root(buildMessage(c, 'request'));
    const thing = at(env, 'Body', 'SaveThing', 'Thing');
    expect(hasAttr(thing, 'type')).toBe(false);
    expect(hasAttr(at(thing, 'Id'), 'type')).toBe(false);
    expect(attribute(at(thing, 'Value'), XSI_NS, 'type')?.value).toBe('xsd:string');
  });

  it('writes an optional field that a value below it names, and nil for a null value', () => {
    const env = root(buildMessage(c, 'request', { values: { 'SaveThing.Thing.Child.Name': 'kid', 'SaveThing.Thing.Id': null } }));
    const thing = at(env, 'Body', 'SaveThing', 'Thing');
    expect(textContent(at(thing, 'Child', 'Name'))).toBe('kid');
    expect(attribute(at(thing, 'Id'), XSI_NS, 'nil')?.value).toBe('true');
  });

  it('writes an optional field whose type has examples, and leaves out one whose type has none', () => {
    const env = root(buildMessage(c, 'response'));
    expect(kids(at(env, 'Body', 'SaveThingResponse')).map((e) => e.local)).toEqual(['Result']);
    const given = root(buildMessage(c, 'response', { values: { 'SaveThingResponse.Extra.Flag': 'true' } }));
    expect(textContent(at(given, 'Body', 'SaveThingResponse', 'Extra', 'Flag'))).toBe('true');
  });

  it('builds messages that check clean against their own contract in the strict profile', () => {
    const plan = compileContract(c);
    for (const direction of ['request', 'response'] as const) {
      for (const values of [{}, { 'SaveThing.Thing.Child.Name': 'kid' }] as Array<Record<string, string>>) {
        const body = buildMessage(c, direction, { values });
        expect(checkMessage(plan, { direction, body }, { profile: 'strict' }).findings).toEqual([]);
      }
    }
  });

  it('keeps every field and xsi:type for contracts not imported from a WSDL', () => {
    const docs = makeContract(spec);
    const thing = at(root(buildMessage(docs, 'request')), 'Body', 'SaveThing', 'Thing');
    expect(kids(thing).map((e) => e.local)).toEqual(['Id', 'Name', 'Note', 'Count', 'Value', 'Child']);
    expect(attribute(thing, XSI_NS, 'type')?.value).toBe('t:Thing');
  });
});
