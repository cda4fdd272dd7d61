/**
 * A lexically valid sample value for a type: what the builder writes for a field that has
 * neither a given value nor an example, and what the mock uses to fill responses.
 */
import type { TypeRegistry } from '../contract/model.ts';
import { clark, XSD_NS, type ExpandedName } from '../xml/qname.ts';
import { MS_SERIALIZATION_NS } from '../xml/qname.ts';

/** Samples for the XML Schema built-ins by local name (anything else in the namespace: ''). */
const XSD_SAMPLES: Readonly<Record<string, string>> = {
  string: '', normalizedString: '', token: '', anyType: '', anySimpleType: '',
  language: 'en', Name: 'name', NCName: 'name', ID: 'id1', IDREF: 'id1', IDREFS: 'id1',
  ENTITY: 'entity', ENTITIES: 'entity', NMTOKEN: 'token', NMTOKENS: 'token',
  boolean: 'false',
  decimal: '0', integer: '0', nonPositiveInteger: '0', negativeInteger: '-1', long: '0', int: '0', short: '0', byte: '0',
  nonNegativeInteger: '0', unsignedLong: '0', unsignedInt: '0', unsignedShort: '0', unsignedByte: '0', positiveInteger: '1',
  float: '0', double: '0',
  duration: 'PT0S', dateTime: '2000-01-01T00:00:00Z', time: '00:00:00', date: '2000-01-01',
  gYearMonth: '2000-01', gYear: '2000', gMonthDay: '--01-01', gDay: '---01', gMonth: '--01',
  hexBinary: '', base64Binary: '', anyURI: 'http://example.com/', QName: 'name', NOTATION: 'name',
};

/** The .NET / WCF serialization namespace's primitive types (guid, char, duration). */
const MS_SAMPLES: Readonly<Record<string, string>> = {
  guid: '00000000-0000-0000-0000-000000000000',
  char: '0',
  duration: 'PT0S',
};

/**
 * A lexically valid value for `type`: XSD built-ins by their lexical space, the first value of an
 * enum (or of a flags list), the sample of a simple type's base, '' for an unknown simple type,
 * a complex type, or no type at all.
 */
export function sampleValue(type: ExpandedName | undefined, types: TypeRegistry): string {
  if (!type) return '';
  if (type.ns === XSD_NS) return XSD_SAMPLES[type.local] ?? '';
  if (type.ns === MS_SERIALIZATION_NS && MS_SAMPLES[type.local] !== undefined) return MS_SAMPLES[type.local]!;
  const def = types.get(clark(type));
  if (!def || def.kind !== 'simple') return '';
  if (def.enum && def.enum.length > 0) return def.enum[0]!;
  if (def.base) return sampleValue(def.base, types);
  // An undefined simple type named like a well-known primitive (e.g. a re-declared guid).
  if (type.local === 'guid') return MS_SAMPLES.guid!;
  return '';
}
