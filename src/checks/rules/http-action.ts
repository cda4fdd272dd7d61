import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { parseContentType, unquoteAction } from '../../soap/content-type.ts';

export const rule: Rule = {
  id: 'http/action',
  description: "The request's SOAPAction header (SOAP 1.1) or Content-Type action parameter (SOAP 1.2) differs from the contract's action.",
  docs: docsAnchor('http/action'),
  appliesTo: 'request',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    const want = ctx.compiled.action;
    // A derived action is the importer's guess by convention: a difference is only a hint.
    const soft = ctx.compiled.contract.actionSource === 'derived';
    const note = soft ? ' (the contract\'s action is derived by convention, not documented)' : '';
    return {
      http(http) {
        if (ctx.compiled.soap.version === '1.1') {
          const raw = http.headers['soapaction'];
          if (raw === undefined) {
            ctx.report({ path: '/', message: 'SOAP 1.1 request has no SOAPAction header', expected: want, actual: 'absent' });
            return;
          }
          const got = unquoteAction(raw);
          if (got !== want) ctx.report({ path: '/', message: `SOAPAction ${JSON.stringify(got)} differs from the contract's ${JSON.stringify(want)}${note}`, expected: want, actual: got, soft });
          return;
        }
        const ct = http.headers['content-type'];
        const got = ct === undefined ? undefined : parseContentType(ct).params.get('action');
        if (got !== undefined && got !== want) {
          ctx.report({ path: '/', message: `Content-Type action ${JSON.stringify(got)} differs from the contract's ${JSON.stringify(want)}${note}`, expected: want, actual: got, soft });
        }
      },
    };
  },
};
