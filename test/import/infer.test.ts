import { describe, expect, it } from 'vitest';
import { inferMessage, isSecretName, type IField, type InferredMessage } from '../../src/import/docs/infer.ts';
import { parseXml } from '../../src/xml/index.ts';

const NS = 'urn:demo';
const ENV12 = 'http://www.w3.org/2003/05/soap-envelope';
const ENV11 = 'http://schemas.xmlsoap.org/soap/envelope/';

function envelope(inner: string, env = ENV12): string {
  return `<?xml version="1.0"?>
<S:Envelope xmlns:S="${env}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"
 xmlns:Arr="http://schemas.microsoft.com/2003/10/Serialization/Arrays" xmlns:Ser="http://schemas.microsoft.com/2003/10/Serialization/" xmlns:D="${NS}">
${inner}
</S:Envelope>`;
}

function infer(xml: string): InferredMessage {
  const p = parseXml(xml);
  if (!p.ok) throw new Error(p.message);
  const r = inferMessage(p.doc, 'test.md');
  if (!r.ok) throw new Error(r.reason);
  return r.message;
}

const body = (inner: string, env?: string) => infer(envelope(`<S:Body><D:Op>${inner}</D:Op></S:Body>`, env));
const field = (m: InferredMessage, i = 0): IField => m.body.fields![i]!;

describe('inferMessage', () => {
  it('reads the SOAP version from the Envelope namespace', () => {
    expect(body('').soapVersion).toBe('1.2');
    expect(body('', ENV11).soapVersion).toBe('1.1');
  });

  it('imports elements outside the Header as header blocks and records the quirk', () => {
    const m = infer(envelope('<D:ApplicationToken>t</D:ApplicationToken><D:Credentials><D:Ticket>x</D:Ticket></D:Credentials><S:Body><D:Op/></S:Body>'));
    expect(m.headers.map((h) => h.name.local)).toEqual(['ApplicationToken', 'Credentials']);
    expect(m.headers[1]!.fields!.map((f) => f.name.local)).toEqual(['Ticket']);
    expect(m.quirks).toHaveLength(1);
    expect(m.quirks[0]).toMatchObject({ code: 'header-blocks-outside-header', elements: [{ ns: NS, local: 'ApplicationToken' }, { ns: NS, local: 'Credentials' }] });
  });

  it('takes header blocks from a proper Header without a quirk', () => {
    const m = infer(envelope('<S:Header><D:Ticket>x</D:Ticket></S:Header><S:Body><D:Op/></S:Body>'));
    expect(m.headers.map((h) => h.name.local)).toEqual(['Ticket']);
    expect(m.quirks).toEqual([]);
  });

  it('types leaves from xsi:type and keeps their text as example', () => {
    const f = field(body('<D:Id xsi:type="xsd:int">42</D:Id>'));
    expect(f).toMatchObject({ name: { ns: NS, local: 'Id' }, type: { ns: 'http://www.w3.org/2001/XMLSchema', local: 'int' }, example: '42', minOccurs: 1, maxOccurs: 1, nillable: false });
  });

  it('keeps an empty element as an empty example', () => {
    expect(field(body('<D:Name xsi:type="xsd:string"></D:Name>')).example).toBe('');
  });

  it('marks xsi:nil elements nillable, without example', () => {
    const f = field(body('<D:Values xsi:nil="true"></D:Values>'));
    expect(f.nillable).toBe(true);
    expect(f.example).toBeUndefined();
    expect(f.type).toBeUndefined();
  });

  it('turns a complex element with a named type into a type observation, not inline fields', () => {
    const m = body('<D:Item xsi:type="D:Thing"><D:A xsi:type="xsd:int">1</D:A></D:Item>');
    expect(field(m).fields).toBeUndefined();
    expect(m.observations).toEqual([expect.objectContaining({ name: { ns: NS, local: 'Thing' }, kind: 'complex' })]);
    expect(m.observations[0]!.fields!.map((f) => f.name.local)).toEqual(['A']);
  });

  it('observes array wrappers and their items', () => {
    const m = body('<D:Tags xsi:type="Arr:ArrayOfstring"><Arr:string xsi:type="xsd:string">a</Arr:string></D:Tags>');
    expect(m.observations[0]).toMatchObject({ name: { ns: 'http://schemas.microsoft.com/2003/10/Serialization/Arrays', local: 'ArrayOfstring' }, kind: 'complex' });
  });

  it('observes a word under a service type as an enum value', () => {
    const m = body('<D:State xsi:type="D:State">Static</D:State>');
    expect(m.observations).toEqual([expect.objectContaining({ kind: 'enum', value: 'Static' })]);
    expect(field(m).example).toBe('Static');
  });

  it('observes MS serialization leaves as simple types', () => {
    const m = body('<D:Lead xsi:type="Ser:duration">PT1H</D:Lead>');
    expect(m.observations).toEqual([expect.objectContaining({ kind: 'simple', name: { ns: 'http://schemas.microsoft.com/2003/10/Serialization/', local: 'duration' } })]);
  });

  it('keeps an element without xsi:type and with children inline', () => {
    const f = field(body('<D:Pair><D:Key xsi:type="xsd:string">k</D:Key></D:Pair>'));
    expect(f.type).toBeUndefined();
    expect(f.fields!.map((c) => c.name.local)).toEqual(['Key']);
  });

  it('reads an empty body element as an empty complex element', () => {
    const m = infer(envelope('<S:Body><D:OpResponse>\n  </D:OpResponse></S:Body>'));
    expect(m.body.fields).toEqual([]);
    expect(m.body.example).toBeUndefined();
  });

  it('marks secrets by name and keeps no example for them', () => {
    const f = field(body('<D:Password xsi:type="xsd:string">hunter2</D:Password>'));
    expect(f.secret).toBe(true);
    expect(f.example).toBeUndefined();
    expect(['Ticket', 'applicationtoken', 'SecretValue', 'NewPassword'].every(isSecretName)).toBe(true);
    expect(['TicketPriorityId', 'CanChangePassword', 'Name'].some(isSecretName)).toBe(false);
  });

  it.each([
    ['a root that is not an Envelope', '<D:Op xmlns:D="urn:demo"/>', /not a SOAP 1.1 or 1.2 Envelope/],
    ['no Body', `<S:Envelope xmlns:S="${ENV12}"/>`, /no Body/],
    ['two body elements', `<S:Envelope xmlns:S="${ENV12}"><S:Body><a/><b/></S:Body></S:Envelope>`, /2 child elements/],
  ])('refuses %s with a reason', (_what, xml, reason) => {
    const p = parseXml(xml);
    if (!p.ok) throw new Error(p.message);
    const r = inferMessage(p.doc, 'x');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
});

describe('inferMessage: an xsi:type in the XSD namespace that is no built-in (issue 10)', () => {
  it.each([['hasOwnProperty'], ['constructor'], ['__proto__'], ['strnig']])('xsd:%s is dropped with a note, so lint accepts the contract', (local) => {
    const m = body(`<D:Label xsi:type="xsd:${local}">x</D:Label><D:Count xsi:type="xsd:int">1</D:Count>`);
    expect(field(m).type).toBeUndefined();
    expect(field(m).example).toBe('x');
    expect(field(m, 1).type).toEqual({ ns: 'http://www.w3.org/2001/XMLSchema', local: 'int' });
    expect(m.notes).toEqual([`test.md /Envelope/Body/Op/Label: xsi:type xsd:${local} is not an XML Schema built-in type; imported without it`]);
  });
});
