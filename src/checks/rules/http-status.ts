import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { faultSummary } from '../helpers/fault-read.ts';
import { resolveQName } from '../../xml/qname.ts';

export const rule: Rule = {
  id: 'http/status',
  description: 'The HTTP status is not what the SOAP HTTP binding says: 200 for a response, 500 for a fault (SOAP 1.2: 400 for a Sender fault); any other status is named with the URL, whatever the body.',
  docs: docsAnchor('http/status'),
  appliesTo: 'response',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      http(http, env) {
        if (http.status === undefined) return;
        const from = http.url ? ` from ${http.url}` : '';
        const version = env?.version ?? ctx.compiled.soap;
        if (!env || !env.isEnvelope) {
          // Not a SOAP answer at all (an HTML error page, a proxy's 502, plain text): the status says why. Only a
          // Fault would justify a 4xx/5xx, and there is none.
          if (http.status !== 200) {
            ctx.report({ path: '/', message: `HTTP status ${http.status}${from}, and the body is no SOAP envelope; a SOAP ${version.version} endpoint answers 200, or ${version.version === '1.2' ? '400/500' : '500'} with a Fault`, expected: '200', actual: String(http.status) });
          }
          return;
        }
        if (!env.fault) {
          if (http.status !== 200) ctx.report({ path: '/', message: `HTTP status ${http.status}${from} for a normal SOAP response; the binding says 200`, expected: '200', actual: String(http.status) });
          return;
        }
        let allowed = [500];
        if (version.version === '1.2') {
          const { code, codeEl } = faultSummary(env.fault, env.root.ns);
          const q = code && codeEl ? resolveQName(code, codeEl.scope) : null;
          if (q && q.ns === env.root.ns && q.local === 'Sender') allowed = [400, 500];
        }
        if (!allowed.includes(http.status)) {
          ctx.report({ el: env.fault, message: `HTTP status ${http.status}${from} for a SOAP ${version.version} Fault; the binding says ${allowed.join(' or ')}`, expected: allowed.join(' | '), actual: String(http.status) });
        }
      },
    };
  },
};
