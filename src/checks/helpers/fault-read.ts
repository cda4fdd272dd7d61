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

/** Local names of a SOAP 1.2 fault's subcodes (Code/Subcode/Value, nested), outermost first; [] for 1.1. */
export function faultSubcodes(fault: XElement, envNs: string): string[] {
  const out: string[] = [];
  let sub = child(child(fault, envNs, 'Code'), envNs, 'Subcode');
  for (let i = 0; sub && i < 8; i++) {
    const v = child(sub, envNs, 'Value');
    if (v) out.push(localOf(textContent(v).trim()));
    sub = child(sub, envNs, 'Subcode');
  }
  return out;
}

/** The fault's detail as one line of text (1.1 `detail`, 1.2 `Detail`), whitespace collapsed, cut at `max` characters; null without one. */
export function faultDetailText(fault: XElement, envNs: string, max = 300): string | null {
  const detail = envNs === SOAP11_ENV_NS ? child(fault, '', 'detail') : child(fault, envNs, 'Detail');
  if (!detail) return null;
  const text = deepText(detail, max * 4).replace(/\s+/g, ' ').trim();
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** The text of an element and of its descendants (each element's own text before its children's), gathered until `limit` characters. */
function deepText(el: XElement, limit: number): string {
  let s = '';
  const stack: XElement[] = [el];
  while (stack.length && s.length < limit) {
    const cur = stack.pop()!;
    const kids = cur.children;
    for (let i = kids.length - 1; i >= 0; i--) {
      const k = kids[i]!;
      if (k.kind === 'element') stack.push(k);
    }
    s += ' ' + textContent(cur);
  }
  return s;
}

/** `prefix:local` → `local`. */
export function localOf(qname: string): string {
  return qname.slice(qname.indexOf(':') + 1);
}
