/** Shared helpers for the mock's tests: fixture contracts, sending SOAP, reading faults. */
import { join } from 'node:path';
import { request } from 'undici';
import type { Contract } from '../../src/contract/model.ts';
import { loadContracts } from '../../src/contract/load.ts';
import { FINDINGS_NS } from '../../src/soap/fault.ts';
import { versionOfEnvelopeNs } from '../../src/soap/versions.ts';
import { childElements, parseXml, resolveQName, textContent, type XElement } from '../../src/xml/index.ts';
import { REPO_ROOT } from '../support/corpus.ts';

export const FIXTURES = join(REPO_ROOT, 'test', 'fixtures', 'mock');

export async function fixtureContracts(): Promise<Contract[]> {
  const { contracts, problems } = await loadContracts([FIXTURES]);
  if (problems.length) throw new Error(`fixture contracts have problems: ${JSON.stringify(problems)}`);
  return contracts;
}

export function byOperation(contracts: readonly Contract[], op: string): Contract {
  const c = contracts.find((x) => `${x.service}/${x.operation}` === op);
  if (!c) throw new Error(`no fixture contract ${op}`);
  return c;
}

export const NS = {
  clock: 'http://example.test/ws/Demo9/Clock',
  vault: 'http://example.test/ws/Demo9',
  s11: 'http://schemas.xmlsoap.org/soap/envelope/',
  s12: 'http://www.w3.org/2003/05/soap-envelope',
  xsi: 'http://www.w3.org/2001/XMLSchema-instance',
  xsd: 'http://www.w3.org/2001/XMLSchema',
};

/** A SOAP 1.1 envelope around a body (written by hand, so tests can break it at will). */
export function env11(body: string, header = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="${NS.s11}" xmlns:xsi="${NS.xsi}" xmlns:xsd="${NS.xsd}" xmlns:C="${NS.clock}">${header ? `<s:Header>${header}</s:Header>` : ''}<s:Body>${body}</s:Body></s:Envelope>`;
}

export function env12(body: string, header = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<e:Envelope xmlns:e="${NS.s12}" xmlns:xsi="${NS.xsi}" xmlns:xsd="${NS.xsd}" xmlns:V="${NS.vault}">${header ? `<e:Header>${header}</e:Header>` : ''}<e:Body>${body}</e:Body></e:Envelope>`;
}

export const VAULT_HEADERS = '<V:ApplicationToken>app-token-1</V:ApplicationToken><V:Credentials><V:Ticket>7T:made-up==</V:Ticket></V:Credentials>';

export interface Sent {
  status: number;
  contentType: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** POST a SOAP 1.1 message (SOAPAction header) or 1.2 (action in Content-Type). */
export async function postSoap(url: string, version: '1.1' | '1.2', body: string, action?: string): Promise<Sent> {
  const headers: Record<string, string> =
    version === '1.1'
      ? { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action ?? ''}"` }
      : { 'content-type': `application/soap+xml; charset=utf-8${action !== undefined ? `; action="${action}"` : ''}` };
  const r = await request(url, { method: 'POST', body, headers });
  return { status: r.statusCode, contentType: String(r.headers['content-type'] ?? ''), headers: r.headers, body: await r.body.text() };
}

function child(el: XElement | undefined, local: string): XElement | undefined {
  return el ? childElements(el).find((e) => e.local === local) : undefined;
}

/** The body element of a response envelope: `{ns}local`, plus the parsed root. */
export function bodyElement(xml: string): XElement {
  const r = parseXml(xml);
  if (!r.ok) throw new Error(`response is not XML: ${r.message}\n${xml}`);
  const el = childElements(child(r.doc.root, 'Body')!)[0];
  if (!el) throw new Error('response has no body element');
  return el;
}

export interface ReadFault {
  version: '1.1' | '1.2';
  /** Fault code local name: Client, Sender, VersionMismatch, … */
  code: string;
  reason: string;
  rules: string[];
  messages: string[];
}

/** Read a SOAP Fault written by the mock, in either version. Throws when it is not one. */
export function readFault(xml: string): ReadFault {
  const r = parseXml(xml);
  if (!r.ok) throw new Error(`fault is not XML: ${r.message}`);
  const root = r.doc.root;
  const version = versionOfEnvelopeNs(root.ns)?.version;
  const fault = child(child(root, 'Body'), 'Fault');
  if (!version || !fault || fault.ns !== root.ns) throw new Error(`not a SOAP fault:\n${xml}`);
  const codeEl = version === '1.1' ? child(fault, 'faultcode') : child(child(fault, 'Code'), 'Value');
  const code = resolveQName(textContent(codeEl!), codeEl!.scope);
  if (code?.ns !== root.ns) throw new Error(`fault code not in the envelope namespace: ${textContent(codeEl!)}`);
  const reasonEl = version === '1.1' ? child(fault, 'faultstring') : child(child(fault, 'Reason'), 'Text');
  const detail = child(fault, version === '1.1' ? 'detail' : 'Detail');
  const list = detail ? childElements(detail).find((e) => e.local === 'Findings' && e.ns === FINDINGS_NS) : undefined;
  const findings = list ? childElements(list) : [];
  return {
    version,
    code: code.local,
    reason: textContent(reasonEl!),
    rules: findings.map((f) => textContent(child(f, 'Rule')!)),
    messages: findings.map((f) => textContent(child(f, 'Message')!)),
  };
}
