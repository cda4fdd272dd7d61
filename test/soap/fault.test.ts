import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/checks/api.ts';
import { buildFault, faultHttpStatus, FINDINGS_NS } from '../../src/soap/fault.ts';
import { attribute, childElements, parseXml, resolveQName, SOAP11_ENV_NS, SOAP12_ENV_NS, textContent, type XElement } from '../../src/xml/index.ts';

const findings: Finding[] = [
  { rule: 'field/missing', severity: 'error', message: 'Required field Ticket is missing', path: '/Envelope/Body/Op/Credentials', line: 7 },
  { rule: 'value/lexical', severity: 'warn', message: 'Value "<&>" is not an xsd:int', path: '/Envelope/Body/Op/Count' },
];

function parse(xml: string): XElement {
  const r = parseXml(xml);
  if (!r.ok) throw new Error(`fault is not well-formed: ${r.message}`);
  return r.doc.root;
}

function child(el: XElement, local: string, ns = ''): XElement {
  const c = childElements(el).find((e) => e.local === local && e.ns === ns);
  if (!c) throw new Error(`no ${local} under ${el.local}`);
  return c;
}

function detailFindings(detail: XElement) {
  const list = child(detail, 'Findings', FINDINGS_NS);
  return childElements(list).map((f) => ({
    rule: textContent(child(f, 'Rule', FINDINGS_NS)),
    severity: textContent(child(f, 'Severity', FINDINGS_NS)),
    message: textContent(child(f, 'Message', FINDINGS_NS)),
    path: textContent(child(f, 'Path', FINDINGS_NS)),
  }));
}

describe('buildFault', () => {
  it('writes a SOAP 1.1 Client fault with findings in the detail', () => {
    const env = parse(buildFault({ version: '1.1', code: 'sender', reason: 'Request breaks its contract', findings }));
    expect(env.ns).toBe(SOAP11_ENV_NS);
    const fault = child(child(env, 'Body', SOAP11_ENV_NS), 'Fault', SOAP11_ENV_NS);
    const code = child(fault, 'faultcode');
    expect(resolveQName(textContent(code), code.scope)).toEqual({ ns: SOAP11_ENV_NS, local: 'Client' });
    expect(textContent(child(fault, 'faultstring'))).toBe('Request breaks its contract');
    expect(detailFindings(child(fault, 'detail'))).toEqual(findings.map(({ rule, severity, message, path }) => ({ rule, severity, message, path })));
  });

  it('writes a SOAP 1.2 Sender fault with Code/Value, Reason/Text xml:lang and Detail', () => {
    const env = parse(buildFault({ version: '1.2', code: 'sender', reason: 'bad', findings }));
    expect(env.ns).toBe(SOAP12_ENV_NS);
    const fault = child(child(env, 'Body', SOAP12_ENV_NS), 'Fault', SOAP12_ENV_NS);
    const value = child(child(fault, 'Code', SOAP12_ENV_NS), 'Value', SOAP12_ENV_NS);
    expect(resolveQName(textContent(value), value.scope)).toEqual({ ns: SOAP12_ENV_NS, local: 'Sender' });
    const reason = child(child(fault, 'Reason', SOAP12_ENV_NS), 'Text', SOAP12_ENV_NS);
    expect(textContent(reason)).toBe('bad');
    expect(attribute(reason, 'http://www.w3.org/XML/1998/namespace', 'lang')?.value).toBe('en');
    expect(detailFindings(child(fault, 'Detail', SOAP12_ENV_NS)).map((f) => f.rule)).toEqual(['field/missing', 'value/lexical']);
  });

  it.each([
    ['1.1', 'receiver', 'Server'],
    ['1.1', 'version-mismatch', 'VersionMismatch'],
    ['1.2', 'receiver', 'Receiver'],
    ['1.2', 'version-mismatch', 'VersionMismatch'],
  ] as const)('SOAP %s %s fault has code %s and no detail without findings', (version, code, local) => {
    const env = parse(buildFault({ version, code, reason: 'x' }));
    const fault = child(child(env, 'Body', env.ns), 'Fault', env.ns);
    const codeEl = version === '1.1' ? child(fault, 'faultcode') : child(child(fault, 'Code', env.ns), 'Value', env.ns);
    expect(resolveQName(textContent(codeEl), codeEl.scope)).toEqual({ ns: env.ns, local });
    expect(childElements(fault).map((e) => e.local)).not.toContain(version === '1.1' ? 'detail' : 'Detail');
  });

  it('escapes markup and drops characters XML forbids, so hostile text stays text', () => {
    const hostile = '</faultstring><injected/>&amp; \u0001]]>';
    const xml = buildFault({ version: '1.1', code: 'sender', reason: hostile, findings: [{ rule: 'r', severity: 'error', message: hostile, path: '/<x>' }] });
    const fault = child(child(parse(xml), 'Body', SOAP11_ENV_NS), 'Fault', SOAP11_ENV_NS);
    expect(textContent(child(fault, 'faultstring'))).toBe('</faultstring><injected/>&amp; ]]>');
    expect(detailFindings(child(fault, 'detail'))[0]).toMatchObject({ message: '</faultstring><injected/>&amp; ]]>', path: '/<x>' });
  });

  it('uses the HTTP statuses of each binding', () => {
    expect(faultHttpStatus('1.1', 'sender')).toBe(500);
    expect(faultHttpStatus('1.1', 'receiver')).toBe(500);
    expect(faultHttpStatus('1.2', 'sender')).toBe(400);
    expect(faultHttpStatus('1.2', 'receiver')).toBe(500);
    expect(faultHttpStatus('1.2', 'version-mismatch')).toBe(500);
  });
});
