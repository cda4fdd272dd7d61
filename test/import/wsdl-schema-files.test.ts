/**
 * The `.xsd` files `import wsdl` writes for `schema/xsd` (src/import/wsdl/xsd-files.ts), from
 * WSDLs written here the way real ones go wrong: inline schemas that refer to each other without
 * importing, references to components no document defines, SOAP-encoding references; and the
 * WSDL-level tolerances found with node-soap's samples (rpc without a body namespace, references
 * read in the wrong namespace). The files must compile, and validation must still bite.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importWsdl } from '../../src/import/wsdl.ts';
import { loadContracts } from '../../src/contract/load.ts';
import type { Contract } from '../../src/contract/model.ts';
import { checkMessage, compileContract } from '../../src/checks/index.ts';
import { schemaSetOf } from '../../src/checks/helpers/schema-set.ts';

const dir = mkdtempSync(join(tmpdir(), 'soapcheck-wsdl-xsd-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const A = 'urn:test:a';
const B = 'urn:test:b';

/** Schema A uses B's Code without importing B, a type, an element and a base no document defines, and soapenc:arrayType. */
const WSDL = `<?xml version="1.0"?>
<wsdl:definitions xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/" xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/" xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:a="${A}" xmlns:b="${B}" xmlns:gone="urn:test:gone" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" targetNamespace="${A}" name="Files">
  <wsdl:types>
    <xs:schema targetNamespace="${A}" elementFormDefault="qualified">
      <xs:element name="Req"><xs:complexType><xs:sequence>
        <xs:element name="Code" type="b:Code"/>
        <xs:element name="Lost" type="gone:Lost" minOccurs="0"/>
        <xs:element ref="gone:Thing" minOccurs="0"/>
        <xs:element name="Kid" type="a:Kid" minOccurs="0"/>
        <xs:element name="List" type="a:List" minOccurs="0"/>
      </xs:sequence></xs:complexType></xs:element>
      <xs:element name="Res" type="xs:int"/>
      <xs:complexType name="Kid"><xs:complexContent><xs:extension base="gone:Parent"><xs:sequence><xs:element name="Name" type="xs:string"/></xs:sequence></xs:extension></xs:complexContent></xs:complexType>
      <xs:complexType name="List"><xs:complexContent><xs:restriction base="soapenc:Array"><xs:attribute ref="soapenc:arrayType" wsdl:arrayType="xs:string[]"/></xs:restriction></xs:complexContent></xs:complexType>
    </xs:schema>
    <xs:schema targetNamespace="${B}">
      <xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:enumeration value="X"/></xs:restriction></xs:simpleType>
    </xs:schema>
  </wsdl:types>
  <wsdl:message name="In"><wsdl:part name="p" element="a:Req"/></wsdl:message>
  <wsdl:message name="Out"><wsdl:part name="p" element="a:Res"/></wsdl:message>
  <wsdl:message name="RpcIn"><wsdl:part name="n" type="xs:int"/></wsdl:message>
  <wsdl:portType name="Port">
    <wsdl:operation name="Op"><wsdl:input message="a:In"/><wsdl:output message="a:Out"/></wsdl:operation>
  </wsdl:portType>
  <wsdl:portType name="RpcPort">
    <wsdl:operation name="Call"><wsdl:input message="RpcIn"/></wsdl:operation>
  </wsdl:portType>
  <wsdl:binding name="Soap" type="a:Port">
    <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Op"><soap:operation soapAction="urn:op"/><wsdl:input><soap:body use="literal"/></wsdl:input><wsdl:output><soap:body use="literal"/></wsdl:output></wsdl:operation>
  </wsdl:binding>
  <wsdl:binding name="Rpc" type="RpcPort">
    <soap:binding style="rpc" transport="http://schemas.xmlsoap.org/soap/http"/>
    <wsdl:operation name="Call"><soap:operation soapAction="urn:call"/><wsdl:input><soap:body use="literal"/></wsdl:input></wsdl:operation>
  </wsdl:binding>
</wsdl:definitions>`;

