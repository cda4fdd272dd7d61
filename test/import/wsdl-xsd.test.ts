/**
 * `import wsdl`, one XSD or WSDL construct per case: a small WSDL written here around a schema
 * fragment, imported, and the types file / contract it gives compared with what the construct
 * means. Every result must also load clean.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/in-process.ts';
import { parse, stringify } from 'yaml';
import { loadContracts } from '../../src/contract/load.ts';
import type { ContractDoc, TypesDoc } from '../../src/contract/model.ts';
import { importDocs } from '../../src/import/docs.ts';
import { importWsdl } from '../../src/import/wsdl.ts';
import { packEndpoint } from '../../src/import/keep.ts';

const dir = mkdtempSync(join(tmpdir(), 'soapcheck-wsdl-xsd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A document/literal WSDL, SOAP 1.1, one operation Op whose request wrapper holds `requestFields`. */
function wsdl(schema: string, requestFields = '<xs:element name="x" type="xs:string"/>', extra: { binding?: string; messages?: string; portOps?: string } = {}): string {
  return `<?xml version="1.0"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:soap12="http://schemas.xmlsoap.org/wsdl/soap12/" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:tns="urn:demo:Demo1" targetNamespace="urn:demo:Demo1" name="DemoService">
  <wsdl:types>
    <xs:schema targetNamespace="urn:demo:Demo1" elementFormDefault="qualified">
      <xs:element name="Op"><xs:complexType><xs:sequence>${requestFields}</xs:sequence></xs:complexType></xs:element>
      <xs:element name="OpResponse"><xs:complexType><xs:sequence><xs:element name="r" type="xs:int" minOccurs="0"/></xs:sequence></xs:complexType></xs:element>
      <xs:element name="Fault" type="xs:string"/>
      <xs:element name="Hdr" type="xs:string" nillable="true"/>
      ${schema}
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="OpIn"><wsdl:part name="parameters" element="tns:Op"/></wsdl:message>
  <wsdl:message name="OpOut"><wsdl:part name="parameters" element="tns:OpResponse"/></wsdl:message>
  <wsdl:message name="OpFault"><wsdl:part name="detail" element="tns:Fault"/></wsdl:message>
  <wsdl:message name="Headers"><wsdl:part name="Hdr" element="tns:Hdr"/></wsdl:message>
  ${extra.messages ?? ''}
  <wsdl:portType name="Demo">
    <wsdl:operation name="Op"><wsdl:input message="tns:OpIn"/><wsdl:output message="tns:OpOut"/><wsdl:fault name="F" message="tns:OpFault"/></wsdl:operation>
    ${extra.portOps ?? ''}
  </wsdl:portType>
  ${extra.binding ?? `<wsdl:binding name="DemoSoap" type="tns:Demo">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Op"><soap:operation soapAction="urn:demo:Demo1/Op"/>
      <wsdl:input><soap:header message="tns:Headers" part="Hdr" use="literal"/><soap:body use="literal"/></wsdl:input>
      <wsdl:output><soap:body use="literal"/></wsdl:output>
      <wsdl:fault name="F"><soap:fault name="F" use="literal"/></wsdl:fault></wsdl:operation>
  </wsdl:binding>`}
  <wsdl:service name="DemoService"><wsdl:port name="P" binding="tns:DemoSoap"><soap:address location="http://h/base/Demo.svc"/></wsdl:port></wsdl:service>
</wsdl:definitions>`;
}

async function imported(text: string, files: Record<string, string> = {}, binding?: string) {
  const base = join(dir, `case${++n}`);
  mkdirSync(base, { recursive: true });
  writeFileSync(join(base, 'demo.wsdl'), text);
  for (const [name, t] of Object.entries(files)) writeFileSync(join(base, name), t);
  const out = join(base, 'out');
  const summary = await importWsdl({ inputs: [join(base, 'demo.wsdl')], out, ...(binding ? { binding } : {}) });
  const svc = join(out, 'Demo1', 'Demo');
  const load = await loadContracts([svc]);
  expect(load.problems).toEqual([]);
  return {
    summary,
    types: (parse(readFileSync(join(svc, 'types.yaml'), 'utf8')) as TypesDoc).types,
    op: parse(readFileSync(join(svc, 'Op.yaml'), 'utf8')) as ContractDoc,
    contracts: load.contracts,
  };
}

