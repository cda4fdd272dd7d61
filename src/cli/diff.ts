/** `soapcheck diff <old> <new>`: what changed between two contract sets, and what it breaks. */
import { writeFileSync } from 'node:fs';
import type { Contract } from '../contract/model.ts';
import { diffContracts } from '../diff/diff.ts';
import { DiffConfigError, loadDiffLevels, parseLevelOption } from '../diff/config.ts';
import { LEVELS, type Level, type LevelSetting } from '../diff/model.ts';
import { NamespaceMapError, parseNamespaceMap } from '../contract/namespace-map.ts';
import { fails, type DiffReport } from '../diff/format/shared.ts';
import { formatText } from '../diff/format/text.ts';
import { formatMarkdown } from '../diff/format/markdown.ts';
import { formatJson } from '../diff/format/json.ts';
import { formatJunit } from '../diff/format/junit.ts';
import { findProject } from './project.ts';
import { loadContractSet } from './contract-sets.ts';
import { EXIT, parseCommandArgs, UsageError, type Command } from './command.ts';

const FORMATS = ['text', 'markdown', 'json', 'junit'] as const;
type Format = (typeof FORMATS)[number];

export const command: Command = {
  help: `Usage: soapcheck diff <old contracts> <new contracts> [options]

Compare two contract sets (files or folders, e.g. contracts/superoffice/Services86/User and
contracts/superoffice/Services88/User) and report every change with a check id, a level and a
one-line reason. Operations are paired by service and operation name. A namespace that moved
(a version-per-namespace API) is detected, or given with --namespace-map, reported once, and
the rest is compared through it. The checks and their levels are listed in docs/diff.md.

Levels: ERR a client that followed the old contract breaks; WARN it may break; INFO it does not.

Options:
  --format <f>              text (default), markdown (a pull-request comment), json, or junit
                            (one testcase per operation, failed by its changes at --fail-on)
  --fail-on <level>         ERR (default), WARN or INFO: exit 1 when any change is at this
                            level or above
  --namespace-map <old=new> an old namespace URI and the new one it moved to (repeatable);
                            given maps replace detection
  --operation <name>        compare only this operation (Operation or Service/Operation;
                            repeatable)
  --level <id=LEVEL>        override a check's level: ERR, WARN, INFO or off (repeatable)
  --config <file>           read level overrides from the diff: block of this YAML file
                            (default: the soapcheck.config.yaml found from the working
                            folder upward, as for every command)
  --output <file>           write the report to this file instead of standard output
  -h, --help                show this help

Exit codes: 0 no change at --fail-on or above, 1 some, 2 usage or input error (contracts that
do not load, a side with no contracts, an unknown check id).`,

  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      format: { type: 'string', default: 'text' },
      'fail-on': { type: 'string', default: 'ERR' },
      'namespace-map': { type: 'string', multiple: true },
      level: { type: 'string', multiple: true },
      operation: { type: 'string', multiple: true },
      config: { type: 'string' },
      output: { type: 'string' },
    });
    if (positionals.length !== 2) throw new UsageError(`expected two contract paths (old and new), got ${positionals.length}`);
    const format = values.format as Format;
    if (!FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}, not '${values.format}'`);
    const failOn = values['fail-on'] as Level;
    if (!LEVELS.includes(failOn)) throw new UsageError(`--fail-on must be ERR, WARN or INFO, not '${values['fail-on']}'`);
    let levels: Record<string, LevelSetting>;
    let namespaceMap: Map<string, string> | undefined;
    try {
      const { configFile } = findProject(process.cwd(), values.config);
      levels = configFile ? loadDiffLevels(configFile) : {};
      for (const opt of values.level ?? []) {
        const [id, l] = parseLevelOption(opt);
        levels[id] = l;
      }
      namespaceMap = values['namespace-map'] ? parseNamespaceMap(values['namespace-map']) : undefined;
    } catch (e) {
      if (e instanceof DiffConfigError || e instanceof NamespaceMapError) throw new UsageError(e.message);
      throw e;
    }
    const [oldPath, newPath] = positionals as [string, string];
    const names = values.operation ?? [];
    const olds = await loadContractSet('diff', oldPath, names);
    const news = await loadContractSet('diff', newPath, names);
    if (!olds || !news) return EXIT.USAGE;

    const result = diffContracts(olds, news, { namespaceMap, levels });
    const report: DiffReport = { ...result, oldLabel: oldPath, newLabel: newPath, failOn };
    const text = render(report, format, [...olds, ...news]);
    if (values.output) writeFileSync(values.output, text);
    else process.stdout.write(text);
    return result.changes.some((c) => fails(c, failOn)) ? EXIT.FINDINGS : EXIT.OK;
  },
};

function render(report: DiffReport, format: Format, all: readonly Contract[]): string {
  switch (format) {
    case 'markdown': return formatMarkdown(report);
    case 'json': return formatJson(report);
    case 'junit': return formatJunit(report, all.map((c) => `${c.service}/${c.operation}`));
    default: return formatText(report);
  }
}
