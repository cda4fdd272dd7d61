import { attribute } from '../../xml/tree.ts';
import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'header/must-understand',
  description: 'A header block marked mustUnderstand that the contract does not know, or a mustUnderstand value that is not valid for the SOAP version.',
  docs: docsAnchor('header/must-understand'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      headers(match, env) {
        const envNs = env.root.ns;
        const soap11 = env.version?.version === '1.1';
        for (const b of match.blocks) {
          const a = attribute(b.el, envNs, 'mustUnderstand');
          if (!a) continue;
          const v = a.value.trim();
          const valid = soap11 ? v === '0' || v === '1' : /^(true|false|0|1)$/.test(v);
          if (!valid) {
            ctx.report({ el: b.el, message: `mustUnderstand=${JSON.stringify(a.value)} on ${nameOf(b.el)} is not valid (SOAP ${soap11 ? '1.1 allows 0 or 1' : '1.2 allows true, false, 1 or 0'})`, expected: soap11 ? '0 | 1' : 'boolean', actual: a.value });
            continue;
          }
          if (b.index < 0 && (v === '1' || v === 'true')) {
            ctx.report({ el: b.el, message: `header block ${nameOf(b.el)} is marked mustUnderstand but the contract does not know it; a conforming receiver must fault`, expected: match.compiled.headers.map((h) => h.written).join(', ') || 'no header blocks', actual: nameOf(b.el) });
          }
        }
      },
    };
  },
};
