/** Facts about a pair of fields that more than one check needs. */
import type { Field, TypeRegistry } from '../contract/model.ts';
import { clark } from '../xml/qname.ts';
import { typeText } from './describe.ts';
import { mapName, type NamespaceMap } from './namespaces.ts';

/** What the field's content is declared as, old names seen through the map: `{uri}local`, `inline` or `any`. */
function shape(f: Field, map?: NamespaceMap): string {
  if (f.fields) return 'inline';
  if (!f.type) return 'any';
  return clark(map ? mapName(map, f.type) : f.type);
}

/**
 * How the declared type changed, or undefined when it did not: another type name, inline content
 * against a named type, or the same simple type name over another XSD base.
 */
export function typeChange(o: Field, n: Field, map: NamespaceMap, oldTypes: TypeRegistry, newTypes: TypeRegistry): string | undefined {
  if (shape(o, map) !== shape(n)) return `type ${typeText(o)} → ${typeText(n)}`;
  if (!o.type || !n.type) return undefined;
  const ot = oldTypes.get(clark(o.type));
  const nt = newTypes.get(clark(n.type));
  if (ot?.kind !== 'simple' || nt?.kind !== 'simple') return undefined;
  const ob = ot.base?.local ?? 'any text';
  const nb = nt.base?.local ?? 'any text';
  if (ob !== nb) return `type ${nt.name.local}: base ${ob} → ${nb}`;
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
