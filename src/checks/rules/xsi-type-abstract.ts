import { attribute, isNil } from '../../xml/tree.ts';
import { XSI_NS, clark } from '../../xml/qname.ts';
import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'xsi-type/abstract',
  description: 'An element whose declared type is abstract comes without an xsi:type naming a concrete type derived from it.',
  docs: docsAnchor('xsi-type/abstract'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      element(el, node) {
        const t = node.declaredType;
        if (!t || !ctx.compiled.isAbstract(t) || isNil(el)) return;
        const a = attribute(el, XSI_NS, 'type');
        if (a === undefined) {
          ctx.report({ el, message: `${nameOf(el)} is declared with the abstract type ${clark(t)}; it needs an xsi:type naming a type derived from it`, expected: `xsi:type of a type derived from ${clark(t)}`, actual: 'no xsi:type' });
        }
      },
    };
  },
};
