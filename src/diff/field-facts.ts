/** Facts about a pair of fields that more than one check needs. */
import type { ComplexTypeDef, Fault, Field, TypeRegistry } from '../contract/model.ts';
import type { ExpandedName } from '../xml/qname.ts';
import { clark } from '../xml/qname.ts';
import { typeText } from './describe.ts';
import { mapName, type NamespaceMap } from '../contract/namespace-map.ts';

/** What the field's content is declared as, old names seen through the map: `{uri}local`, `inline` or `any`. */
function shape(f: Field, map?: NamespaceMap): string {
  if (f.fields) return 'inline';
  if (!f.type) return 'any';
  return clark(map ? mapName(map, f.type) : f.type);
}

/**
 * How the declared type changed, or undefined when it did not: another type name, inline content
 * against a named type, or the same simple type name over another XSD base (when both sides know it).
 */
export function typeChange(o: Field, n: Field, map: NamespaceMap, oldTypes: TypeRegistry, newTypes: TypeRegistry): string | undefined {
  if (shape(o, map) !== shape(n)) return `type ${typeText(o)} → ${typeText(n)}`;
  if (!o.type || !n.type) return undefined;
  const ot = oldTypes.get(clark(o.type));
  const nt = newTypes.get(clark(n.type));
  if (ot?.kind !== 'simple' || nt?.kind !== 'simple') return undefined;
  // A base one side does not know (a docs-derived enum) says nothing about the other's.
  if (ot.base && nt.base && ot.base.local !== nt.base.local) return `type ${nt.name.local}: base ${ot.base.local} → ${nt.base.local}`;
  if (ot.list !== nt.list) return `type ${nt.name.local}: ${ot.list ? 'a list of values → one value' : 'one value → a list of values'}`;
  return undefined;
}

/** Enum values of `a` missing from `b`; empty unless both lists are complete. */
export function enumValuesMissing(a: { enum?: string[]; enumComplete: boolean }, b: { enum?: string[]; enumComplete: boolean }): string[] {
  if (!a.enum || !b.enum || !a.enumComplete || !b.enumComplete) return [];
  const inB = new Set(b.enum);
  return a.enum.filter((v) => !inB.has(v));
}

/** `1`, `unbounded`. */
export function maxText(n: number): string {
  return n === Infinity ? 'unbounded' : String(n);
}

/** The field became required (minOccurs 0 → more) or optional (more → 0). */
export function optionality(o: Field, n: Field): 'became-required' | 'became-optional' | undefined {
  if (o.minOccurs === 0 && n.minOccurs > 0) return 'became-required';
  if (o.minOccurs > 0 && n.minOccurs === 0) return 'became-optional';
  return undefined;
}

/** Faults of `a` (by name, old names through the map) that `b` does not declare, as written. */
export function faultsMissing(a: readonly Fault[], b: readonly Fault[], map: NamespaceMap, aSide: 'old' | 'new'): string[] {
  const key = (f: Fault, side: 'old' | 'new'): string => clark(side === 'old' ? mapName(map, f.name) : f.name);
  const bSide = aSide === 'old' ? 'new' : 'old';
  const inB = new Set(b.map((f) => key(f, bSide)));
  return a.filter((f) => !inB.has(key(f, aSide))).map((f) => f.written);
}

/** How a complex type's derivation changed (base, or extension against restriction), or undefined. */
export function baseChange(o: ComplexTypeDef, n: ComplexTypeDef, map: NamespaceMap): string | undefined {
  const text = (t: ComplexTypeDef, name?: ExpandedName): string => (name ? `${t.derivation} of ${name.local}` : 'no base type');
  const ob = o.base && clark(mapName(map, o.base));
  const nb = n.base && clark(n.base);
  if (ob === nb && o.derivation === n.derivation) return undefined;
  return `type ${n.written}: ${text(o, o.base)} → ${text(n, n.base)}`;
}
