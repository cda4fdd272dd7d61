import type { XElement } from '../../xml/tree.ts';
import type { CompiledElement } from '../compiled.ts';
import type { Rule, RuleContext } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

function bounds(n: CompiledElement): string {
  return n.maxOccurs === Infinity ? `at least ${n.minOccurs}` : n.minOccurs === n.maxOccurs ? `exactly ${n.minOccurs}` : `${n.minOccurs} to ${n.maxOccurs}`;
}

function check(ctx: RuleContext, parent: XElement, node: CompiledElement, occurrences: readonly XElement[]): void {
  const n = occurrences.length;
  if (n > node.maxOccurs) {
    ctx.report({ el: occurrences[node.maxOccurs], message: `${node.written} occurs ${n} times in ${nameOf(parent)}; allowed ${bounds(node)}`, expected: bounds(node), actual: String(n) });
  } else if (n > 0 && n < node.minOccurs) {
    ctx.report({ el: parent, message: `${node.written} occurs ${n} times in ${nameOf(parent)}; allowed ${bounds(node)}`, expected: bounds(node), actual: String(n) });
  }
}

export const rule: Rule = {
  id: 'field/cardinality',
  description: 'A field (or header block) repeated more, or fewer, times than minOccurs/maxOccurs allow (absence is field/missing).',
  docs: docsAnchor('field/cardinality'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      children(parent, _node, content, alignment) {
        let wrong: Map<number, XElement[]> | undefined;
        content.children.forEach((c, i) => {
          const n = alignment.counts[i]!;
          if (n > c.maxOccurs || (n > 0 && n < c.minOccurs)) (wrong ??= new Map()).set(i, []);
        });
        if (!wrong) return;
        // One pass over the children collects the occurrences of every field out of bounds.
        for (const it of alignment.items) wrong.get(it.index)?.push(it.el);
        for (const [i, occurrences] of wrong) check(ctx, parent, content.children[i]!, occurrences);
      },
      headers(match, env) {
        for (const h of match.compiled.headers) {
          const occ = match.blocks.filter((b) => b.node === h).map((b) => b.el);
          check(ctx, env.header ?? env.root, h, occ);
        }
      },
    };
  },
};
