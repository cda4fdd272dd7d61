/**
 * The mock's authentication: the request fields a contract pack binds to credentials (SuperOffice:
 * ApplicationToken, Credentials.Ticket) must carry the values the mock was given. A request whose
 * bound field differs gets the contract's fault, as a real installation would answer a wrong ticket.
 * Messages name the field, never a value.
 */
import { childElements, textContent, type XDocument, type XElement } from '../xml/index.ts';

/** Expected values per dotted path (as suite values: `Credentials.Ticket`), for one operation. */
export type ExpectedCredentials = Readonly<Record<string, string>>;

/** The first bound field whose value in the request is not the expected one (by dotted path), or undefined. */
export function credentialMismatch(doc: XDocument, expected: ExpectedCredentials): string | undefined {
  const envelope = childElements(doc.root);
  const header = envelope.find((e) => e.local === 'Header');
  const body = envelope.find((e) => e.local === 'Body');
  const tops = [...(header ? childElements(header) : []), ...(body ? childElements(body).slice(0, 1) : [])];
  for (const [path, value] of Object.entries(expected)) {
    const got = valueAt(tops, path.split('.'));
    if (got !== value) return path;
  }
  return undefined;
}

/** Text of the element at the dotted path of local names, from the header blocks or the body element. */
function valueAt(tops: readonly XElement[], steps: readonly string[]): string | undefined {
  let level: readonly XElement[] = tops;
  let found: XElement | undefined;
  for (const step of steps) {
    found = level.find((e) => e.local === step);
    if (!found) return undefined;
    level = childElements(found);
  }
  return found ? textContent(found).trim() : undefined;
}
