/**
 * Qualified names. A QName written as `prefix:local` is resolved through a namespace scope
 * to its expanded form `{uri}local` (Clark notation); two QNames are equal when their
 * expanded forms are equal, whatever their prefixes.
 */
import type { NamespaceScope } from './tree.ts';

export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
/** .NET's DataContract serialization types (guid, char, duration). */
export const MS_SERIALIZATION_NS = 'http://schemas.microsoft.com/2003/10/Serialization/';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const SOAP11_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_ENV_NS = 'http://www.w3.org/2003/05/soap-envelope';
export const SOAP_ENC_NS = 'http://schemas.xmlsoap.org/soap/encoding/';

export interface ExpandedName {
  readonly ns: string;
  readonly local: string;
}

/** Split `p:local` into prefix and local part ('' prefix when there is none). */
export function splitQName(qname: string): { prefix: string; local: string } {
  const i = qname.indexOf(':');
  return i < 0 ? { prefix: '', local: qname } : { prefix: qname.slice(0, i), local: qname.slice(i + 1) };
}

/**
 * Resolve `p:local` through a scope. An unprefixed name takes the default namespace when
 * `useDefault` is true (as xsi:type values do), else no namespace (as contract field names do).
 * Returns null when the prefix is not declared.
 */
export function resolveQName(qname: string, scope: NamespaceScope, useDefault = true): ExpandedName | null {
  // The checks ask about one element's xsi:type several times in a row (which type, may it stand there, is it
  // declared): the last answer is kept for a scope that cannot change (a parsed tree's scopes are frozen).
  const last = lastResolved;
  if (last.scope === scope && last.qname === qname && last.useDefault === useDefault) return last.name;
  const name = resolve(qname, scope, useDefault);
  if (Object.isFrozen(scope)) lastResolved = { qname, scope, useDefault, name };
  return name;
}

let lastResolved: { qname: string; scope: NamespaceScope | null; useDefault: boolean; name: ExpandedName | null } = { qname: '', scope: null, useDefault: false, name: null };

function resolve(qname: string, scope: NamespaceScope, useDefault: boolean): ExpandedName | null {
  const { prefix, local } = splitQName(qname.trim());
  if (!local) return null;
  if (prefix === '') return Object.freeze({ ns: useDefault ? scope[''] ?? '' : '', local });
  const ns = Object.prototype.hasOwnProperty.call(scope, prefix) ? scope[prefix] : undefined;
  return ns === undefined ? null : Object.freeze({ ns, local });
}

/** `{uri}local`, or `local` when in no namespace. */
export function clark(name: ExpandedName): string {
  return name.ns ? `{${name.ns}}${name.local}` : name.local;
}

export function sameName(a: ExpandedName, b: ExpandedName): boolean {
  return a.local === b.local && a.ns === b.ns;
}
