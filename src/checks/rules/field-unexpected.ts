import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'field/unexpected',
  description: 'An element (or text) the contract does not have at that place (and no xsd:any wildcard there allows). Off in the compatible profile.',
  docs: docsAnchor('field/unexpected'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'off' },
  create(ctx) {
    return {
      children(parent, node, content, alignment) {
        let known: string | undefined;
        for (const it of alignment.items) {
          if (it.index >= 0 || it.wildcard) continue;
          known ??= content.children.map((c) => c.written).join(', ');
          ctx.report({
            el: it.el,
            message: `unexpected element ${nameOf(it.el)} in ${nameOf(parent)}; the contract has ${known || 'no fields here'}`,
            expected: known || 'no elements',
            actual: it.el.ns ? `{${it.el.ns}}${it.el.local}` : it.el.local,
          });
        }
        if (alignment.text !== null) {
          ctx.report({ el: parent, message: `unexpected text inside ${nameOf(parent)}, whose type ${content.label === 'inline' ? node.written : content.label} has element content only`, expected: 'elements only', actual: 'text' });
        }
      },
    };
  },
};
