import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'field/missing',
  description: 'A required field (minOccurs ≥ 1) is absent, or fewer elements than a required xsd:any wildcard asks for.',
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
        // A required wildcard (xsd:any minOccurs ≥ 1): elements no field took that it matches.
        for (const w of content.wildcards) {
          if (w.minOccurs === 0) continue;
          const n = alignment.items.filter((it) => it.index < 0 && w.matches(it.el.ns)).length;
          if (n < w.minOccurs) {
            ctx.report({ el: parent, message: `${nameOf(parent)} needs ${w.minOccurs} element${w.minOccurs === 1 ? '' : 's'} matching its xsd:any (namespace ${w.namespace}); found ${n}`, expected: `xsd:any namespace ${w.namespace}, minOccurs ${w.minOccurs}`, actual: String(n) });
          }
        }
      },
    };
  },
};
