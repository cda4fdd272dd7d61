import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf, shortList } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'field/choice',
  description: 'A choice group (xsd:choice) with none of its alternatives where one is required, or with several where it allows one.',
  docs: docsAnchor('field/choice'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      children(parent, _node, content, alignment) {
        for (const choice of content.choices) {
          const names = (alt: readonly number[]) => alt.map((i) => content.children[i]!.written).join(' + ');
          const options = choice.alternatives.map(names).join(' | ');
          const present = choice.alternatives.filter((alt) => alt.some((i) => alignment.counts[i]! > 0));
          if (present.length === 0 && choice.minOccurs > 0) {
            ctx.report({ el: parent, message: `${nameOf(parent)} has none of the choice ${options}; one is required`, expected: `one of ${options}`, actual: 'none' });
          } else if (present.length > 1 && choice.maxOccurs <= 1) {
            ctx.report({ el: parent, message: `${nameOf(parent)} has ${present.length} alternatives of the choice ${options}; it allows one`, expected: `one of ${options}`, actual: shortList(present.map(names)) });
          }
        }
      },
    };
  },
};
