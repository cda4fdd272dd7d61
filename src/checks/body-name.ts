/**
 * The body element of a SOAP message (the first child element of the envelope's Body), for
 * selecting its operation. One reading for `verify` and the mock: the Body counts only in the
 * envelope's own namespace (a `Body` in any other namespace is not the SOAP Body, as
 * envelope/structure says), so both route the same odd message the same way.
 */
import type { ExpandedName } from '../xml/qname.ts';
import { childElements, type XDocument, type XElement } from '../xml/tree.ts';

export function bodyElement(doc: XDocument): XElement | undefined {
  const root = doc.root;
  if (root.local !== 'Envelope') return undefined;
  const body = childElements(root).find((c) => c.local === 'Body' && c.ns === root.ns);
  return body ? childElements(body)[0] : undefined;
}

export function bodyElementName(doc: XDocument): ExpandedName | undefined {
  const first = bodyElement(doc);
  return first ? { ns: first.ns, local: first.local } : undefined;
}
