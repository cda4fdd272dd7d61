import { attribute } from '../../xml/tree.ts';
import { XSI_NS, resolveQName } from '../../xml/qname.ts';
import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'xsi-type/unresolved',
  description: 'xsi:type uses a prefix that is not declared in scope (or is not a QName at all).',
  docs: docsAnchor('xsi-type/unresolved'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      element(el) {
        const a = attribute(el, XSI_NS, 'type');
        if (!a) return;
        const v = a.value.trim();
        if (!/^([^:\s]+:)?[^:\s]+$/.test(v)) {
          ctx.report({ el, message: `xsi:type=${JSON.stringify(a.value)} on ${nameOf(el)} is not a QName`, expected: 'prefix:local', actual: a.value });
          return;
        }
        if (resolveQName(v, el.scope, true) === null) {
          ctx.report({ el, message: `xsi:type="${v}" on ${nameOf(el)} uses prefix ${v.split(':')[0]} which is not declared in scope`, expected: 'a prefix declared in scope', actual: v });
        }
      },
    };
  },
};
