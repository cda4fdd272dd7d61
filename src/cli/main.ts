/**
 * `soapcheck` command dispatcher. Each command is one module under src/cli/ exporting
 * `command: Command`; modules are loaded only when their command runs.
 *
 * Exit codes (stable): 0 all good, 1 findings, 2 usage or input error.
 */
import { EXIT, UsageError, type Command } from './command.ts';
import { closest } from './did-you-mean.ts';
import { holdSignals, releaseSignals } from './held-signals.ts';

/** `reportsInterrupts`: the command answers Ctrl-C itself, so a signal while it loads is held for it (./held-signals.ts). */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ command: Command }>; reportsInterrupts?: true }> = {
  init: { summary: 'scaffold a project: example contract, suite, config file, CI snippet', load: () => import('./init.ts') },
  import: { summary: 'import contracts from documentation pages or a WSDL', load: () => import('./import.ts') },
  lint: { summary: 'check contract files for errors', load: () => import('./lint.ts') },
  verify: { summary: 'check SOAP messages offline against contracts', load: () => import('./verify.ts') },
  example: { summary: 'print the request (or response) message of a contract', load: () => import('./example.ts') },
  mock: { summary: 'serve contracts as a mock SOAP endpoint', load: () => import('./mock.ts') },
  run: { summary: 'replay contracts and suites against an endpoint or the built-in mock', load: () => import('./run.ts'), reportsInterrupts: true },
  report: { summary: 'build the HTML report from Allure results', load: () => import('./report.ts') },
  diff: { summary: 'compare two contract sets: changes and what they break', load: () => import('./diff.ts') },
  crosscheck: { summary: 'compare docs-derived contracts with WSDL-derived ones', load: () => import('./crosscheck.ts') },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: soapcheck <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Run `soapcheck <command> --help` for the options of a command.',
    '',
    'Exit codes: 0 all good, 1 findings, 2 usage or input error.',
  ].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? EXIT.OK : EXIT.USAGE;
  }
  if (name === '--version' || name === '-v') {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    process.stdout.write(pkg.version + '\n');
    return EXIT.OK;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    const guess = closest(name, Object.keys(COMMANDS));
    process.stderr.write(guess ? `soapcheck: unknown command '${name}'; did you mean ${guess}? (soapcheck --help lists the commands)\n` : `soapcheck: unknown command '${name}'\n\n${usage()}\n`);
    return EXIT.USAGE;
  }
  if (entry.reportsInterrupts) holdSignals();
  try {
    const { command } = await entry.load();
    if (rest.includes('--help') || rest.includes('-h')) {
      process.stdout.write(command.help.trimEnd() + '\n');
      return EXIT.OK;
    }
    return await command.run(rest);
  } catch (e) {
    if (e instanceof UsageError) {
      // One line: what is wrong, and where to look.
      process.stderr.write(`soapcheck ${name}: ${e.message} (see soapcheck ${name} --help)\n`);
      return EXIT.USAGE;
    }
    throw e;
  } finally {
    // The command took a held signal over when it installed its handlers; one it did not take ends the process now.
    releaseSignals();
  }
}
