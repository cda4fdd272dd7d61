import { attribute } from '../../xml/tree.ts';
import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf, quoteValue } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'attribute/value',
  description: "An attribute value that is not valid for the attribute's type (lexical space, enum, facets), or differs from its fixed value.",
  docs: docsAnchor('attribute/value'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      attributes(el, _node, attrs, match) {
        for (const a of attrs.list) {
          const got = attribute(el, a.name.ns, a.name.local);
          if (!got) continue;
          const shown = quoteValue(match.secret, got.value, ctx.mask);
          if (a.fixed !== undefined && got.value.trim() !== a.fixed.trim()) {
            ctx.report({ el, message: `attribute ${a.written} of ${nameOf(el)} is ${shown}; its fixed value is ${JSON.stringify(a.fixed)}`, expected: a.fixed, actual: shown });
            continue;
          }
          const c = a.value;
          if (!c) continue;
          const why = c.lexical?.(got.value, el.scope) ?? c.enumeration?.(got.value)?.reason ?? null;
          if (why) ctx.report({ el, message: `attribute ${a.written} of ${nameOf(el)} value ${shown} is not a valid ${c.label}: ${match.secret ? 'invalid' : why}`, expected: c.label, actual: shown });
        }
      },
    };
  },
};
