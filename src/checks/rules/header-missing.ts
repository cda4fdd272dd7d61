import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';

export const rule: Rule = {
  id: 'header/missing',
  description: 'A header block the contract requires is absent (neither inside Header nor directly under Envelope).',
  docs: docsAnchor('header/missing'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      headers(match, env) {
        const seen = new Set(match.blocks.map((b) => b.node));
        for (const h of match.compiled.headers) {
          if (h.minOccurs === 0 || seen.has(h)) continue;
          ctx.report({ el: env.header ?? env.root, message: `required header block ${h.written} is missing`, expected: h.written, actual: 'absent' });
        }
      },
    };
  },
};
