import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContracts, resolveContract } from '../../src/contract/load.ts';
import type { Contract, ContractDoc, FieldDoc } from '../../src/contract/model.ts';
import { buildBodyElement, buildMessage, MessageTooLargeError } from '../../src/soap/build.ts';
import { attribute, childElements, parseXml, resolveQName, SOAP11_ENV_NS, SOAP12_ENV_NS, textContent, XSI_NS, type XElement } from '../../src/xml/index.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const FIX = join(REPO_ROOT, 'test', 'fixtures', 'contracts');
const G = 'http://example.test/ws/Demo7';
const ARR = 'http://example.test/serialization/Arrays';

let gadget: Contract;
let ping: Contract;

beforeAll(async () => {
  const out = await loadContracts([join(FIX, 'valid'), join(FIX, 'walk')]);
  expect(out.problems).toEqual([]);
  gadget = out.contracts.find((c) => c.operation === 'SaveGadget')!;
  ping = out.contracts.find((c) => c.operation === 'PingWidget')!;
});

function parse(xml: string): XElement {
  const r = parseXml(xml);
  if (!r.ok) throw new Error(`built XML does not parse: ${r.message} at ${r.line}:${r.column}\n${xml}`);
  return r.doc.root;
}

const names = (els: XElement[]) => els.map((e) => `{${e.ns}}${e.local}`);
const child = (el: XElement, local: string) => childElements(el).find((c) => c.local === local)!;
const xsiType = (el: XElement) => {
  const a = attribute(el, XSI_NS, 'type');
  return a ? resolveQName(a.value, el.scope) : undefined;
};

describe('buildMessage', () => {
  it('writes a SOAP 1.2 envelope with header blocks inside Header and the body element in Body', () => {
    const env = parse(buildMessage(gadget, 'request'));
    expect([env.ns, env.local]).toEqual([SOAP12_ENV_NS, 'Envelope']);
    expect(names(childElements(env))).toEqual([`{${SOAP12_ENV_NS}}Header`, `{${SOAP12_ENV_NS}}Body`]);
    const [header, body] = childElements(env);
    expect(names(childElements(header!))).toEqual([`{${G}}ApplicationToken`, `{${G}}Credentials`]);
    expect(names(childElements(body!))).toEqual([`{${G}}SaveGadget`]);
  });

  it('writes a SOAP 1.1 envelope without a Header when the message has no header blocks', () => {
    const env = parse(buildMessage(ping, 'request'));
    expect(env.ns).toBe(SOAP11_ENV_NS);
    expect(childElements(env).map((e) => e.local)).toEqual(['Body']);
    const req = parse(buildMessage(gadget, 'response'));
    expect(childElements(req).map((e) => e.local)).toEqual(['Body']);
  });

  it('writes fields in contract order with values, else examples, else samples', () => {
    const env = parse(buildMessage(gadget, 'request', { values: { 'SaveGadget.Gadget.Label': 'given', 'Credentials.Ticket': 'T-1' } }));
    const op = child(child(env, 'Body'), 'SaveGadget');
    expect(childElements(op).map((e) => e.local)).toEqual(['Gadget', 'Overwrite', 'Count']);
    const g = child(op, 'Gadget');
    expect(childElements(g).map((e) => e.local)).toEqual(['GadgetId', 'Label', 'Colour', 'Tags', 'Parent', 'Created']);
    expect(textContent(child(g, 'Label'))).toBe('given');
    expect(textContent(child(g, 'GadgetId'))).toBe('42');
    expect(textContent(child(op, 'Count'))).toBe('07');
    expect(textContent(child(child(child(env, 'Header'), 'Credentials'), 'Ticket'))).toBe('T-1');
    // Array: one item, in the array namespace that only the types file declares.
    const tags = childElements(child(g, 'Tags'));
    expect(names(tags)).toEqual([`{${ARR}}string`]);
    expect(textContent(tags[0]!)).toBe('one');
  });

  it('writes xsi:type resolving to the declared type, whatever prefixes contract and types file use', () => {
    const env = parse(buildMessage(gadget, 'request'));
    const op = child(child(env, 'Body'), 'SaveGadget');
    const g = child(op, 'Gadget');
    expect(xsiType(g)).toEqual({ ns: G, local: 'GadgetEntity' });
    expect(xsiType(child(g, 'Tags'))).toEqual({ ns: ARR, local: 'ArrayOfstring' });
    expect(xsiType(child(g, 'Colour'))).toEqual({ ns: G, local: 'Colour' });
    expect(xsiType(child(op, 'Overwrite'))).toEqual({ ns: 'http://www.w3.org/2001/XMLSchema', local: 'boolean' });
    // Not on the top elements (header blocks, body element), which are element declarations.
    expect(xsiType(op)).toBeUndefined();
  });

  it('leaves xsi:type out with xsiTypes: false', () => {
    const xml = buildMessage(gadget, 'request', { xsiTypes: false });
    expect(xml).not.toContain(':type=');
    expect(parse(xml).local).toBe('Envelope');
  });

  it('stops recursion: a type nested in itself twice, then nil for a nillable field', () => {
    const g = child(child(child(parse(buildMessage(gadget, 'request')), 'Body'), 'SaveGadget'), 'Gadget');
    const inner = child(g, 'Parent');
    expect(xsiType(inner)).toEqual({ ns: G, local: 'GadgetEntity' });
    const innermost = child(inner, 'Parent');
    expect(attribute(innermost, XSI_NS, 'nil')?.value).toBe('true');
    expect(childElements(innermost)).toEqual([]);
  });

  it('at the depth limit writes nillable fields nil, required ones empty', () => {
    const op = child(child(parse(buildMessage(gadget, 'request', { maxDepth: 1 })), 'Body'), 'SaveGadget');
    const g = child(op, 'Gadget');
    expect(childElements(g)).toEqual([]);
    expect(attribute(g, XSI_NS, 'nil')).toBeUndefined();
    const resp = child(child(parse(buildMessage(gadget, 'response', { maxDepth: 1 })), 'Body'), 'SaveGadgetResponse');
    expect(attribute(child(resp, 'Response'), XSI_NS, 'nil')?.value).toBe('true');
  });

  it('writes a null value as xsi:nil="true"', () => {
    const g = child(child(child(parse(buildMessage(gadget, 'request', { values: { 'SaveGadget.Gadget.Tags': null } })), 'Body'), 'SaveGadget'), 'Gadget');
    expect(attribute(child(g, 'Tags'), XSI_NS, 'nil')?.value).toBe('true');
    expect(childElements(child(g, 'Tags'))).toEqual([]);
  });

  it.each([
    ['markup', '</G:Label><G:Injected>x</G:Injected><G:Label>', '</G:Label><G:Injected>x</G:Injected><G:Label>'],
    ['entities and quotes', `a & b < c > d " e ' ]]>`, `a & b < c > d " e ' ]]>`],
    ['an entity reference', '&xxe;', '&xxe;'],
    ['control characters (dropped)', 'a\u0000b\u0007c', 'abc'],
    ['a carriage return (kept)', 'line1\r\nline2', 'line1\r\nline2'],
  ])('escapes hostile values: %s', (_name, value, expected) => {
    const g = child(child(child(parse(buildMessage(gadget, 'request', { values: { 'SaveGadget.Gadget.Label': value } })), 'Body'), 'SaveGadget'), 'Gadget');
    expect(childElements(g).map((e) => e.local)).toEqual(['GadgetId', 'Label', 'Colour', 'Tags', 'Parent', 'Created']);
    expect(textContent(child(g, 'Label'))).toBe(expected);
  });

  it('is deterministic', () => {
    expect(buildMessage(gadget, 'request')).toBe(buildMessage(gadget, 'request'));
  });
});

