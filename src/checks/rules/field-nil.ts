import { attribute, childElements, hasSignificantText } from '../../xml/tree.ts';
import { XSI_NS } from '../../xml/qname.ts';
import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'field/nil',
  description: 'xsi:nil on a field that is not nillable (in the strict profile with a WSDL contract even xsi:nil="false", as XML Schema has it), nil with content, or an xsi:nil value that is not a boolean.',
  docs: docsAnchor('field/nil'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      element(el, node) {
        const a = attribute(el, XSI_NS, 'nil');
        if (!a) return;
        const v = a.value.trim();
        if (!/^(true|false|1|0)$/.test(v)) {
          ctx.report({ el, message: `xsi:nil=${JSON.stringify(a.value)} on ${nameOf(el)} is not a boolean`, expected: 'true | false', actual: a.value });
          return;
        }
        if (v === 'false' || v === '0') {
          // XML Schema allows xsi:nil, even "false", only on nillable elements; where the contract
          // knows nillability exactly (imported from a WSDL), strict says so.
          if (!node.nillable && ctx.profile === 'strict' && ctx.compiled.contract.source?.importer === 'wsdl') {
            ctx.report({ el, message: `${nameOf(el)} carries xsi:nil="${a.value}", but the contract's ${node.written} is not nillable: XML Schema allows xsi:nil only on nillable elements`, expected: 'no xsi:nil', actual: `xsi:nil="${a.value}"` });
          }
          return;
        }
        if (!node.nillable) {
          ctx.report({ el, message: `${nameOf(el)} is nil, but the contract's ${node.written} is not nillable`, expected: 'a value', actual: 'xsi:nil="true"' });
        }
        if (childElements(el).length > 0 || hasSignificantText(el)) {
          ctx.report({ el, message: `${nameOf(el)} has xsi:nil="true" and content; a nil element must be empty`, expected: 'empty', actual: 'content' });
        }
      },
    };
  },
};
