/**
 * Constructors of resolved type definitions with every default filled in, for code (importers,
 * tests) that makes a registry without a types file.
 */
import type { ExpandedName } from '../xml/qname.ts';
import type { ComplexTypeDef, Field, SimpleTypeDef } from './model.ts';
import { singleGroup } from './particles.ts';

/** A complex type whose content is the plain sequence `fields`. */
export function complexTypeDef(name: ExpandedName, written: string, fields: Field[], extra: Partial<ComplexTypeDef> = {}): ComplexTypeDef {
  const content = singleGroup('sequence', fields);
  return { kind: 'complex', name, written, fields, content, own: content, abstract: false, attributes: [], derived: new Set(), ...extra };
}

/** A simple type: `extra` gives base, enum, list, facets… (enumComplete defaults to true). */
export function simpleTypeDef(name: ExpandedName, written: string, extra: Partial<SimpleTypeDef> = {}): SimpleTypeDef {
  return { kind: 'simple', name, written, enumComplete: true, list: false, facets: {}, derived: new Set(), ...extra };
}
