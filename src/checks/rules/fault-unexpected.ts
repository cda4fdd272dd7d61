import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { faultDetailText, faultSummary } from '../helpers/fault-read.ts';
import { shorten } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'fault/unexpected',
  description: 'A SOAP Fault where a normal response was expected; quotes the fault code, reason and detail (as text, cut at 300 characters).',
  docs: docsAnchor('fault/unexpected'),
  appliesTo: 'response',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      fault(fault, env) {
        const { code, reason } = faultSummary(fault, env.root.ns);
        const detail = faultDetailText(fault, env.root.ns);
        ctx.report({
          el: fault,
          message: `SOAP Fault instead of ${ctx.message.body.written}: code ${code ?? '(none)'}, reason ${reason === null ? '(none)' : JSON.stringify(shorten(ctx.mask(reason), 200))}${detail ? `, detail ${JSON.stringify(ctx.mask(detail))}` : ''}`,
          expected: ctx.message.body.written,
          actual: `Fault ${code ?? ''}`.trim(),
        });
      },
    };
  },
};