describe('buildMessage on a contract whose nested minOccurs multiply', () => {
  const field = (local: string, inner?: FieldDoc): FieldDoc => ({ name: `a:${local}`, minOccurs: 300, maxOccurs: 'unbounded', ...(inner ? { fields: [inner] } : { type: 'xsd:string' }) });
  const doc: ContractDoc = {
    soapcheck: 1, kind: 'operation', service: 'Bulk', version: 'Demo4', operation: 'Fill', endpoint: 'Remote/Demo4/Bulk.svc',
    soap: { version: '1.1', action: 'urn:fill' }, namespaces: { a: 'urn:a', xsd: 'http://www.w3.org/2001/XMLSchema' },
    // 300 × 300 × 300 = 27 million elements: more than memory holds as text.
    request: { body: { name: 'a:Fill', fields: [field('A', field('B', field('C')))] } },
    response: { body: { name: 'a:FillResponse' } },
  };

  // Bounded by count, not by a clock (the machine's load is not the code's): the build stops at the
  // 100,001st element instead of making 27 million; a build that did not stop ends at the test timeout.
  it('refuses it with an error naming the contract and the field, at the element bound', () => {
    const { contract } = resolveContract(doc, 'bulk.yaml');
    expect(() => buildMessage(contract!, 'request')).toThrow(MessageTooLargeError);
    expect(() => buildMessage(contract!, 'request')).toThrow(/request of Demo4 Bulk\.Fill \(bulk\.yaml\) would have more than 100000 elements.*Fill\.A\.B\.C, minOccurs 300/);
  });

  it('builds it when the limit allows (the limit is an option)', () => {
    const small: ContractDoc = { ...doc, request: { body: { name: 'a:Fill', fields: [field('A', field('B'))] } } };
    const { contract } = resolveContract(small, 'bulk.yaml');
    const env = parse(buildMessage(contract!, 'request', { maxElements: 100_000 }));
    const fill = child(child(env, 'Body'), 'Fill');
    expect(childElements(fill)).toHaveLength(300);
    expect(childElements(childElements(fill)[0]!)).toHaveLength(300);
  });
});

describe('buildBodyElement', () => {
  it('builds the body element alone with the namespaces it uses declared on it', () => {
    const el = parse(buildBodyElement(gadget, 'response'));
    expect([el.ns, el.local]).toEqual([G, 'SaveGadgetResponse']);
    expect(xsiType(child(el, 'Response'))).toEqual({ ns: G, local: 'GadgetEntity' });
    expect(names(childElements(child(child(el, 'Response'), 'Tags')))).toEqual([`{${ARR}}string`]);
  });
});

describe('buildMessage on the shipped contracts', () => {
  it('builds a well-formed request and response for every contract, in its SOAP version', async () => {
    const out = await loadContracts([join(REPO_ROOT, 'contracts')]);
    expect(out.problems).toEqual([]);
    for (const c of out.contracts) {
      for (const dir of ['request', 'response'] as const) {
        const env = parse(buildMessage(c, dir));
        expect(env.ns).toBe(c.soapVersion === '1.1' ? SOAP11_ENV_NS : SOAP12_ENV_NS);
        const body = childElements(env).at(-1)!;
        expect(names(childElements(body))).toEqual([`{${c[dir].body.name.ns}}${c[dir].body.name.local}`]);
        const header = childElements(env).find((e) => e.local === 'Header');
        // A WSDL contract's optional header blocks (all of SuperOffice's) are written only when given.
        const written = c[dir].headers.filter((h) => h.minOccurs > 0 || c.source?.importer !== 'wsdl');
        expect(header ? childElements(header).map((e) => e.local) : []).toEqual(written.map((h) => h.name.local));
      }
    }
  });
});
