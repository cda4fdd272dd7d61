/** Reading a SOAP 1.1 or 1.2 Fault's code and reason, whatever its shape. */
import { SOAP11_ENV_NS } from '../../xml/qname.ts';
import { childElements, textContent, type XElement } from '../../xml/tree.ts';

function child(el: XElement | undefined, ns: string, local: string): XElement | undefined {
  return el ? childElements(el).find((c) => c.local === local && c.ns === ns) : undefined;
}

export function faultSummary(fault: XElement, envNs: string): { code: string | null; reason: string | null; codeEl?: XElement } {
  if (envNs === SOAP11_ENV_NS) {
    const code = child(fault, '', 'faultcode');
    const reason = child(fault, '', 'faultstring');
    return { code: code ? textContent(code).trim() : null, reason: reason ? textContent(reason).trim() : null, codeEl: code };
  }
  const value = child(child(fault, envNs, 'Code'), envNs, 'Value');
  const text = child(child(fault, envNs, 'Reason'), envNs, 'Text');
  return { code: value ? textContent(value).trim() : null, reason: text ? textContent(text).trim() : null, codeEl: value };
}
