import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'body/element',
  description: "The body's element is not the one the contract expects (by local name; another namespace is namespace/mismatch).",
  docs: docsAnchor('body/element'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      body(env, expected) {
        const first = env.bodyChildren[0];
        if (!first || first.local === expected.name.local) return;
        ctx.report({
          el: first,
          message: `body element is ${nameOf(first)}, expected ${expected.written} (${ctx.direction} of ${ctx.compiled.contract.service}.${ctx.compiled.contract.operation})`,
          expected: expected.clark,
          actual: first.ns ? `{${first.ns}}${first.local}` : first.local,
        });
      },
    };
  },
};
