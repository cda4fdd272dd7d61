import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf, shortList } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'field/order',
  description: "Fields of a sequence in another order than the contract's (an `all` group takes any order; the alternatives of a repeated choice may interleave). A warning in the compatible profile.",
  docs: docsAnchor('field/order'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'warn' },
  create(ctx) {
    return {
      children(parent, _node, content, alignment) {
        if (!content.ordered) return;
        let maxIndex = -1;
        let maxEl = '';
        let actual: string | undefined;
        let expected: string | undefined;
        for (const it of alignment.items) {
          if (it.index < 0) continue;
          const at = content.orderKeys[it.index]!;
          if (at < maxIndex) {
            ctx.report({
              el: it.el,
              message: `${nameOf(it.el)} comes after ${maxEl} in ${nameOf(parent)}; the contract's order puts it before`,
              expected: (expected ??= content.children.map((c) => c.written).join(', ')),
              actual: (actual ??= shortList(alignment.items.filter((x) => x.index >= 0).map((x) => nameOf(x.el)))),
            });
            continue;
          }
          if (at > maxIndex) { maxIndex = at; maxEl = nameOf(it.el); }
        }
      },
    };
  },
};
