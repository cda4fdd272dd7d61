import { SOAP11_ENV_NS, resolveQName, type ExpandedName } from '../../xml/qname.ts';
import { attribute, childElements, textContent, type XElement } from '../../xml/tree.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const SOAP12_CODES = new Set(['VersionMismatch', 'MustUnderstand', 'DataEncodingUnknown', 'Sender', 'Receiver']);

/** Check children against an ordered list of (name, required); report missing, unknown, out of order. */
function sequence(ctx: RuleContext, parent: XElement, ns: string, spec: ReadonlyArray<[string, boolean]>): Map<string, XElement> {
  const found = new Map<string, XElement>();
  let last = -1;
  for (const c of childElements(parent)) {
    const i = spec.findIndex(([n]) => n === c.local);
    if (i < 0 || c.ns !== ns) {
      ctx.report({ el: c, message: `${nameOf(c)} is not allowed in a SOAP ${ns === '' ? '1.1' : '1.2'} ${parent.local} (allowed: ${spec.map(([n]) => n).join(', ')}${ns === '' ? ', unqualified' : ''})`, expected: spec.map(([n]) => n).join(', '), actual: nameOf(c) });
      continue;
    }
    if (found.has(c.local)) { ctx.report({ el: c, message: `${nameOf(c)} appears more than once in ${parent.local}`, expected: 'once', actual: 'repeated' }); continue; }
    if (i < last) ctx.report({ el: c, message: `${nameOf(c)} is out of order in ${parent.local} (order: ${spec.map(([n]) => n).join(', ')})`, expected: spec.map(([n]) => n).join(', '), actual: nameOf(c) });
    last = Math.max(last, i);
    found.set(c.local, c);
  }
  for (const [n, required] of spec) {
    if (required && !found.has(n)) ctx.report({ el: parent, message: `${parent.local} has no ${n}`, expected: n, actual: 'absent' });
  }
  return found;
}

/** Report a code that is not a QName (or not one of `known`); the resolved name, or null when it does not resolve. */
function checkCodeQName(ctx: RuleContext, el: XElement, envNs: string, known?: Set<string>): ExpandedName | null {
  const v = textContent(el).trim();
  const q = resolveQName(v, el.scope, true);
  if (!v || !q) { ctx.report({ el, message: `fault code ${JSON.stringify(v)} is not a QName with a declared prefix`, expected: 'a QName', actual: v }); return null; }
  if (known && (q.ns !== envNs || !known.has(q.local))) {
    ctx.report({ el, message: `fault code ${v} is not one of the SOAP 1.2 codes (${[...known].join(', ')}) in the envelope namespace`, expected: [...known].join(' | '), actual: v });
  }
  return q;
}

export const rule: Rule = {
  id: 'fault/structure',
  description: 'A malformed Fault: SOAP 1.1 faultcode/faultstring/faultactor/detail, SOAP 1.2 Code/Value, Reason/Text, Node, Role, Detail.',
  docs: docsAnchor('fault/structure'),
  appliesTo: 'response',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      fault(fault, env) {
        const envNs = env.root.ns;
        if (envNs === SOAP11_ENV_NS) {
          const f = sequence(ctx, fault, '', [['faultcode', true], ['faultstring', true], ['faultactor', false], ['detail', false]]);
          const code = f.get('faultcode');
          if (code) {
            const q = checkCodeQName(ctx, code, envNs);
            if (q && q.ns === '') {
              // WS-I Basic Profile R1004: a SOAP 1.1 code (soap:Server…) or a namespace-qualified one.
              ctx.report({ el: code, message: `fault code ${q.local} is in no namespace; SOAP 1.1 codes are soap:Client, soap:Server… and others should be namespace-qualified (WS-I BP R1004)`, expected: 'a namespace-qualified QName', actual: q.local, soft: true });
            }
          }
          return;
        }
        const f = sequence(ctx, fault, envNs, [['Code', true], ['Reason', true], ['Node', false], ['Role', false], ['Detail', false]]);
        // Code and each nested Subcode: a Value (a QName; the top one a SOAP code), then an optional Subcode.
        let top = true;
        for (let code = f.get('Code'); code; top = false) {
          const c = sequence(ctx, code, envNs, [['Value', true], ['Subcode', false]]);
          const value = c.get('Value');
          if (value) checkCodeQName(ctx, value, envNs, top ? SOAP12_CODES : undefined);
          code = c.get('Subcode');
        }
        const reason = f.get('Reason');
        if (reason) {
          const texts = childElements(reason);
          if (texts.length === 0) ctx.report({ el: reason, message: 'Reason has no Text', expected: 'Text', actual: 'absent' });
          for (const t of texts) {
            if (t.local !== 'Text' || t.ns !== envNs) ctx.report({ el: t, message: `${nameOf(t)} is not allowed in Reason (only Text)`, expected: 'Text', actual: nameOf(t) });
            else if (!attribute(t, XML_NS, 'lang')) ctx.report({ el: t, message: 'Reason/Text has no xml:lang', expected: 'xml:lang', actual: 'absent' });
          }
        }
      },
    };
  },
};
