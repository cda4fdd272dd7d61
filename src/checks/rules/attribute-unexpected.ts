import { XSI_NS } from '../../xml/qname.ts';
import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const ENVELOPE_NS = new Set(['http://schemas.xmlsoap.org/soap/envelope/', 'http://www.w3.org/2003/05/soap-envelope']);

export const rule: Rule = {
  id: 'attribute/unexpected',
  description: "An attribute the element's type does not declare (nor allows by anyAttribute). xsi:, xml: and SOAP envelope attributes are never unexpected. Off in the compatible profile.",
  docs: docsAnchor('attribute/unexpected'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'off' },
  create(ctx) {
    return {
      attributes(el, _node, attrs) {
        for (const a of el.attrs) {
          if (a.ns === XSI_NS || a.ns === XML_NS || ENVELOPE_NS.has(a.ns)) continue;
          if (attrs.byClark.has(a.ns ? `{${a.ns}}${a.local}` : a.local) || attrs.any?.(a.ns)) continue;
          const known = attrs.list.map((x) => x.written).join(', ');
          ctx.report({
            el,
            message: `unexpected attribute ${a.prefix ? `${a.prefix}:` : ''}${a.local} on ${nameOf(el)}; its type has ${known ? `the attributes ${known}` : 'no attributes'}`,
            expected: known || 'no attributes',
            actual: a.ns ? `{${a.ns}}${a.local}` : a.local,
          });
        }
      },
    };
  },
};
