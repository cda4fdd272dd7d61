import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { faultSummary } from '../helpers/fault-read.ts';
import { resolveQName } from '../../xml/qname.ts';

export const rule: Rule = {
  id: 'http/status',
  description: 'The HTTP status is not what the SOAP HTTP binding says: 200 for a response, 500 for a fault (SOAP 1.2: 400 for a Sender fault).',
  docs: docsAnchor('http/status'),
  appliesTo: 'response',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      http(http, env) {
        if (http.status === undefined || !env || !env.isEnvelope) return;
        const version = env.version ?? ctx.plan.soap;
        if (!env.fault) {
          if (http.status !== 200) ctx.report({ path: '/', message: `HTTP status ${http.status} for a normal SOAP response; the binding says 200`, expected: '200', actual: String(http.status) });
          return;
        }
        let allowed = [500];
        if (version.version === '1.2') {
          const { code, codeEl } = faultSummary(env.fault, env.root.ns);
          const q = code && codeEl ? resolveQName(code, codeEl.scope) : null;
          if (q && q.ns === env.root.ns && q.local === 'Sender') allowed = [400, 500];
        }
        if (!allowed.includes(http.status)) {
          ctx.report({ el: env.fault, message: `HTTP status ${http.status} for a SOAP ${version.version} Fault; the binding says ${allowed.join(' or ')}`, expected: allowed.join(' | '), actual: String(http.status) });
        }
      },
    };
  },
};
