/** The XML Schema built-in types: `xsd:*` type references that need no definition in a types file. */
import { XSD_NS, type ExpandedName } from '../xml/qname.ts';

export const XSD_BUILTINS: ReadonlySet<string> = new Set([
  'anyType', 'anySimpleType',
  'string', 'normalizedString', 'token', 'language', 'Name', 'NCName', 'ID', 'IDREF', 'IDREFS',
  'ENTITY', 'ENTITIES', 'NMTOKEN', 'NMTOKENS',
  'boolean',
  'decimal', 'integer', 'nonPositiveInteger', 'negativeInteger', 'long', 'int', 'short', 'byte',
  'nonNegativeInteger', 'unsignedLong', 'unsignedInt', 'unsignedShort', 'unsignedByte', 'positiveInteger',
  'float', 'double',
  'duration', 'dateTime', 'time', 'date', 'gYearMonth', 'gYear', 'gMonthDay', 'gDay', 'gMonth',
  'hexBinary', 'base64Binary', 'anyURI', 'QName', 'NOTATION',
]);

/** True for a known XML Schema built-in type. */
export function isXsdBuiltin(name: ExpandedName): boolean {
  return name.ns === XSD_NS && XSD_BUILTINS.has(name.local);
}
