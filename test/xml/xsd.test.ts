/**
 * libxml2's XSD validator behind src/xml/xsd.ts: schema sets as WSDLs write them (location-less
 * imports between namespaces, several documents of one namespace), only the documents given or
 * allowed are read, and problems come with libxml2's message and the message's line.
 */
import { describe, expect, it } from 'vitest';
import { compileSchemaSet, type SchemaSet } from '../../src/xml/xsd.ts';

const XS = 'xmlns:xs="http://www.w3.org/2001/XMLSchema"';
const A = 'urn:test:a';
const B = 'urn:test:b';

/** Namespace A's element Thing uses B's type Code through an import with no schemaLocation (as WCF writes it). */
const schemaA = `<xs:schema ${XS} xmlns:b="${B}" targetNamespace="${A}" elementFormDefault="qualified">
  <xs:import namespace="${B}"/>
  <xs:element name="Thing"><xs:complexType><xs:sequence>
    <xs:element name="Id" type="xs:int"/>
    <xs:element name="Code" type="b:Code" minOccurs="0"/>
  </xs:sequence></xs:complexType></xs:element>
</xs:schema>`;
const schemaB = `<xs:schema ${XS} targetNamespace="${B}"><xs:simpleType name="Code"><xs:restriction base="xs:string"><xs:enumeration value="X"/></xs:restriction></xs:simpleType></xs:schema>`;
/** A second document of namespace A. */
const schemaA2 = `<xs:schema ${XS} targetNamespace="${A}" elementFormDefault="qualified"><xs:element name="Token" type="xs:string"/></xs:schema>`;

const env = (header: string, body: string) =>
  `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:a="${A}">\n<s:Header>${header}</s:Header>\n<s:Body>\n${body}\n</s:Body>\n</s:Envelope>`;

function compiled(...docs: Array<[string, string]>): SchemaSet {
  const r = compileSchemaSet(docs.map(([location, text]) => ({ location, text })));
  if (!r.ok) throw new Error(r.message);
  return r.set;
}

describe('compileSchemaSet / validateEnvelope', () => {
  const set = compiled(['/s/a.xsd', schemaA], ['/s/b.xsd', schemaB], ['/s/a2.xsd', schemaA2]);

  it('accepts a message whose header blocks and body element the schemas allow', () => {
    expect(set.validateEnvelope(env('<a:Token>t</a:Token>', '<a:Thing><a:Id>1</a:Id><a:Code>X</a:Code></a:Thing>'))).toEqual([]);
  });

  it("reports the body's and the headers' departures with libxml2's message and the line", () => {
    const problems = set.validateEnvelope(env('<a:Token><a:x/></a:Token>', '<a:Thing>\n<a:Id>one</a:Id>\n<a:Code>Y</a:Code></a:Thing>'));
    expect(problems.map((p) => p.line)).toEqual([2, 5, 6]);
    expect(problems[0]!.message).toMatch(/^Element '{urn:test:a}Token': Element content is not allowed, because the type definition is simple/);
    expect(problems[1]!.message).toMatch(/'one' is not a valid value of the atomic type 'xs:int'/);
    expect(problems[2]!.message).toMatch(/\[facet 'enumeration'\] The value 'Y'/);
  });

  it('says nothing about a message that is not a SOAP envelope, or a fault', () => {
    expect(set.validateEnvelope('<a:Thing xmlns:a="urn:test:a"/>')).toEqual([]);
    expect(set.validateEnvelope('not xml')).toEqual([]);
    expect(set.validateEnvelope(env('', '<s:Fault><faultcode>s:Client</faultcode><faultstring>no</faultstring></s:Fault>'))).toEqual([]);
  });

  it('passes over a header block or body element no schema declares (lax), and validates its declared children', () => {
    expect(set.validateEnvelope(env('<w:Security xmlns:w="urn:wsse"><w:Token>t</w:Token></w:Security>', '<a:Thing><a:Id>1</a:Id></a:Thing>'))).toEqual([]);
    // An rpc wrapper: not the schemas' element, but the declared element inside it is theirs to judge.
    const problems = set.validateEnvelope(env('', '<r:call xmlns:r="urn:rpc"><a:Thing><a:Id>one</a:Id></a:Thing></r:call>'));
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/'one' is not a valid value of the atomic type 'xs:int'/)]);
  });

  it('bounds the problems of one message', () => {
    const many = Array.from({ length: 30 }, () => '<a:Thing/>').join('');
    const problems = set.validateEnvelope(env('', many), { maxProblems: 5 });
    expect(problems).toHaveLength(6);
    expect(problems[5]!.message).toMatch(/^25 more schema problems not shown/);
  });

  it('reads an included document only through readLocal, and nothing else from disk or network', () => {
    const main = `<xs:schema ${XS} targetNamespace="${A}"><xs:include schemaLocation="common.xsd"/></xs:schema>`;
    const common = `<xs:schema ${XS} targetNamespace="${A}"><xs:element name="Thing" type="xs:int"/></xs:schema>`;
    const asked: string[] = [];
    const withLocal = compileSchemaSet([{ location: '/s/main.xsd', text: main }], {
      readLocal: (p) => { asked.push(p); return p === '/s/common.xsd' ? Buffer.from(common) : undefined; },
    });
    expect(withLocal.ok).toBe(true);
    expect(asked).toEqual(['/s/common.xsd']);
    const refused = compileSchemaSet([{ location: '/s/main.xsd', text: main }]);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/common\.xsd/);
    const passwd = compileSchemaSet([{ location: '/s/x.xsd', text: `<xs:schema ${XS}><xs:include schemaLocation="/etc/hostname"/></xs:schema>` }]);
    expect(passwd.ok).toBe(false);
  });

  it('supplies the SOAP encoding schema that rpc/encoded WSDLs name without shipping it', () => {
    const ENC = 'http://schemas.xmlsoap.org/soap/encoding/';
    const encoded = `<xs:schema ${XS} xmlns:enc="${ENC}" targetNamespace="${A}"><xs:import namespace="${ENC}"/>
      <xs:complexType name="Strings"><xs:complexContent><xs:restriction base="enc:Array"><xs:sequence><xs:element name="item" type="xs:string" minOccurs="0" maxOccurs="unbounded"/></xs:sequence><xs:attribute ref="enc:arrayType"/></xs:restriction></xs:complexContent></xs:complexType>
      <xs:element name="Names" type="a:Strings" xmlns:a="${A}"/></xs:schema>`;
    const r = compileSchemaSet([{ location: '/s/enc.xsd', text: encoded }]);
    expect(r.ok ? 'compiles' : r.message).toBe('compiles');
    const names = (v: string) => env('', `<a:Names xmlns:enc="${ENC}" enc:arrayType="xs:string[1]"><item>${v}</item></a:Names>`);
    expect(r.ok && r.set.validateEnvelope(names('x'))).toEqual([]);
    expect(r.ok && r.set.validateEnvelope(names('<b/>'))).toHaveLength(1);
  });

  it('says which document is not a schema', () => {
    const r = compileSchemaSet([{ location: '/s/x.xsd', text: '<notaschema/>' }]);
    expect(r).toEqual({ ok: false, message: '/s/x.xsd is not an XML Schema document (no xs:schema root)' });
  });
});
