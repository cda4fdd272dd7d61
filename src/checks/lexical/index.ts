/** Lexical checkers by type: XSD built-ins, .NET serialization primitives, enums and enum lists. */
import { XSD_NS, clark, type ExpandedName } from '../../xml/qname.ts';
import { MS_CHECKS, MS_SERIALIZATION_NS, XSD_CHECKS, type LexicalCheck } from './xsd.ts';

export type { LexicalCheck } from './xsd.ts';
export { XSD_CHECKS, MS_CHECKS, MS_SERIALIZATION_NS } from './xsd.ts';

/** The checker for a built-in type, or undefined when the type is not a known built-in. */
export function builtinCheck(type: ExpandedName): LexicalCheck | undefined {
  if (type.ns === XSD_NS) return Object.hasOwn(XSD_CHECKS, type.local) ? XSD_CHECKS[type.local] : undefined;
  if (type.ns === MS_SERIALIZATION_NS) return Object.hasOwn(MS_CHECKS, type.local) ? MS_CHECKS[type.local] : undefined;
  return undefined;
}

/** Result of an enum check: `soft` when the value is outside a list known to be incomplete. */
export interface EnumProblem { reason: string; soft: boolean }

/**
 * A checker for an enum (or a whitespace-separated list of enum values, .NET [Flags] style).
 * Values are compared after whitespace collapsing, case-sensitively.
 */
export function enumCheck(values: readonly string[], opts: { list: boolean; complete: boolean }): (value: string) => EnumProblem | null {
  const set = new Set(values.map((v) => v.trim()));
  const shown = values.length > 8 ? `${values.slice(0, 8).join(', ')}, … (${values.length})` : values.join(', ');
  const reasonFor = (v: string): EnumProblem => ({
    reason: `${JSON.stringify(v)} is not one of ${opts.complete ? '' : 'the known values '}${shown}`,
    soft: !opts.complete,
  });
  return (raw) => {
    const v = raw.replace(/[\t\n\r ]+/g, ' ').trim();
    if (!opts.list) return set.has(v) ? null : reasonFor(v);
    for (const item of v === '' ? [] : v.split(' ')) if (!set.has(item)) return reasonFor(item);
    return null;
  };
}

/** Human label for a type: `xsd:int` style when it is a built-in, else Clark notation. */
export function typeLabel(type: ExpandedName): string {
  if (type.ns === XSD_NS) return `xsd:${type.local}`;
  return clark(type);
}
