import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';

export const rule: Rule = {
  id: 'envelope/forbidden',
  description: 'A DOCTYPE, an entity reference or a processing instruction, none of which SOAP allows in a message.',
  docs: docsAnchor('envelope/forbidden'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      parseFailure(f) {
        if (f.kind !== 'doctype' && f.kind !== 'entity') return;
        ctx.report({ path: '/', line: f.line, column: f.column, message: f.message, expected: 'no DTD or entity references', actual: f.kind === 'doctype' ? 'DOCTYPE' : 'entity reference' });
      },
      document(doc) {
        for (const pi of doc.processingInstructions) {
          ctx.report({ path: '/', line: pi.line, message: `processing instruction <?${pi.target} …?> is not allowed in a SOAP message`, expected: 'no processing instructions', actual: `<?${pi.target}?>` });
        }
      },
    };
  },
};
