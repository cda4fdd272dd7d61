import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import type { XDocument } from '../../xml/tree.ts';
import { parseContentType } from '../../soap/content-type.ts';
import { sameCharset } from '../helpers/charset.ts';

/** The encoding the message names for itself, and what names it: a byte order mark, the XML declaration, or XML's default. */
function ownEncoding(doc: XDocument): { encoding: string; by: string } {
  if (doc.byteOrderMark) return { encoding: doc.byteOrderMark, by: `the byte order mark's ${doc.byteOrderMark}` };
  if (doc.declaredEncoding) return { encoding: doc.declaredEncoding, by: `the XML declaration's encoding ${doc.declaredEncoding}` };
  return { encoding: 'UTF-8', by: "UTF-8, XML's default for a message that declares no encoding" };
}

export const rule: Rule = {
  id: 'http/charset',
  description: 'The Content-Type charset disagrees with the encoding the message declares itself (byte order mark, XML declaration, or UTF-8 by default).',
  docs: docsAnchor('http/charset'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    // The rules are created once for many messages: each message sets `own` (a failed parse to null) before `http`.
    let own: { encoding: string; by: string } | null = null;
    return {
      parseFailure() {
        own = null;
      },
      document(doc) {
        own = ownEncoding(doc);
      },
      http(http) {
        const raw = http.headers['content-type'];
        const charset = raw === undefined ? undefined : parseContentType(raw).params.get('charset');
        if (!own || !charset || sameCharset(charset, own.encoding)) return;
        ctx.report({ path: '/', message: `Content-Type charset ${charset} disagrees with ${own.by}`, expected: own.encoding, actual: charset });
      },
    };
  },
};
