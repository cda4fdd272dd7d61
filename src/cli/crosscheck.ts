/** `soapcheck crosscheck <docs> <wsdl>`: what the documentation pages say against what the WSDL says. */
import { writeFileSync } from 'node:fs';
import { crosscheckContracts } from '../crosscheck/crosscheck.ts';
import { formatCrosscheckJson, formatCrosscheckMarkdown, formatCrosscheckText, type CrosscheckReport } from '../crosscheck/format.ts';
import { NamespaceMapError, parseNamespaceMap } from '../contract/namespace-map.ts';
import { loadContractSet } from './contract-sets.ts';
import { EXIT, parseCommandArgs, UsageError, type Command } from './command.ts';

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const command: Command = {
  help: `Usage: soapcheck crosscheck <docs contracts> <wsdl contracts> [options]

Compare, operation by operation, the contracts imported from documentation pages (import docs)
with those imported from the WSDL (import wsdl): SOAP version and action, header blocks and
their placement, body element, field names and order, types, cardinality, nillability,
enumeration values, and operations present on one side only. The WSDL is what real SOAP stacks
speak; every disagreement is reported. The checks are listed in docs/crosscheck.md.

Output groups the disagreements by check and by what the two sides say, with counts and a few
places as examples (json lists every one).

Options:
  --format <f>              text (default), markdown, or json
  --operation <name>        compare only this operation (Operation or Service/Operation;
                            repeatable)
  --namespace-map <old=new> a namespace of the docs side and the WSDL's (repeatable); by
                            default moves are detected as in soapcheck diff
  --output <file>           write the report to this file instead of standard output
  -h, --help                show this help

Exit codes: 0 the two sides agree, 1 they disagree, 2 usage or input error (contracts that do
not load, a side with no contracts).`,

  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      format: { type: 'string', default: 'text' },
      operation: { type: 'string', multiple: true },
      'namespace-map': { type: 'string', multiple: true },
      output: { type: 'string' },
    });
    if (positionals.length !== 2) throw new UsageError(`expected two contract paths (docs and WSDL), got ${positionals.length}`);
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${values.format}'`);
    let namespaceMap: Map<string, string> | undefined;
    try {
      namespaceMap = values['namespace-map'] ? parseNamespaceMap(values['namespace-map']) : undefined;
    } catch (e) {
      if (e instanceof NamespaceMapError) throw new UsageError(e.message);
      throw e;
    }
    const [docsPath, wsdlPath] = positionals as [string, string];
    const names = values.operation ?? [];
    const docs = await loadContractSet('crosscheck', docsPath, names);
    const wsdl = await loadContractSet('crosscheck', wsdlPath, names);
    if (!docs || !wsdl) return EXIT.USAGE;
    const report: CrosscheckReport = { ...crosscheckContracts(docs, wsdl, { namespaceMap }), docsLabel: docsPath, wsdlLabel: wsdlPath };
    const text = format === 'json' ? formatCrosscheckJson(report) : format === 'markdown' ? formatCrosscheckMarkdown(report) : formatCrosscheckText(report);
    if (values.output) writeFileSync(values.output, text);
    else process.stdout.write(text);
    return report.disagreements.length > 0 ? EXIT.FINDINGS : EXIT.OK;
  },
};
