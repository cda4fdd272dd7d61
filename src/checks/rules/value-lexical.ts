import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf, quoteValue, shortList } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'value/lexical',
  description: 'A value that is not valid for its XSD type (built-ins, .NET guid/char/duration, enums, enum lists), or element content where a value is expected.',
  docs: docsAnchor('value/lexical'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      // Element content where a value is expected is no value of the type: a tolerant reader fails on it too.
      unexpectedElements(el, node, kids) {
        const label = node.content.kind === 'simple' ? node.content.label : 'simple';
        const names = shortList(kids.map(nameOf));
        ctx.report({ el, message: `${nameOf(el)} holds element${kids.length > 1 ? 's' : ''} ${names} where a ${label} value is expected`, expected: `a ${label} value`, actual: `element${kids.length > 1 ? 's' : ''} ${names}` });
      },
      value(el, _node, text, content, match) {
        const secret = match.secret;
        const hard = content.lexical?.(text, el.scope);
        if (hard) {
          ctx.report({ el, message: `${nameOf(el)} value ${quoteValue(secret, text, ctx.mask)} is not a valid ${content.label}: ${secret ? 'invalid' : hard}`, expected: content.label, actual: quoteValue(secret, text, ctx.mask) });
          return;
        }
        const e = content.enumeration?.(text);
        if (!e) return;
        // An incomplete enum (values seen in examples only) is a hint in strict and nothing in compatible.
        if (e.soft && ctx.profile === 'compatible') return;
        ctx.report({
          el,
          message: `${nameOf(el)} value ${secret ? '(secret value not shown)' : e.reason} (${content.label})`,
          expected: content.label,
          actual: quoteValue(secret, text, ctx.mask),
          soft: e.soft,
        });
      },
    };
  },
};
