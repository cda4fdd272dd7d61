/** The expanded name of a SOAP message's body element (the Body's first child), for selecting its operation. */
import type { ExpandedName } from '../xml/qname.ts';
import { childElements, type XDocument } from '../xml/tree.ts';

export function bodyElementName(doc: XDocument): ExpandedName | undefined {
  const root = doc.root;
  if (root.local !== 'Envelope') return undefined;
  const body = childElements(root).find((c) => c.local === 'Body' && c.ns === root.ns);
  const first = body ? childElements(body)[0] : undefined;
  return first ? { ns: first.ns, local: first.local } : undefined;
}