describe('XSD constructs → types', () => {
  it.each<[string, string, string, unknown]>([
    ['sequence with occurrences and nillable', '<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:string" minOccurs="0" maxOccurs="unbounded" nillable="true"/></xs:sequence></xs:complexType>', 'tns:T',
      { fields: [{ name: 'tns:a', type: 'xsd:int' }, { name: 'tns:b', type: 'xsd:string', minOccurs: 0, maxOccurs: 'unbounded', nillable: true }] }],
    ['all', '<xs:complexType name="T"><xs:all><xs:element name="a" type="xs:int"/></xs:all></xs:complexType>', 'tns:T', { content: 'all', fields: [{ name: 'tns:a', type: 'xsd:int' }] }],
    ['choice at the top', '<xs:complexType name="T"><xs:choice><xs:element name="a" type="xs:int"/><xs:element name="b" type="xs:int"/></xs:choice></xs:complexType>', 'tns:T', { content: 'choice', fields: [{ name: 'tns:a', type: 'xsd:int' }, { name: 'tns:b', type: 'xsd:int' }] }],
    ['choice inside a sequence, of a sequence', '<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:int"/><xs:choice minOccurs="0"><xs:sequence><xs:element name="b" type="xs:int"/><xs:element name="c" type="xs:int"/></xs:sequence><xs:element name="d" type="xs:int"/></xs:choice></xs:sequence></xs:complexType>', 'tns:T',
      { fields: [{ name: 'tns:a', type: 'xsd:int' }, { choice: [{ sequence: [{ name: 'tns:b', type: 'xsd:int' }, { name: 'tns:c', type: 'xsd:int' }] }, { name: 'tns:d', type: 'xsd:int' }], minOccurs: 0 }] }],
    ['unqualified local elements (elementFormDefault off by form)', '<xs:complexType name="T"><xs:sequence><xs:element name="a" form="unqualified" type="xs:int"/></xs:sequence></xs:complexType>', 'tns:T', { fields: [{ name: 'a', type: 'xsd:int' }] }],
    ['element ref', '<xs:element name="G" type="xs:int" nillable="true"/><xs:complexType name="T"><xs:sequence><xs:element ref="tns:G" minOccurs="0"/></xs:sequence></xs:complexType>', 'tns:T', { fields: [{ name: 'tns:G', type: 'xsd:int', minOccurs: 0, nillable: true }] }],
    ['group ref', '<xs:group name="Gr"><xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence></xs:group><xs:complexType name="T"><xs:sequence><xs:group ref="tns:Gr"/><xs:element name="b" type="xs:int"/></xs:sequence></xs:complexType>', 'tns:T',
      { fields: [{ sequence: [{ name: 'tns:a', type: 'xsd:int' }] }, { name: 'tns:b', type: 'xsd:int' }] }],
    ['any and anyAttribute', '<xs:complexType name="T"><xs:sequence><xs:any namespace="##other" processContents="lax" minOccurs="0" maxOccurs="unbounded"/></xs:sequence><xs:anyAttribute/></xs:complexType>', 'tns:T',
      { fields: [{ any: true, namespace: '##other', processContents: 'lax', minOccurs: 0, maxOccurs: 'unbounded' }], anyAttribute: {} }],
    ['anyType and anySimpleType fields', '<xs:complexType name="T"><xs:sequence><xs:element name="a" type="xs:anyType"/><xs:element name="b" type="xs:anySimpleType"/><xs:element name="c"/></xs:sequence></xs:complexType>', 'tns:T',
      { fields: [{ name: 'tns:a', type: 'xsd:anyType' }, { name: 'tns:b', type: 'xsd:anySimpleType' }, { name: 'tns:c', type: 'xsd:anyType' }] }],
    ['complexContent extension, abstract base', '<xs:complexType name="B" abstract="true"><xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence></xs:complexType><xs:complexType name="T"><xs:complexContent><xs:extension base="tns:B"><xs:sequence><xs:element name="b" type="xs:int"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>', 'tns:T',
      { extends: 'tns:B', fields: [{ name: 'tns:b', type: 'xsd:int' }] }],
    ['complexContent restriction', '<xs:complexType name="B"><xs:sequence><xs:element name="a" type="xs:int" minOccurs="0"/></xs:sequence></xs:complexType><xs:complexType name="T"><xs:complexContent><xs:restriction base="tns:B"><xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence></xs:restriction></xs:complexContent></xs:complexType>', 'tns:T',
      { restricts: 'tns:B', fields: [{ name: 'tns:a', type: 'xsd:int' }] }],
    ['simpleContent with attributes', '<xs:complexType name="T"><xs:simpleContent><xs:extension base="xs:decimal"><xs:attribute name="cur" type="xs:string" use="required"/><xs:attribute name="k" type="xs:int" default="1"/></xs:extension></xs:simpleContent></xs:complexType>', 'tns:T',
      { simpleContent: 'xsd:decimal', attributes: [{ name: 'cur', type: 'xsd:string', use: 'required' }, { name: 'k', type: 'xsd:int', default: '1' }] }],
    ['attributeGroup ref', '<xs:attributeGroup name="AG"><xs:attribute name="id" type="xs:ID"/></xs:attributeGroup><xs:complexType name="T"><xs:sequence/><xs:attributeGroup ref="tns:AG"/></xs:complexType>', 'tns:T', { attributes: [{ name: 'id', type: 'xsd:ID' }] }],
    ['enumeration (complete) with facets', '<xs:simpleType name="T"><xs:restriction base="xs:string"><xs:enumeration value="A"/><xs:enumeration value="B"/><xs:maxLength value="1"/></xs:restriction></xs:simpleType>', 'tns:T', { base: 'xsd:string', enum: ['A', 'B'], maxLength: 1 }],
    ['numeric facets and two patterns', '<xs:simpleType name="T"><xs:restriction base="xs:decimal"><xs:minInclusive value="0"/><xs:maxExclusive value="100"/><xs:totalDigits value="5"/><xs:fractionDigits value="2"/><xs:pattern value="\\d+"/><xs:pattern value="\\d+\\.\\d\\d"/></xs:restriction></xs:simpleType>', 'tns:T',
      { base: 'xsd:decimal', minInclusive: '0', maxExclusive: '100', totalDigits: 5, fractionDigits: 2, pattern: '(\\d+)|(\\d+\\.\\d\\d)' }],
    ['restriction of a named simple type', '<xs:simpleType name="S"><xs:restriction base="xs:string"/></xs:simpleType><xs:simpleType name="T"><xs:restriction base="tns:S"><xs:length value="3"/></xs:restriction></xs:simpleType>', 'tns:T', { base: 'tns:S', length: 3 }],
    ['list of a built-in', '<xs:simpleType name="T"><xs:list itemType="xs:int"/></xs:simpleType>', 'tns:T', { list: true, itemType: 'xsd:int' }],
    ['WCF [Flags] enum: list of an anonymous enumeration', '<xs:simpleType name="T"><xs:list><xs:simpleType><xs:restriction base="xs:string"><xs:enumeration value="Read"/><xs:enumeration value="Write"/></xs:restriction></xs:simpleType></xs:list></xs:simpleType>', 'tns:T', { base: 'xsd:string', enum: ['Read', 'Write'], list: true }],
    ['union (any text)', '<xs:simpleType name="T"><xs:union memberTypes="xs:int xs:date"/></xs:simpleType>', 'tns:T', {}],
    ['ArrayOf type', '<xs:complexType name="ArrayOfstring"><xs:sequence><xs:element name="string" type="xs:string" minOccurs="0" maxOccurs="unbounded" nillable="true"/></xs:sequence></xs:complexType>', 'tns:ArrayOfstring',
      { fields: [{ name: 'tns:string', type: 'xsd:string', minOccurs: 0, maxOccurs: 'unbounded', nillable: true }] }],
    ['dictionary type (.NET KeyValueOf)', '<xs:complexType name="ArrayOfKeyValueOfstringanyType"><xs:sequence><xs:element name="KeyValueOfstringanyType" minOccurs="0" maxOccurs="unbounded"><xs:complexType><xs:sequence><xs:element name="Key" type="xs:string" nillable="true"/><xs:element name="Value" type="xs:anyType" nillable="true"/></xs:sequence></xs:complexType></xs:element></xs:sequence></xs:complexType>', 'tns:ArrayOfKeyValueOfstringanyType',
      { fields: [{ name: 'tns:KeyValueOfstringanyType', fields: [{ name: 'tns:Key', type: 'xsd:string', nillable: true }, { name: 'tns:Value', type: 'xsd:anyType', nillable: true }], minOccurs: 0, maxOccurs: 'unbounded' }] }],
    ['.NET serialization types: guid, char, duration, base64Binary', '<xs:simpleType name="guid"><xs:restriction base="xs:string"><xs:pattern value="[\\da-fA-F]{8}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{4}-[\\da-fA-F]{12}"/></xs:restriction></xs:simpleType><xs:simpleType name="char"><xs:restriction base="xs:int"/></xs:simpleType><xs:complexType name="T"><xs:sequence><xs:element name="g" type="tns:guid"/><xs:element name="c" type="tns:char"/><xs:element name="d" type="xs:duration"/><xs:element name="b" type="xs:base64Binary"/></xs:sequence></xs:complexType>', 'tns:T',
      { fields: [{ name: 'tns:g', type: 'tns:guid' }, { name: 'tns:c', type: 'tns:char' }, { name: 'tns:d', type: 'xsd:duration' }, { name: 'tns:b', type: 'xsd:base64Binary' }] }],
    ['anonymous complex type with extension becomes a named type', '<xs:complexType name="B"><xs:sequence><xs:element name="a" type="xs:int"/></xs:sequence></xs:complexType><xs:complexType name="T"><xs:sequence><xs:element name="e"><xs:complexType><xs:complexContent><xs:extension base="tns:B"/></xs:complexContent></xs:complexType></xs:element></xs:sequence></xs:complexType>', 'tns:T',
      { fields: [{ name: 'tns:e', type: 'tns:T.e' }] }],
  ])('%s', async (_, schema, name, expected) => {
    const { types } = await imported(wsdl(schema));
    expect(types[name]).toEqual(expected);
  });

  it('names what it cannot express, with file and line, and goes on', async () => {
    const { summary, types } = await imported(wsdl('<xs:complexType name="M" mixed="true"><xs:sequence/></xs:complexType>\n<xs:element name="S" type="xs:int" substitutionGroup="tns:Hdr"/>\n<xs:complexType name="U"><xs:sequence><xs:element ref="tns:S"/></xs:sequence></xs:complexType>'));
    expect(summary.notes.map((x) => [x.file, x.line, x.message.split(' ')[0]])).toEqual([['demo.wsdl', 9, 'mixed'], ['demo.wsdl', 10, 'substitutionGroup']]);
    expect(types['tns:M']).toEqual({ fields: [] });
  });

  it('reads a schema imported and included from local files beside it, never over a network', async () => {
    const other = '<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:demo:Other" elementFormDefault="qualified"><xs:include schemaLocation="inc.xsd"/></xs:schema>';
    const inc = '<?xml version="1.0"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:demo:Other"><xs:complexType name="O"><xs:sequence><xs:element name="z" type="xs:int"/></xs:sequence></xs:complexType></xs:schema>';
    const text = wsdl('<xs:import namespace="urn:demo:Other" schemaLocation="other.xsd"/><xs:import namespace="urn:demo:Far" schemaLocation="http://example.invalid/far.xsd"/>', '<xs:element name="o" type="o:O" xmlns:o="urn:demo:Other"/>');
    const { summary, op, types } = await imported(text, { 'other.xsd': other, 'inc.xsd': inc });
    expect(Object.keys(types).some((k) => k.endsWith(':O'))).toBe(true);
    expect(summary.notes.map((x) => x.message)).toEqual([expect.stringMatching(/^http:\/\/example\.invalid\/far\.xsd is not fetched/)]);
    expect(op.schemas).toHaveLength(3);
  });
});

