/**
 * Type derivation: whether a type named by `xsi:type` may stand where another is declared.
 * The resolved registry records, for each named type, every type derived from it (extension or
 * restriction, directly or not); `xsd:anyType` is the base of every type, `xsd:anySimpleType` of
 * every simple type and built-in, and the built-ins derive from each other as XML Schema Part 2
 * says (`xsd:int` from `xsd:long` … from `xsd:decimal`).
 */
import { clark, XSD_NS, type ExpandedName } from '../xml/qname.ts';
import type { TypeRegistry } from './model.ts';

/** Built-in → the built-in it restricts (primitives and list types are left out: their base is anySimpleType). */
const BUILTIN_BASE: Readonly<Record<string, string>> = {
  normalizedString: 'string', token: 'normalizedString', language: 'token', Name: 'token', NMTOKEN: 'token',
  NCName: 'Name', ID: 'NCName', IDREF: 'NCName', ENTITY: 'NCName',
  integer: 'decimal', nonPositiveInteger: 'integer', negativeInteger: 'nonPositiveInteger',
  long: 'integer', int: 'long', short: 'int', byte: 'short',
  nonNegativeInteger: 'integer', unsignedLong: 'nonNegativeInteger', unsignedInt: 'unsignedLong',
  unsignedShort: 'unsignedInt', unsignedByte: 'unsignedShort', positiveInteger: 'nonNegativeInteger',
};

/** True when built-in `local` is `ancestor` or restricts it, directly or not. */
function builtinDerives(local: string, ancestor: string): boolean {
  for (let t: string | undefined = local, n = 0; t !== undefined && n < 10; t = BUILTIN_BASE[t], n++) if (t === ancestor) return true;
  return false;
}

/** True when `type` is `declared` or derived from it. */
export function isDerivedFrom(types: TypeRegistry, type: ExpandedName, declared: ExpandedName): boolean {
  if (type.ns === declared.ns && type.local === declared.local) return true;
  if (declared.ns === XSD_NS) {
    if (declared.local === 'anyType') return true;
    const def = type.ns === XSD_NS ? undefined : types.get(clark(type));
    if (type.ns !== XSD_NS && def?.kind !== 'simple') return false;
    if (declared.local === 'anySimpleType') return type.ns === XSD_NS ? type.local !== 'anyType' : true;
    // A named simple type derives from the built-ins its base chain ends in (lists from none).
    const builtin = type.ns === XSD_NS ? type.local : def?.kind === 'simple' && !def.list ? def.base?.local : undefined;
    return builtin !== undefined && builtinDerives(builtin, declared.local);
  }
  const def = types.get(clark(declared));
  return def !== undefined && def.derived.has(clark(type));
}
