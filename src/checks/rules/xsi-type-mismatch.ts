import { attribute } from '../../xml/tree.ts';
import { XSI_NS, clark, resolveQName, sameName } from '../../xml/qname.ts';
import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'xsi-type/mismatch',
  description: "xsi:type resolves (through the namespace declarations in scope) to a type that may not stand in for the contract's declared type (another type, not derived from it; anything goes in xsd:anyType).",
  docs: docsAnchor('xsi-type/mismatch'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      element(el, node, match) {
        if (!node.declaredType) return;
        const a = attribute(el, XSI_NS, 'type');
        if (!a) return;
        const got = resolveQName(a.value, el.scope, true);
        if (!got || sameName(got, node.declaredType) || ctx.compiled.substitutable(got, node.declaredType)) return;
        // The same namespace substitution namespace/mismatch already reported for this subtree.
        const r = match.remap;
        if (r && got.local === node.declaredType.local && got.ns === r.to && node.declaredType.ns === r.from) return;
        ctx.report({
          el,
          message: `${nameOf(el)} has xsi:type="${a.value.trim()}" = ${clark(got)}, but the contract's type is ${clark(node.declaredType)}`,
          expected: clark(node.declaredType),
          actual: clark(got),
        });
      },
    };
  },
};