const env = (body: string) => `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="${A}"><s:Body>${body}</s:Body></s:Envelope>`;

describe('import wsdl: schema files that compile as WSDL stacks read them', async () => {
  writeFileSync(join(dir, 'files.wsdl'), WSDL);
  const out = join(dir, 'out');
  const summary = await importWsdl({ inputs: [join(dir, 'files.wsdl')], out });
  const { contracts } = await loadContracts([out]);
  const op = contracts.find((c) => c.operation === 'Op') as Contract;
  const call = contracts.find((c) => c.operation === 'Call') as Contract;
  const xsd = (c: Contract, direction: 'request' | 'response', body: string) =>
    checkMessage(compileContract(c), { direction, body: env(body) }, { profile: 'strict' }).findings.filter((f) => f.rule === 'schema/xsd');

  it('writes the files so that libxml2 compiles them: missing imports added, unknown references made what the contract takes them for', () => {
    expect(op.schemas.length).toBe(2);
    const set = schemaSetOf(op.schemas);
    expect(set.ok ? 'compiles' : set.message).toBe('compiles');
    const a = readFileSync(op.schemas[0]!, 'utf8');
    expect(a).toMatch(new RegExp(`<xs:import namespace="${B}"/>`));
    expect(a).toMatch(/<xs:import namespace="http:\/\/schemas.xmlsoap.org\/soap\/encoding\/"\/>/);
    expect(a).toMatch(/name="Lost" type="xs:anyType"/);
    expect(a).toMatch(/<xs:any minOccurs="0" namespace="urn:test:gone" processContents="skip"\/>/);
    expect(a).toMatch(/<xs:restriction base="xs:anyType">/);
    expect(a).not.toMatch(/gone:/);
  });

  it('validates against the linked schemas: a message right by them is clean, a value outside B\'s enumeration is found', () => {
    const ok = '<a:Req><a:Code>X</a:Code><a:Lost><whatever/></a:Lost><g:Thing xmlns:g="urn:test:gone"><x/></g:Thing><a:Kid><a:Name>n</a:Name></a:Kid>' +
      '<a:List xmlns:enc="http://schemas.xmlsoap.org/soap/encoding/" enc:arrayType="xs:string[1]"><i>1</i></a:List></a:Req>';
    expect(xsd(op, 'request', ok)).toEqual([]);
    const bad = xsd(op, 'request', '<a:Req><a:Code>Y</a:Code></a:Req>');
    expect(bad.map((f) => f.message)).toEqual([expect.stringMatching(/\[facet 'enumeration'\] The value 'Y'/)]);
  });

  it('takes an rpc wrapper without a body namespace in the targetNamespace, and a reference by the only definition of its local name, with notes', () => {
    expect(call.request.body.name).toEqual({ ns: A, local: 'Call' });
    const notes = summary.notes.map((n) => n.message);
    expect(notes).toContainEqual(expect.stringMatching(/the rpc soap:body has no namespace attribute: the request's wrapper element is taken in the WSDL's targetNamespace urn:test:a/));
    expect(notes).toContainEqual(expect.stringMatching(/type="RpcPort" names no port type in \(no namespace\): the only port type named RpcPort, in urn:test:a, is taken/));
    expect(notes).toContainEqual(expect.stringMatching(/message="RpcIn" names no message .*the only message named RpcIn/));
    // The wrapper is no element of the schemas: schema/xsd passes over it (lax), the contract rules check it.
    expect(xsd(call, 'request', '<a:Call><n>1</n></a:Call>')).toEqual([]);
    const wrong = checkMessage(compileContract(call), { direction: 'request', body: env('<Call><n>1</n></Call>') }, { profile: 'strict' }).findings;
    expect(wrong.map((f) => f.rule)).toContain('namespace/mismatch');
  });
});
