/**
 * Negative cases: a scenario step that expects a fault (its code, a pattern for its reason) and/or the
 * findings of named rules. A fault then passes and a normal response fails; the expected rules' findings
 * are kept in the report as warnings marked "(expected)", and each expected rule must report at least once.
 */
import type { Finding } from '../checks/api.ts';
import { faultSubcodes, faultSummary, localOf } from '../checks/helpers/fault-read.ts';
import { childElements, parseXml } from '../xml/index.ts';
import { SOAP11_ENV_NS, SOAP12_ENV_NS } from '../xml/qname.ts';
import type { StepExpect } from './suite.ts';

export interface Judged {
  /** The findings with the expected ones turned into warnings (and fault/unexpected dropped when a fault was expected). */
  findings: Finding[];
  /** What was checked, `ok …` or `FAILED …`. */
  messages: string[];
  ok: boolean;
}

/** SOAP 1.1 and 1.2 spell the two main codes differently; either spelling matches either. */
const SAME_CODE: Record<string, string> = { Client: 'Sender', Sender: 'Sender', Server: 'Receiver', Receiver: 'Receiver' };

export function judgeExpectation(expect: StepExpect, body: string, status: number, findings: readonly Finding[]): Judged {
  const messages: string[] = [];
  let ok = true;
  let out = [...findings];
  if (expect.fault) {
    out = out.filter((f) => f.rule !== 'fault/unexpected');
    const fault = readFault(body);
    if (!fault) {
      ok = false;
      messages.push(`FAILED expected a SOAP Fault, got HTTP ${status} without one`);
    } else {
      const want = expect.fault;
      const codes = [fault.code, ...fault.subcodes].filter((c): c is string => c !== null);
      if (want.code !== undefined && !codes.some((c) => c === want.code || (SAME_CODE[c] !== undefined && SAME_CODE[c] === SAME_CODE[want.code!]))) {
        ok = false;
        messages.push(`FAILED expected fault code ${want.code}, got ${codes.join(' / ') || '(none)'}`);
      }
      if (want.reason !== undefined && !new RegExp(want.reason).test(fault.reason ?? '')) {
        ok = false;
        messages.push(`FAILED expected the fault reason to match /${want.reason}/, got ${JSON.stringify(fault.reason ?? '')}`);
      }
      if (ok) messages.push(`ok SOAP Fault ${fault.code ?? ''}${fault.reason !== null ? ` ${JSON.stringify(fault.reason.length > 200 ? fault.reason.slice(0, 199) + '…' : fault.reason)}` : ''}`.replace('Fault  ', 'Fault '));
    }
  }
  if (expect.rules.length) {
    const wanted = new Set(expect.rules);
    for (const id of expect.rules) {
      if (out.some((f) => f.rule === id)) messages.push(`ok expected finding ${id}`);
      else {
        ok = false;
        messages.push(`FAILED expected a finding of ${id}, got none`);
      }
    }
    out = out.map((f) => (wanted.has(f.rule) ? { ...f, severity: 'warn', message: `${f.message} (expected)` } : f));
  }
  return { findings: out, messages, ok };
}

/** Code (local name), subcodes and reason of the response's Fault, or null when it has none. */
function readFault(body: string): { code: string | null; subcodes: string[]; reason: string | null } | null {
  const parsed = parseXml(body);
  if (!parsed.ok) return null;
  const root = parsed.doc.root;
  if (root.local !== 'Envelope' || (root.ns !== SOAP11_ENV_NS && root.ns !== SOAP12_ENV_NS)) return null;
  const soapBody = childElements(root).find((e) => e.local === 'Body' && e.ns === root.ns);
  const fault = soapBody ? childElements(soapBody).find((e) => e.local === 'Fault' && e.ns === root.ns) : undefined;
  if (!fault) return null;
  const { code, reason } = faultSummary(fault, root.ns);
  return { code: code === null ? null : localOf(code), subcodes: faultSubcodes(fault, root.ns), reason };
}
