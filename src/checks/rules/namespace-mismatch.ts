import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf, nsLabel } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'namespace/mismatch',
  description: "An element in another namespace URI than the contract's (prefixes never matter). Reported once per subtree.",
  docs: docsAnchor('namespace/mismatch'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      element(el, node, match) {
        if (!match.nsMismatch) return;
        ctx.report({
          el,
          message: `${nameOf(el)} is in namespace ${nsLabel(el.ns)}, but the contract's ${node.written} is in ${nsLabel(node.name.ns)}`,
          expected: nsLabel(node.name.ns),
          actual: nsLabel(el.ns),
        });
      },
    };
  },
};
