import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';

const KINDS = new Set(['not-xml', 'malformed', 'too-large', 'too-deep']);

export const rule: Rule = {
  id: 'envelope/not-xml',
  description: 'The message is not well-formed XML, not XML at all (HTML, JSON, text), or over the size or depth limit.',
  docs: docsAnchor('envelope/not-xml'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    return {
      parseFailure(f) {
        if (!KINDS.has(f.kind)) return;
        ctx.report({ path: '/', line: f.line, column: f.column, message: f.message, expected: 'a well-formed SOAP envelope', actual: f.kind });
      },
    };
  },
};
