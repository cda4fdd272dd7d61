/** `soapcheck import docs <files or folders…> --out <dir>` */
import { existsSync, statSync } from 'node:fs';
import { EXIT, parseCommandArgs, UsageError, type Command } from './command.ts';
import { importDocs } from '../import/docs.ts';
import { importWsdl } from '../import/wsdl.ts';
import { noteText } from '../import/wsdl/documents.ts';

const help = `Usage: soapcheck import docs <files or folders…> --out <dir>
       soapcheck import wsdl <file.wsdl | page.md | folder>… --out <dir> [--binding NAME]

Import operation contracts from documentation pages: markdown pages with \`\`\`xml fences, or the
plain text of the rendered page. Each page's request and response examples give the message
shapes (header blocks, body element, fields, xsi:type, arrays, enums seen, nillable, examples);
its bullets give field descriptions. Folders are read recursively (*.md, *.txt), in sorted order.

Writes, under <dir>:
  ServicesNN/<Agent>/<Operation>.yaml   one contract per operation (types: ../types.yaml)
  ServicesNN/types.yaml                 the named types of that version, merged over all pages

Pages without examples, WSDL pages, pages whose XML does not parse, pages that are not UTF-8 and
pages over 16 MiB are skipped with one line saying which file and why; the import goes on.
The same operation on two pages is imported once when the contracts agree apart from source,
example values and descriptions, else reported as a conflict (the first page given wins). Types
of an existing types.yaml that no page of the run shows are kept, and so are the hand-written
expectations of the files it rewrites. A page whose contract path holds a WSDL-derived contract
does not replace it: the WSDL decides the wire, the page's description, endpoint, examples and
field descriptions are merged in. Output is deterministic; files whose content is unchanged are
not rewritten.
See docs/import-docs.md.

import wsdl reads WSDL 1.1 (a .wsdl file, a markdown page holding it in an \`\`\`xml fence, or
folders of them) with the schemas it imports from local files beside it (never over a network),
and writes under <dir>:
  <Version>/<PortType>/<Operation>.yaml   one contract per operation of a SOAP 1.1 or 1.2 binding
  <Version>/<PortType>/types.yaml         the named types of the WSDL's schemas
  <Version>/<PortType>/schemas/*.xsd      the schemas, for the schema/xsd rule
A contract already at a target path (the pages', or an earlier import's) lends its description,
endpoint, examples, field descriptions and hand-written expectations; a docs contract the
binding lacks stays, marked documented-only. Constructs that cannot be
expressed are named with file and line; the import goes on. See docs/import-wsdl.md.

Options:
  --out <dir>   folder to write contracts to (required)
  --binding <name>  wsdl: the binding to follow where a port type is bound twice (SOAP 1.1 and 1.2)
  -q, --quiet   print only the summary (no per-page lines)
  -h, --help    show this help

Exit codes: 0 imported (skips, conflicts and notes are reported, not failures), 2 usage or input
error (an input or --out that cannot be used, no pages at all in the inputs, pages of which none
gave an operation, an input that is not a WSDL, or WSDLs that gave no operation).`;

export const command: Command = {
  help,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: 'string' },
      quiet: { type: 'boolean', short: 'q' },
      binding: { type: 'string' },
    });
    const [source, ...inputs] = positionals;
    if (source !== 'docs' && source !== 'wsdl') throw new UsageError(source ? `unknown import source '${source}' (use 'docs' or 'wsdl')` : "missing import source: 'docs' or 'wsdl'");
    if (inputs.length === 0) throw new UsageError('no input files or folders given');
    if (!values.out) throw new UsageError('--out <dir> is required');
    for (const i of inputs) if (!existsSync(i)) throw new UsageError(`input not found: ${i}`);
    if (existsSync(values.out) && !statSync(values.out).isDirectory()) throw new UsageError(`--out ${values.out} is a file, not a folder`);
    if (values.binding !== undefined && source !== 'wsdl') throw new UsageError('--binding is an option of import wsdl');

    const quiet = values.quiet === true;
    if (source === 'wsdl') return runWsdl(inputs, values.out, values.binding, quiet);
    let summary;
    try {
      summary = await importDocs({ inputs, out: values.out, log: quiet ? undefined : (l) => process.stdout.write(l + '\n') });
    } catch (e) {
      // File-system trouble with the inputs or the output folder is an input error, not a crash.
      const err = e as NodeJS.ErrnoException;
      if (err.code && err.path) throw new UsageError(`cannot ${err.syscall ?? 'use'} ${err.path}: ${err.code}`);
      throw e;
    }
    if (summary.pagesRead === 0 && summary.skipped.length === 0) {
      process.stderr.write(`soapcheck import: no pages (*.md, *.txt) found in ${inputs.join(', ')}; nothing imported\n`);
      return EXIT.USAGE;
    }
    const versions = Object.entries(summary.typesPerVersion).map(([v, n]) => `${v} ${n}`).join(', ');
    process.stdout.write(
      [
        `pages read: ${summary.pagesRead}, with examples: ${summary.pagesWithExamples}, skipped: ${summary.skipped.length}`,
        `operations imported: ${summary.operations} (pages repeating an operation, merged: ${summary.duplicates})${summary.enriched > 0 ? `; WSDL-derived contracts enriched from their pages: ${summary.enriched}` : ''}`,
        `types per version: ${versions || 'none'}`,
        `conflicts: ${summary.conflicts.length}`,
        `files written: ${summary.written.length}, unchanged: ${summary.unchanged} (in ${values.out})`,
      ].join('\n') + '\n',
    );
    if (summary.operations + summary.enriched === 0) {
      // Every page was skipped: a CI job that imports nothing must not look like a successful import.
      process.stderr.write(`soapcheck import: no operation imported from ${inputs.join(', ')} (every page was skipped; see the lines above)\n`);
      return EXIT.USAGE;
    }
    return EXIT.OK;
  },
};

async function runWsdl(inputs: string[], out: string, binding: string | undefined, quiet: boolean): Promise<number> {
  let summary;
  try {
    summary = await importWsdl({ inputs, out, ...(binding !== undefined ? { binding } : {}), log: quiet ? undefined : (l) => process.stdout.write(l + '\n') });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code && err.path) throw new UsageError(`cannot ${err.syscall ?? 'use'} ${err.path}: ${err.code}`);
    throw e;
  }
  process.stdout.write(
    [
      `WSDLs imported: ${summary.wsdls}, not imported: ${summary.errors.length}`,
      `operations imported: ${summary.operations}${summary.documentedOnly ? `, documented only (kept from the pages): ${summary.documentedOnly}` : ''}`,
      `notes (constructs not expressed, references not followed): ${summary.notes.length}`,
      `files written: ${summary.written.length}, unchanged: ${summary.unchanged} (in ${out})`,
    ].join('\n') + '\n',
  );
  if (quiet) for (const n of summary.notes) process.stderr.write(`note ${noteText(n)}\n`);
  for (const e of summary.errors) process.stderr.write(`soapcheck import: ${e}\n`);
  if (summary.operations === 0) {
    process.stderr.write(`soapcheck import: no operation imported from ${inputs.join(', ')}${summary.wsdls === 0 && summary.errors.length === 0 ? ' (no WSDL found: *.wsdl files, or pages holding one in an ```xml fence)' : ''}\n`);
    return EXIT.USAGE;
  }
  return EXIT.OK;
}
