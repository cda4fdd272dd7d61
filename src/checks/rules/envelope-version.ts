import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { nsLabel } from '../helpers/describe.ts';

export const rule: Rule = {
  id: 'envelope/version',
  description: "The Envelope's namespace is not the one of the contract's SOAP version.",
  docs: docsAnchor('envelope/version'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    const want = ctx.compiled.soap;
    return {
      envelope(env) {
        if (!env.isEnvelope || env.root.ns === want.envelopeNs) return;
        const message = env.version
          ? `SOAP ${env.version.version} envelope, but the contract is SOAP ${want.version}`
          : `Envelope is in namespace ${nsLabel(env.root.ns)}, which is not a SOAP envelope namespace (SOAP ${want.version} expected)`;
        ctx.report({ el: env.root, message, expected: want.envelopeNs, actual: nsLabel(env.root.ns) });
      },
    };
  },
};
