/**
 * SOAP Faults, written by soapcheck itself (the mock's answers to bad requests).
 *
 * 1.1: `soap:Fault` with unqualified `faultcode` (soap:Client, soap:Server, …), `faultstring`
 * and `detail`. 1.2: `env:Fault` with `Code/Value` (env:Sender, env:Receiver, …),
 * `Reason/Text xml:lang` and `Detail`. The detail lists findings as elements in soapcheck's
 * own namespace (rule id, severity, message, path, line) — findings never hold secret values,
 * and every string is escaped here.
 */
import type { SoapVersion } from '../contract/model.ts';
import { escapeAttr, escapeText, stripInvalidXmlChars } from '../xml/escape.ts';
import { soapVersionInfo } from './versions.ts';

/** Namespace of the elements soapcheck writes into a fault's detail. */
export const FINDINGS_NS = 'urn:soapcheck:findings:1';

/**
 * Whose fault it is, in version-neutral terms: `sender` (1.1 Client, 1.2 Sender) — the request
 * was wrong; `receiver` (Server / Receiver) — the service failed; `version-mismatch` — the
 * envelope is not in the version the endpoint speaks.
 */
export type FaultCode = 'sender' | 'receiver' | 'version-mismatch';

export interface FaultSpec {
  version: SoapVersion;
  code: FaultCode;
  /** Human-readable reason (faultstring / Reason/Text). */
  reason: string;
  /** Findings to list in the detail; no Detail element when empty or absent. */
  findings?: readonly FaultFinding[];
  /** Language of the reason text (1.2 `xml:lang`). Default `en`. */
  lang?: string;
}

const CODE_LOCAL: Record<SoapVersion, Record<FaultCode, string>> = {
  '1.1': { sender: 'Client', receiver: 'Server', 'version-mismatch': 'VersionMismatch' },
  '1.2': { sender: 'Sender', receiver: 'Receiver', 'version-mismatch': 'VersionMismatch' },
};

/** The fault code's local name in a SOAP version (`Client`, `Sender`, …). */
export function faultCodeName(version: SoapVersion, code: FaultCode): string {
  return CODE_LOCAL[version][code];
}

/**
 * HTTP status for a fault. SOAP 1.1 over HTTP: always 500. SOAP 1.2 HTTP binding: 400 for a
 * Sender fault, 500 for the others.
 */
export function faultHttpStatus(version: SoapVersion, code: FaultCode): number {
  return version === '1.2' && code === 'sender' ? 400 : 500;
}

const text = (s: string): string => escapeText(stripInvalidXmlChars(s));

/** What a fault's detail lists of a finding (a checks Finding has all of it; soap sits below checks). */
export interface FaultFinding {
  rule: string;
  severity: string;
  message: string;
  path: string;
  line?: number;
}

function findingsXml(findings: readonly FaultFinding[], indent: string): string {
  const lines = [`${indent}<sc:Findings xmlns:sc="${escapeAttr(FINDINGS_NS)}" count="${findings.length}">`];
  for (const f of findings) {
    lines.push(`${indent}  <sc:Finding>`);
    lines.push(`${indent}    <sc:Rule>${text(f.rule)}</sc:Rule>`);
    lines.push(`${indent}    <sc:Severity>${text(f.severity)}</sc:Severity>`);
    lines.push(`${indent}    <sc:Message>${text(f.message)}</sc:Message>`);
    lines.push(`${indent}    <sc:Path>${text(f.path)}</sc:Path>`);
    if (f.line !== undefined) lines.push(`${indent}    <sc:Line>${f.line}</sc:Line>`);
    lines.push(`${indent}  </sc:Finding>`);
  }
  lines.push(`${indent}</sc:Findings>`);
  return lines.join('\n');
}

/** A complete SOAP envelope holding one Fault, as an XML string. */
export function buildFault(spec: FaultSpec): string {
  const ns = soapVersionInfo(spec.version).envelopeNs;
  const code = faultCodeName(spec.version, spec.code);
  const findings = spec.findings ?? [];
  const out = ['<?xml version="1.0" encoding="utf-8"?>', `<soap:Envelope xmlns:soap="${ns}">`, '  <soap:Body>', '    <soap:Fault>'];
  if (spec.version === '1.1') {
    out.push(`      <faultcode>soap:${code}</faultcode>`);
    out.push(`      <faultstring>${text(spec.reason)}</faultstring>`);
    if (findings.length) out.push('      <detail>', findingsXml(findings, '        '), '      </detail>');
  } else {
    out.push(`      <soap:Code><soap:Value>soap:${code}</soap:Value></soap:Code>`);
    out.push(`      <soap:Reason><soap:Text xml:lang="${escapeAttr(spec.lang ?? 'en')}">${text(spec.reason)}</soap:Text></soap:Reason>`);
    if (findings.length) out.push('      <soap:Detail>', findingsXml(findings, '        '), '      </soap:Detail>');
  }
  out.push('    </soap:Fault>', '  </soap:Body>', '</soap:Envelope>', '');
  return out.join('\n');
}
