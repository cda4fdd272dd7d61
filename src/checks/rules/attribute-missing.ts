import { attribute } from '../../xml/tree.ts';
import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'attribute/missing',
  description: 'An attribute the type requires (use="required") is absent.',
  docs: docsAnchor('attribute/missing'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      attributes(el, _node, attrs) {
        for (const a of attrs.list) {
          if (a.required && attribute(el, a.name.ns, a.name.local) === undefined) {
            ctx.report({ el, message: `required attribute ${a.written} is missing from ${nameOf(el)}`, expected: a.written, actual: 'absent' });
          }
        }
      },
    };
  },
};
