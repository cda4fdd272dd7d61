import { hasSignificantText } from '../../xml/tree.ts';
import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nameOf, shortList } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'envelope/structure',
  description: 'The Envelope is not an optional Header then one Body: missing Body, extra or misplaced children, header blocks outside Header, several body elements.',
  docs: docsAnchor('envelope/structure'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      envelope(env) {
        if (!env.isEnvelope) {
          ctx.report({ el: env.root, message: `root element is ${nameOf(env.root)}, not a SOAP Envelope`, expected: 'Envelope', actual: nameOf(env.root) });
          return;
        }
        if (env.misplacedHeaderBlocks.length > 0) {
          const names = shortList(env.misplacedHeaderBlocks.map(nameOf));
          const quirk = ctx.message.headerBlocksOutsideHeaderQuirk ? ' (a known quirk of the source this contract was imported from)' : '';
          ctx.report({
            el: env.misplacedHeaderBlocks[0],
            message: `header block${env.misplacedHeaderBlocks.length > 1 ? 's' : ''} ${names} directly under Envelope instead of inside Header${quirk}; checked as header blocks`,
            expected: 'header blocks inside soap:Header',
            actual: names,
          });
        }
        if (env.header && env.envelopeChildren[0] !== env.header) {
          ctx.report({ el: env.header, message: 'Header is not the first element of Envelope', expected: 'Header first', actual: `after ${nameOf(env.envelopeChildren[0]!)}` });
        }
        for (const s of env.strays) {
          const what = s.ns === env.root.ns && s.local === 'Body' ? 'second Body'
            : s.ns === env.root.ns && s.local === 'Header' ? (env.header ? 'second Header' : 'Header after Body')
            : `${nameOf(s)} directly under Envelope`;
          ctx.report({ el: s, message: `unexpected ${what}; an Envelope holds an optional Header then one Body`, expected: 'Header?, Body', actual: nameOf(s) });
        }
        for (const el of [env.root, env.header, env.body]) {
          if (el && hasSignificantText(el)) {
            ctx.report({ el, message: `text directly inside ${nameOf(el)}, which holds elements only`, expected: 'elements only', actual: 'text' });
          }
        }
        if (!env.body) {
          ctx.report({ el: env.root, message: 'Envelope has no Body', expected: 'Body', actual: 'none' });
          return;
        }
        if (env.bodyChildren.length > 1) {
          const extra = env.bodyChildren[1]!;
          ctx.report({
            el: extra,
            message: `Body has ${env.bodyChildren.length} child elements; one is expected (${nameOf(env.bodyChildren[0]!)} first, then ${shortList(env.bodyChildren.slice(1).map(nameOf))})`,
            expected: '1 body element',
            actual: String(env.bodyChildren.length),
          });
        }
      },
    };
  },
};
