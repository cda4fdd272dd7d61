import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'field/missing',
  description: 'A required field (minOccurs ≥ 1) is absent.',
  docs: docsAnchor('field/missing'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      children(parent, _node, content, alignment) {
        content.children.forEach((c, i) => {
          if (c.minOccurs > 0 && alignment.counts[i] === 0) {
            ctx.report({ el: parent, message: `required field ${c.written} is missing from ${nameOf(parent)}`, expected: c.written, actual: 'absent' });
          }
        });
      },
    };
  },
};
