/**
 * Schemas of namespaces that WSDLs refer to without shipping a schema for them, written here (not
 * copied) with just what WSDLs use, so that a schema set referring to them compiles without any
 * network: SOAP 1.1 encoding (`soapenc:Array`, `soapenc:arrayType`, `soapenc:string`, …).
 * compileSchemaSet adds one when a document of the set names its namespace and none of the set
 * defines it.
 */
import { SOAP_ENC_NS } from './qname.ts';

const XS = 'http://www.w3.org/2001/XMLSchema';

/** The simple types SOAP encoding re-declares as elements' types (value plus id/href). */
const ENCODED_SIMPLE = [
  'string', 'boolean', 'float', 'double', 'decimal', 'duration', 'dateTime', 'time', 'date', 'gYearMonth', 'gYear',
  'gMonthDay', 'gDay', 'gMonth', 'hexBinary', 'base64Binary', 'anyURI', 'QName', 'normalizedString', 'token',
  'language', 'Name', 'NCName', 'ID', 'IDREF', 'ENTITY', 'integer', 'nonPositiveInteger', 'negativeInteger', 'long',
  'int', 'short', 'byte', 'nonNegativeInteger', 'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte', 'positiveInteger',
];

function soapEncoding(): string {
  const simple = ENCODED_SIMPLE.map(
    (t) => `<xs:complexType name="${t}"><xs:simpleContent><xs:extension base="xs:${t}"><xs:attributeGroup ref="enc:commonAttributes"/></xs:extension></xs:simpleContent></xs:complexType>`,
  ).join('');
  return `<xs:schema xmlns:xs="${XS}" xmlns:enc="${SOAP_ENC_NS}" targetNamespace="${SOAP_ENC_NS}">` +
    '<xs:attribute name="root"><xs:simpleType><xs:restriction base="xs:boolean"><xs:pattern value="0|1"/></xs:restriction></xs:simpleType></xs:attribute>' +
    '<xs:attributeGroup name="commonAttributes"><xs:attribute name="id" type="xs:ID"/><xs:attribute name="href" type="xs:anyURI"/><xs:anyAttribute namespace="##other" processContents="lax"/></xs:attributeGroup>' +
    '<xs:attribute name="arrayType" type="xs:string"/><xs:attribute name="offset" type="xs:string"/><xs:attribute name="position" type="xs:string"/>' +
    '<xs:attributeGroup name="arrayAttributes"><xs:attribute ref="enc:arrayType"/><xs:attribute ref="enc:offset"/></xs:attributeGroup>' +
    '<xs:attributeGroup name="arrayMemberAttributes"><xs:attribute ref="enc:position"/></xs:attributeGroup>' +
    '<xs:group name="Array"><xs:sequence><xs:any namespace="##any" minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence></xs:group>' +
    '<xs:complexType name="Array"><xs:group ref="enc:Array" minOccurs="0"/><xs:attributeGroup ref="enc:arrayAttributes"/><xs:attributeGroup ref="enc:commonAttributes"/></xs:complexType>' +
    '<xs:element name="Array" type="enc:Array"/>' +
    '<xs:group name="Struct"><xs:sequence><xs:any namespace="##any" minOccurs="0" maxOccurs="unbounded" processContents="lax"/></xs:sequence></xs:group>' +
    '<xs:complexType name="Struct"><xs:group ref="enc:Struct" minOccurs="0"/><xs:attributeGroup ref="enc:commonAttributes"/></xs:complexType>' +
    '<xs:element name="Struct" type="enc:Struct"/>' +
    '<xs:simpleType name="base64"><xs:restriction base="xs:base64Binary"/></xs:simpleType>' +
    simple +
    '</xs:schema>';
}

/** Schema text for a namespace this module knows, or undefined. */
export function knownSchema(ns: string): string | undefined {
  return ns === SOAP_ENC_NS ? soapEncoding() : undefined;
}

export const KNOWN_NAMESPACES: readonly string[] = [SOAP_ENC_NS];
