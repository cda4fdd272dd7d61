import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';

export const rule: Rule = {
  id: 'body/empty',
  description: 'The Body has no element at all where the contract expects its body element.',
  docs: docsAnchor('body/empty'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      body(env, expected) {
        if (env.body && env.bodyChildren.length === 0) {
          ctx.report({ el: env.body, message: `Body is empty; expected ${expected.written}`, expected: expected.written, actual: 'nothing' });
        }
      },
    };
  },
};
