/** `soapcheck lint [paths…]`: check contract and types files. */
import { lintContracts, formatProblem, formatSummary } from '../contract/lint.ts';
import { EXIT, parseCommandArgs, UsageError, type Command } from './command.ts';

const DEFAULT_PATHS = ['contracts/'];

export const command: Command = {
  help: `Usage: soapcheck lint [paths…] [--format text|json]

Check contract files (one operation each) and their types files: YAML syntax, the JSON Schema of
the format (contracts/schema/), namespace prefixes, type references, and duplicate operations
(same version, service and operation, or same endpoint and SOAP action).

Folders are searched recursively for *.yaml and *.yml, in sorted order; *.suite.yaml,
soapcheck.config.yaml and contracts/schema/ are skipped. A file with \`kind: types\` (or named
types.yaml) is a types file.

Arguments:
  paths…           files or folders to check (default: contracts/)

Options:
  --format <f>     text (default): one line per problem,
                     file:line:col  code  message  (pointer)
                   and a closing count line; json: {contracts, typesFiles, problems: [...]}
  -h, --help       show this help

Exit codes: 0 no problems, 2 any problem (or a usage error).`,

  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, { format: { type: 'string', default: 'text' } });
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
    const result = await lintContracts(positionals.length > 0 ? positionals : DEFAULT_PATHS);
    if (format === 'json') {
      process.stdout.write(JSON.stringify(result, null, 2) + '\n');
    } else {
      for (const p of result.problems) process.stdout.write(formatProblem(p) + '\n');
      process.stdout.write(formatSummary(result) + '\n');
    }
    return result.problems.length > 0 ? EXIT.USAGE : EXIT.OK;
  },
};