describe('WSDL constructs → contracts', () => {
  it('document/literal wrapped: soapAction, optional header block, fault, endpoint path, binding facts', async () => {
    const { op } = await imported(wsdl(''));
    expect(op).toMatchObject({ service: 'Demo', version: 'Demo1', operation: 'Op', endpoint: 'base/Demo.svc', soap: { version: '1.1', action: 'urn:demo:Demo1/Op', actionSource: 'wsdl', binding: 'DemoSoap', style: 'document', use: 'literal' } });
    expect(op.request.headers).toEqual([{ name: 'tns:Hdr', type: 'xsd:string', minOccurs: 0, nillable: true }]);
    expect(op.request.body).toEqual({ name: 'tns:Op', fields: [{ name: 'tns:x', type: 'xsd:string' }] });
    expect(op.faults).toEqual([{ name: 'tns:Fault', type: 'xsd:string' }]);
  });

  it('rpc/encoded: the body element named after the operation, parts unqualified, encoding named', async () => {
    const binding = `<wsdl:binding name="DemoSoap" type="tns:Demo"><soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
      <wsdl:operation name="Rpc"><soap:operation soapAction=""/><wsdl:input><soap:body use="encoded" namespace="urn:rpc" encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"/></wsdl:input><wsdl:output><soap:body use="encoded" namespace="urn:rpc"/></wsdl:output></wsdl:operation>
      <wsdl:operation name="Op"><soap:operation soapAction="a"/><wsdl:input><soap:body use="literal" namespace="urn:rpc"/></wsdl:input><wsdl:output><soap:body use="literal" namespace="urn:rpc"/></wsdl:output></wsdl:operation></wsdl:binding>`;
    const text = wsdl('', undefined, { binding, messages: '<wsdl:message name="RIn"><wsdl:part name="a" type="xs:int"/><wsdl:part name="b" type="xs:string"/></wsdl:message><wsdl:message name="ROut"><wsdl:part name="r" type="xs:boolean"/></wsdl:message>', portOps: '<wsdl:operation name="Rpc"><wsdl:input message="tns:RIn"/><wsdl:output message="tns:ROut"/></wsdl:operation>' });
    const { contracts } = await imported(text);
    const rpc = contracts.find((c) => c.operation === 'Rpc')!;
    expect(rpc).toMatchObject({ style: 'rpc', use: 'encoded', actionSource: 'derived', action: 'urn:demo:Demo1/Demo/Rpc' });
    expect(rpc.request.body.name).toEqual({ ns: 'urn:rpc', local: 'Rpc' });
    expect(rpc.request.body.fields!.map((f) => [f.name.ns, f.name.local, f.type!.local])).toEqual([['', 'a', 'int'], ['', 'b', 'string']]);
    expect(rpc.response.body.name).toEqual({ ns: 'urn:rpc', local: 'RpcResponse' });
    // SOAP 1.1 encoding sends a null by leaving the accessor out or as xsi:nil: encoded parts are optional and nillable,
    expect(rpc.request.body.fields!.map((f) => [f.minOccurs, f.nillable])).toEqual([[0, true], [0, true]]);
    // literal ones required as declared.
    const literal = contracts.find((c) => c.operation === 'Op')!;
    expect(literal.request.body.fields!.map((f) => [f.name.local, f.minOccurs])).toEqual([['Op', 1]]);
  });

  it('a port type bound for SOAP 1.1 and 1.2 follows the first binding, or the one --binding names', async () => {
    const twice = `<wsdl:binding name="DemoSoap" type="tns:Demo"><soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/><wsdl:operation name="Op"><soap:operation soapAction="a11"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation></wsdl:binding>
      <wsdl:binding name="DemoSoap12" type="tns:Demo"><soap12:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/><wsdl:operation name="Op"><soap12:operation soapAction="a12"/><wsdl:input><soap12:body use="literal"/></wsdl:input><wsdl:output><soap12:body use="literal"/></wsdl:output></wsdl:operation></wsdl:binding>`;
    expect((await imported(wsdl('', undefined, { binding: twice }))).op.soap).toMatchObject({ version: '1.1', action: 'a11', binding: 'DemoSoap' });
    expect((await imported(wsdl('', undefined, { binding: twice }), {}, 'DemoSoap12')).op.soap).toMatchObject({ version: '1.2', action: 'a12', binding: 'DemoSoap12' });
  });
});

