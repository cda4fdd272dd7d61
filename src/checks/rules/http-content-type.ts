import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { parseContentType } from '../../soap/content-type.ts';

export const rule: Rule = {
  id: 'http/content-type',
  description: "Content-Type is missing or not the SOAP version's media type (text/xml for 1.1, application/soap+xml for 1.2; a multipart/related message names it as its root's type).",
  docs: docsAnchor('http/content-type'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    const want = ctx.compiled.soap.contentType;
    return {
      http(http) {
        const raw = http.headers['content-type'];
        if (raw === undefined) {
          ctx.report({ path: '/', message: `no Content-Type header; SOAP ${ctx.compiled.soap.version} uses ${want}`, expected: want, actual: 'absent' });
          return;
        }
        const ct = parseContentType(raw);
        if (ct.mediaType === 'multipart/related') {
          // SOAP with Attachments names the envelope's media type in `type`; MTOM names application/xop+xml there and the envelope's in `start-info`.
          const type = (ct.params.get('type') ?? '').toLowerCase();
          const root = type === 'application/xop+xml' ? (ct.params.get('start-info') ?? '').toLowerCase() : type;
          if (root !== want) {
            ctx.report({ path: '/', message: `Content-Type multipart/related says its root part is ${root ? root : 'of no type (no type parameter)'}, not ${want} (SOAP ${ctx.compiled.soap.version})`, expected: `multipart/related; type="${want}" (or MTOM: type="application/xop+xml"; start-info="${want}")`, actual: raw });
          }
          return;
        }
        if (ct.mediaType !== want) {
          ctx.report({ path: '/', message: `Content-Type ${ct.mediaType || JSON.stringify(raw)} is not ${want} (SOAP ${ctx.compiled.soap.version})`, expected: want, actual: ct.mediaType || raw });
        }
      },
    };
  },
};
