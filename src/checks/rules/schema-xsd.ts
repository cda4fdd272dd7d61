import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';
import { schemaSetOf } from '../helpers/schema-set.ts';

export const rule: Rule = {
  id: 'schema/xsd',
  description: "libxml2's XSD validator on the header blocks and the body against the schemas the contract lists (`schemas:`, written by `import wsdl`): a second opinion beside the contract rules.",
  docs: docsAnchor('schema/xsd'),
  appliesTo: 'both',
  // A validator is no tolerant reader: what it says is a warning in the compatible profile.
  levels: { strict: 'error', compatible: 'warn' },
  usesNative: (compiled) => compiled.contract.schemas.length > 0,
  create(ctx) {
    const files = ctx.compiled.contract.schemas;
    if (files.length === 0) return {};
    let compiled: ReturnType<typeof schemaSetOf> | undefined;
    return {
      envelope(env) {
        if (!env.isEnvelope) return;
        // Looked up on the first message (compiled once per list of files and process), then kept with the rule.
        const set = (compiled ??= schemaSetOf(files));
        if (!set.ok) {
          // The contract's fault, not the message's: a warning that this message went unchecked.
          ctx.report({ el: env.root, message: `the contract's schemas cannot be used, so schema/xsd did not check this message: ${set.message}`, expected: 'schemas that compile', actual: 'an error', soft: true });
          return;
        }
        const problems = ctx.native ? ctx.native.validate(set.set) : set.set.validateEnvelope(ctx.input.body);
        for (const p of problems) {
          ctx.report({ path: '/Envelope', ...(p.line ? { line: p.line } : {}), message: p.message, expected: 'valid against the schemas', actual: 'invalid' });
        }
      },
    };
  },
};
