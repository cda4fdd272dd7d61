/**
 * Particles of complex content: fields (elements), groups (sequence, all, choice) and wildcards.
 * Helpers to tell them apart and to flatten a group into its fields.
 */
import type { Field, FieldDoc, Group, Particle, ParticleDoc, Wildcard } from './model.ts';

export function isGroup(p: Particle): p is Group {
  return 'group' in p;
}

export function isWildcard(p: Particle): p is Wildcard {
  return 'any' in p;
}

/** Every field in a group, depth first, in document order. */
export function groupFields(group: Group): Field[] {
  const out: Field[] = [];
  const visit = (ps: readonly Particle[]) => {
    for (const p of ps) {
      if (isGroup(p)) visit(p.particles);
      else if (!isWildcard(p)) out.push(p);
    }
  };
  visit(group.particles);
  return out;
}

/** A group of one occurrence. */
export function singleGroup(group: Group['group'], particles: Particle[]): Group {
  return { group, particles, minOccurs: 1, maxOccurs: 1 };
}

/** True for a field entry of a field list as written (not a group or wildcard). */
export function isFieldDoc(p: ParticleDoc): p is FieldDoc {
  return !('choice' in p) && !('sequence' in p) && !('any' in p);
}

/** The field entries of a field list as written (groups and wildcards left out). */
export function fieldDocs(ps: readonly ParticleDoc[] | undefined): FieldDoc[] {
  return (ps ?? []).filter(isFieldDoc);
}