describe('soapcheck import wsdl (command)', () => {
  const cli = async (...args: string[]) => {
    const r = await runMain(args);
    return { code: r.code, out: r.stdout, err: r.stderr };
  };

  it('exits 0 with counts, the same output again unchanged (deterministic)', async () => {
    const base = join(dir, 'cli-ok');
    mkdirSync(base);
    writeFileSync(join(base, 'demo.wsdl'), wsdl('<xs:complexType name="T"><xs:sequence/></xs:complexType>'));
    const first = await cli('import', 'wsdl', join(base, 'demo.wsdl'), '--out', join(base, 'out'));
    expect(first.code).toBe(0);
    expect(first.out).toContain('operations imported: 1');
    const again = await cli('import', 'wsdl', join(base, 'demo.wsdl'), '--out', join(base, 'out'));
    expect(again.out).toMatch(/files written: 0, unchanged: \d+/);
  });

  it('exits 2 with a clear message for a file that is not a WSDL, and for a folder without one', async () => {
    const base = join(dir, 'cli-bad');
    mkdirSync(join(base, 'empty'), { recursive: true });
    writeFileSync(join(base, 'note.wsdl'), '<?xml version="1.0"?>\n<html><body/></html>');
    const bad = await cli('import', 'wsdl', join(base, 'note.wsdl'), '--out', join(base, 'out'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('note.wsdl:2: not a WSDL: the root element is html');
    const empty = await cli('import', 'wsdl', join(base, 'empty'), '--out', join(base, 'out'));
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('no WSDL found');
  });
});

describe('import wsdl over docs contracts at the same paths', () => {
  it('keeps their prefixes, description, endpoint and examples, and marks an operation the binding lacks as documented-only', async () => {
    const base = join(dir, 'enrich');
    const svc = join(base, 'out', 'Demo1', 'Demo');
    mkdirSync(svc, { recursive: true });
    writeFileSync(join(base, 'demo.wsdl'), wsdl(''));
    const docsContract = (op: string) => `soapcheck: 1\nkind: operation\nservice: Demo\nversion: Demo1\noperation: ${op}\ndescription: From the page.\nendpoint: Remote/Demo1/Demo.svc\nsoap: { version: "1.2", action: "urn:demo:Demo1/${op}", actionSource: derived }\nnamespaces: { D: "urn:demo:Demo1", xsd: "http://www.w3.org/2001/XMLSchema" }\nrequest: { body: { name: D:${op}, fields: [ { name: D:x, type: xsd:string, example: hello, description: The x. } ] } }\nresponse: { body: { name: D:${op}Response } }\nsource: { importer: docs, file: page.md }\n`;
    writeFileSync(join(svc, 'Op.yaml'), docsContract('Op'));
    writeFileSync(join(svc, 'Gone.yaml'), docsContract('Gone'));
    const s = await importWsdl({ inputs: [join(base, 'demo.wsdl')], out: join(base, 'out') });
    expect([s.operations, s.documentedOnly]).toEqual([1, 1]);
    const op = parse(readFileSync(join(svc, 'Op.yaml'), 'utf8')) as ContractDoc;
    expect(op).toMatchObject({ description: 'From the page.', endpoint: 'Remote/Demo1/Demo.svc', soap: { version: '1.1', actionSource: 'wsdl' }, source: { importer: 'wsdl' } });
    expect(op.namespaces.D).toBe('urn:demo:Demo1');
    expect(op.request.body).toEqual({ name: 'D:Op', fields: [{ name: 'D:x', type: 'xsd:string', example: 'hello', description: 'The x.' }] });
    const gone = parse(readFileSync(join(svc, 'Gone.yaml'), 'utf8')) as ContractDoc;
    expect(gone.source).toEqual({ importer: 'docs', file: 'page.md', documentedOnly: true });
    expect((await loadContracts([svc])).problems).toEqual([]);
  });

  it("gives an operation only the WSDL has the endpoint the service's other contracts agree on below the port's path, and heals one that had the port's path", async () => {
    const base = join(dir, 'pack-endpoint');
    const svc = join(base, 'out', 'Demo1', 'Demo');
    mkdirSync(svc, { recursive: true });
    writeFileSync(join(base, 'demo.wsdl'), wsdl(''));
    const contract = (op: string, endpoint: string, importer: string) => `soapcheck: 1\nkind: operation\nservice: Demo\nversion: Demo1\noperation: ${op}\nendpoint: ${endpoint}\nsoap: { version: "1.2", action: "urn:demo:Demo1/${op}" }\nnamespaces: { D: "urn:demo:Demo1" }\nrequest: { body: { name: D:${op} } }\nresponse: { body: { name: D:${op}Response } }\nsource: { importer: ${importer}, file: page.md }\n`;
    // The pages' operation, at the path below the installation; the port says base/Demo.svc.
    writeFileSync(join(svc, 'Paged.yaml'), contract('Paged', 'Demo.svc', 'docs'));
    const endpointOf = () => (parse(readFileSync(join(svc, 'Op.yaml'), 'utf8')) as ContractDoc).endpoint;
    await importWsdl({ inputs: [join(base, 'demo.wsdl')], out: join(base, 'out') });
    expect(endpointOf()).toBe('Demo.svc');
    // An earlier import that wrote the port's path is healed; an endpoint a person chose is kept.
    writeFileSync(join(svc, 'Op.yaml'), readFileSync(join(svc, 'Op.yaml'), 'utf8').replace('endpoint: Demo.svc', 'endpoint: base/Demo.svc'));
    await importWsdl({ inputs: [join(base, 'demo.wsdl')], out: join(base, 'out') });
    expect(endpointOf()).toBe('Demo.svc');
    writeFileSync(join(svc, 'Op.yaml'), readFileSync(join(svc, 'Op.yaml'), 'utf8').replace('endpoint: Demo.svc', 'endpoint: other/Demo.svc'));
    await importWsdl({ inputs: [join(base, 'demo.wsdl')], out: join(base, 'out') });
    expect(endpointOf()).toBe('other/Demo.svc');
    // Alone in its folder, the operation keeps the port's path.
    const lone = join(base, 'lone');
    await importWsdl({ inputs: [join(base, 'demo.wsdl')], out: lone });
    expect((parse(readFileSync(join(lone, 'Demo1', 'Demo', 'Op.yaml'), 'utf8')) as ContractDoc).endpoint).toBe('base/Demo.svc');
  });

  it.each([
    [['Remote/S/User.svc'], 'Cust1/Remote/S/User.svc', 'Remote/S/User.svc'],
    [['/Remote/S/User.svc', 'Cust1/Remote/S/User.svc'], 'Cust1/Remote/S/User.svc', 'Remote/S/User.svc'],
    [['Remote/S/User.svc', 'S/User.svc'], 'Cust1/Remote/S/User.svc', undefined],
    [['mote/S/User.svc'], 'Cust1/Remote/S/User.svc', undefined],
    [['Remote/S/User.svc'], undefined, undefined],
    [[], 'Cust1/Remote/S/User.svc', undefined],
  ] as const)('packEndpoint(%j, %s) is %s', (existing, port, expected) => {
    expect(packEndpoint(existing, port)).toBe(expected);
  });

  const page = (description: string) => `---\ntitle: Demo1.DemoAgent.Op SOAP\n---\n\n# Demo1 Demo Op SOAP\n\nSOAP request and response examples **Remote/Demo1/Demo.svc**\n\n## Op\n\n${description}\n\n## Op Request\n\n\`\`\`xml\n<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:D="urn:demo:Demo1"><env:Body><D:Op><D:x>from the page</D:x></D:Op></env:Body></env:Envelope>\n\`\`\`\n\n## Op Response\n\n\`\`\`xml\n<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:D="urn:demo:Demo1"><env:Body><D:OpResponse><D:r>7</D:r></D:OpResponse></env:Body></env:Envelope>\n\`\`\`\n`;
  const expectation = (id: string, prefix: string) => ({ id, failWhen: `/env:Envelope/env:Body/${prefix}:OpResponse/${prefix}:r = 0`, message: `r is 0 ({/env:Envelope/env:Body/${prefix}:OpResponse/${prefix}:r})` });

  it('keeps hand-written expectations (the contract\'s, and the docs types file\'s the contracts used), and the pages\' description over the WSDL\'s', async () => {
    const base = join(dir, 'keep');
    const out = join(base, 'out');
    mkdirSync(base, { recursive: true });
    writeFileSync(join(base, "page.md"), page('The long description from the page.'));
    expect((await importDocs({ inputs: [join(base, 'page.md')], out })).operations).toBe(1);
    // By hand: a version types file with an expectation in a namespace no type uses, which the docs contract refers to, and an expectation in the contract.
    const docsTypesFile = join(out, 'Demo1', 'types.yaml');
    const flag = { id: 'pack-level', failWhen: "/env:Envelope/env:Header/Q:Flag = 'down'", message: 'the flag is down' };
    writeFileSync(docsTypesFile, stringify({ soapcheck: 1, kind: 'types', version: 'Demo1', namespaces: { D: 'urn:demo:Demo1', Q: 'urn:other' }, types: {}, expectations: [flag] }));
    const opFile = join(out, 'Demo1', 'Demo', 'Op.yaml');
    writeFileSync(opFile, stringify({ ...(parse(readFileSync(opFile, 'utf8')) as ContractDoc), types: '../types.yaml', expectations: [expectation('op-level', 'D')] }));
    // The WSDL's documentation is shorter than the page.
    const text = wsdl('').replace('<wsdl:operation name="Op"><wsdl:input', '<wsdl:operation name="Op"><wsdl:documentation>Short.</wsdl:documentation><wsdl:input');
    writeFileSync(join(base, 'demo.wsdl'), text);
    await importWsdl({ inputs: [join(base, 'demo.wsdl')], out });

    const op = parse(readFileSync(opFile, 'utf8')) as ContractDoc;
    expect(op).toMatchObject({ description: 'The long description from the page.', endpoint: 'Remote/Demo1/Demo.svc', soap: { version: '1.1' }, types: 'types.yaml' });
    expect(op.expectations?.map((e) => e.id)).toEqual(['op-level']);
    const types = parse(readFileSync(join(out, 'Demo1', 'Demo', 'types.yaml'), 'utf8')) as TypesDoc;
    expect(types.expectations?.map((e) => e.id)).toEqual(['pack-level']);
    const loaded = await loadContracts([join(out, 'Demo1', 'Demo')]);
    expect(loaded.problems).toEqual([]);
    const c = loaded.contracts.find((x) => x.operation === 'Op')!;
    expect(c.expectations.map((e) => e.id).sort()).toEqual(['op-level', 'pack-level']);
    // The carried expectation takes along the prefix it uses that the new file does not bind.
    expect(types.namespaces.Q).toBeUndefined();
    expect(types.expectations?.[0]?.namespaces).toEqual({ Q: 'urn:other' });

    // A second import keeps all of it, byte for byte — and what a person changes in the new types file's expectations.
    const snapshot = () => ['Op.yaml', 'types.yaml'].map((f) => readFileSync(join(out, 'Demo1', 'Demo', f), 'utf8'));
    const first = snapshot();
    await importWsdl({ inputs: [join(base, 'demo.wsdl')], out });
    expect(snapshot()).toEqual(first);
    const typesFile = join(out, 'Demo1', 'Demo', 'types.yaml');
    writeFileSync(typesFile, stringify({ ...types, expectations: [expectation('edited', 'D')] }));
    await importWsdl({ inputs: [join(base, 'demo.wsdl')], out });
    expect((parse(readFileSync(typesFile, 'utf8')) as TypesDoc).expectations?.map((e) => e.id)).toEqual(['edited']);
  });

  it('import docs over a WSDL-derived contract keeps its wire and takes the page\'s description and examples; over a docs contract it keeps expectations and the documented-only mark', async () => {
    const base = join(dir, 'docs-over');
    const out = join(base, 'out');
    mkdirSync(base, { recursive: true });
    writeFileSync(join(base, 'demo.wsdl'), wsdl(''));
    await importWsdl({ inputs: [join(base, 'demo.wsdl')], out });
    const opFile = join(out, 'Demo1', 'Demo', 'Op.yaml');
    const before = parse(readFileSync(opFile, 'utf8')) as ContractDoc;
    writeFileSync(join(base, 'page.md'), page('Said by the page.'));
    const s = await importDocs({ inputs: [join(base, 'page.md')], out });
    expect([s.operations, s.enriched]).toEqual([0, 1]);
    const after = parse(readFileSync(opFile, 'utf8')) as ContractDoc;
    expect(after).toMatchObject({ description: 'Said by the page.', endpoint: 'Remote/Demo1/Demo.svc', soap: before.soap, source: before.source, types: 'types.yaml' });
    expect(after.request.body.fields).toEqual([{ ...(before.request.body.fields![0] as object), example: 'from the page' }]);
    // No docs types file for a version whose every page enriched a WSDL contract.
    expect(() => readFileSync(join(out, 'Demo1', 'types.yaml'))).toThrow();
    expect((await loadContracts([join(out, 'Demo1')])).problems).toEqual([]);

    // A docs contract marked documented-only, with an expectation: a docs re-import keeps both.
    const docsOut = join(base, 'docs-only');
    await importDocs({ inputs: [join(base, 'page.md')], out: docsOut });
    const docsFile = join(docsOut, 'Demo1', 'Demo', 'Op.yaml');
    const docsDoc = parse(readFileSync(docsFile, 'utf8')) as ContractDoc;
    writeFileSync(docsFile, stringify({ ...docsDoc, expectations: [expectation('op-level', 'D')], source: { ...docsDoc.source, documentedOnly: true } }));
    await importDocs({ inputs: [join(base, 'page.md')], out: docsOut });
    const again = parse(readFileSync(docsFile, 'utf8')) as ContractDoc;
    expect(again.expectations?.map((e) => e.id)).toEqual(['op-level']);
    expect(again.source?.documentedOnly).toBe(true);
  });
});

