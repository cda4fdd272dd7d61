/**
 * Dotted local-name paths (`SaveUntrustedCredentials.Credentials.SecretValue`) — the same keys
 * buildMessage takes for values — resolved against a contract's message shape (to validate
 * mock options when the mock starts) and against a parsed message (to read values out of it).
 */
import type { Contract, Field, Message } from '../contract/model.ts';
import { childElements, isNil, textContent, type XDocument, type XElement } from '../xml/index.ts';
import { clark } from '../xml/qname.ts';

function subFields(field: Field, contract: Contract): Field[] {
  if (field.fields) return field.fields;
  if (!field.type) return [];
  const def = contract.types.get(clark(field.type));
  return def?.kind === 'complex' ? def.fields : [];
}

/**
 * Check that a dotted path names a field of a message: its first segment is the body element
 * or a header block (local names), each further segment a child field. Returns null when it
 * does, else a plain-English reason.
 */
export function checkFieldPath(contract: Contract, message: 'request' | 'response', path: string): string | null {
  const msg: Message = contract[message];
  const segments = path.split('.');
  if (segments.some((s) => s === '')) return `"${path}" is not a dotted path of element names`;
  const [first, ...rest] = segments;
  let field: Field | undefined = [msg.body, ...msg.headers].find((f) => f.name.local === first);
  if (!field) {
    const known = [msg.body, ...msg.headers].map((f) => f.name.local).join(', ');
    return `"${path}": the ${message} has no body element or header block named ${first} (it has ${known})`;
  }
  let at = first!;
  for (const seg of rest) {
    const next: Field | undefined = subFields(field, contract).find((f) => f.name.local === seg);
    if (!next) return `"${path}": ${at} has no child field named ${seg}`;
    field = next;
    at += '.' + seg;
  }
  return null;
}

function firstChild(el: XElement, local: string): XElement | undefined {
  return childElements(el).find((c) => c.local === local);
}

/**
 * The element a dotted path names in a parsed SOAP message: the first segment is looked up
 * among the children of Body, then of Header, then of Envelope itself (some sources put header
 * blocks there); each further segment is the first child with that local name.
 */
export function elementAtPath(doc: XDocument, path: string): XElement | undefined {
  const env = doc.root;
  const [first, ...rest] = path.split('.');
  const body = firstChild(env, 'Body');
  const header = firstChild(env, 'Header');
  let el = (body && firstChild(body, first!)) ?? (header && firstChild(header, first!)) ?? firstChild(env, first!);
  for (const seg of rest) {
    if (!el) return undefined;
    el = firstChild(el, seg);
  }
  return el;
}


/**
 * The simple values under an element, keyed by dotted path relative to it ('' for the
 * element itself when it has no child elements). Nil elements are left out; of repeated
 * elements the first one counts (buildMessage writes one item per array).
 */
export function leafValues(el: XElement): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Set<string>();
  const walk = (e: XElement, rel: string): void => {
    if (isNil(e)) return;
    const kids = childElements(e);
    if (kids.length === 0) {
      out.set(rel, textContent(e));
      return;
    }
    for (const k of kids) {
      const key = rel === '' ? k.local : `${rel}.${k.local}`;
      if (seen.has(key)) continue;
      seen.add(key);
      walk(k, key);
    }
  };
  walk(el, '');
  return out;
}
