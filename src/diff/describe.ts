/** How fields, types and cardinalities are written in change messages. */
import type { Field } from '../contract/model.ts';

/** `User:UserId` as written in its contract. */
export function fieldName(f: Field): string {
  return f.written;
}

/** The declared type as written in its contract (its local part when the prefix is unknown here). */
export function typeText(f: Field): string {
  if (f.fields) return 'inline content';
  if (!f.type) return 'any text';
  return f.type.local;
}

/** `[0..1]`, `[1..*]`. */
export function occurs(f: Field): string {
  return `[${f.minOccurs}..${f.maxOccurs === Infinity ? '*' : f.maxOccurs}]`;
}

/** `User:UserId (int [1..1])`. */
export function fieldText(f: Field): string {
  return `${fieldName(f)} (${typeText(f)} ${occurs(f)}${f.nillable ? ' nillable' : ''})`;
}

/** At most `max` items, then how many more. */
export function listText(items: readonly string[], max = 8): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
