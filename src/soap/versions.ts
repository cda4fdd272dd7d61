/** SOAP 1.1 and 1.2: envelope namespaces, media types and the HTTP binding's conventions. */
import { SOAP11_ENV_NS, SOAP12_ENV_NS } from '../xml/qname.ts';
import type { SoapVersion } from '../contract/model.ts';

export interface SoapVersionInfo {
  version: SoapVersion;
  envelopeNs: string;
  /** Media type of a message body. */
  contentType: 'text/xml' | 'application/soap+xml';
  /** HTTP statuses the binding allows for a fault. */
  faultStatuses: readonly number[];
}

export const SOAP11: SoapVersionInfo = { version: '1.1', envelopeNs: SOAP11_ENV_NS, contentType: 'text/xml', faultStatuses: [500] };
export const SOAP12: SoapVersionInfo = { version: '1.2', envelopeNs: SOAP12_ENV_NS, contentType: 'application/soap+xml', faultStatuses: [500, 400] };

export function soapVersionInfo(v: SoapVersion): SoapVersionInfo {
  return v === '1.1' ? SOAP11 : SOAP12;
}

/** The SOAP version whose envelope namespace this is, or null. */
export function versionOfEnvelopeNs(ns: string): SoapVersionInfo | null {
  return ns === SOAP11_ENV_NS ? SOAP11 : ns === SOAP12_ENV_NS ? SOAP12 : null;
}

/** Content-Type header value for a message in this version (1.2 carries the action as a parameter). */
export function contentTypeFor(v: SoapVersion, action?: string): string {
  if (v === '1.1') return 'text/xml; charset=utf-8';
  return action ? `application/soap+xml; charset=utf-8; action="${action}"` : 'application/soap+xml; charset=utf-8';
}
