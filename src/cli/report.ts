/**
 * `soapcheck report` — build the HTML report from the Allure results of the last run, with allure-commandline
 * (which needs Java).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { EXIT, parseCommandArgs, type Command } from './command.ts';
import { ALLURE_REPORT_DIR, ALLURE_RESULTS_DIR } from '../report/reporters.ts';

const HELP = `Usage: soapcheck report [--out DIR] [--single-file] [--open]

Build the HTML report from the Allure results that \`soapcheck run\` wrote to DIR/${ALLURE_RESULTS_DIR},
into DIR/${ALLURE_REPORT_DIR} (replacing an older report there; its history is carried over for trends).
Uses allure-commandline, which needs Java 8 or newer: \`java\` on PATH, or JAVA_HOME.

Options:
  --out DIR       reports folder of the run (default: reports)
  --single-file   write one self-contained index.html instead of a folder of assets
  --open          after building, serve the report and open it in a browser (runs until interrupted)
  -h, --help      show this help

Exit codes: 0 report built, 2 usage error, no results yet, Java missing, or allure failed.`;

export const command: Command = {
  help: HELP,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      out: { type: 'string', default: 'reports' },
      'single-file': { type: 'boolean', default: false },
      open: { type: 'boolean', default: false },
    });
    if (positionals.length) {
      process.stderr.write(`soapcheck report: unexpected argument '${positionals[0]}' (the reports folder is given with --out)\n`);
      return EXIT.USAGE;
    }
    const out = values.out;
    const resultsDir = join(out, ALLURE_RESULTS_DIR);
    const reportDir = join(out, ALLURE_REPORT_DIR);

    const results = countResults(resultsDir);
    if (results === undefined) {
      process.stderr.write(
        `soapcheck report: no Allure results yet: ${resultsDir} does not exist.\n` +
          `Run \`soapcheck run --out ${out}\` first (with the allure reporter, which is on by default).\n`,
      );
      return EXIT.USAGE;
    }
    if (results === 0) {
      process.stderr.write(`soapcheck report: no Allure results yet: ${resultsDir} has no test results. Run \`soapcheck run --out ${out}\` first.\n`);
      return EXIT.USAGE;
    }

    const java = findJava();
    if (!java.ok) {
      process.stderr.write(
        `soapcheck report: Java is required to build the HTML report (allure-commandline runs on Java 8 or newer), but ${java.reason}.\n` +
          `Install a Java runtime (e.g. \`apt-get install default-jre-headless\`) or set JAVA_HOME. ` +
          `The other reports (${join(out, 'junit.xml')}, ${join(out, 'summary.json')}) do not need Java.\n`,
      );
      return EXIT.USAGE;
    }

    const allure = allureBin();
    if (!allure) {
      process.stderr.write('soapcheck report: allure-commandline is not installed (run `npm ci`).\n');
      return EXIT.USAGE;
    }

    // Carry the previous report's history over, so Allure can draw trends across runs.
    const history = join(reportDir, 'history');
    if (existsSync(history)) cpSync(history, join(resultsDir, 'history'), { recursive: true });

    const args = ['generate', resultsDir, '-o', reportDir, '--clean'];
    if (values['single-file']) args.push('--single-file');
    const code = await runAllure(allure, args, java.env);
    const index = join(reportDir, 'index.html');
    if (code !== 0 || !existsSync(index)) {
      process.stderr.write(`soapcheck report: allure generate failed (exit ${code}); see its output above.\n`);
      return EXIT.USAGE;
    }
    const shown = relative(process.cwd(), index);
    process.stdout.write(`Allure report (${results} results): ${shown.startsWith('..') ? index : shown}\n`);

    if (values.open) {
      const openCode = await runAllure(allure, ['open', reportDir], java.env);
      return openCode === 0 || openCode === 130 ? EXIT.OK : EXIT.USAGE;
    }
    return EXIT.OK;
  },
};

/** Number of `*-result.json` files in the folder, or undefined when it does not exist. */
function countResults(dir: string): number | undefined {
  try {
    if (!statSync(dir).isDirectory()) return undefined;
    return readdirSync(dir).filter((f) => f.endsWith('-result.json')).length;
  } catch {
    return undefined;
  }
}

type JavaCheck = { ok: true; env: NodeJS.ProcessEnv } | { ok: false; reason: string };

/** Java as allure's launcher finds it: $JAVA_HOME/bin/java when JAVA_HOME is set, else `java` on PATH. */
export function findJava(env: NodeJS.ProcessEnv = process.env): JavaCheck {
  const home = env.JAVA_HOME;
  const java = home ? join(home, 'bin', 'java') : 'java';
  if (home && !existsSync(java)) return { ok: false, reason: `JAVA_HOME is set to ${home} but ${java} does not exist` };
  const r = spawnSync(java, ['-version'], { env, encoding: 'utf8', timeout: 30_000 });
  if (r.error) {
    const code = (r.error as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? '`java` was not found on PATH' : `\`${java} -version\` failed (${r.error.message})` };
  }
  if (r.status !== 0) return { ok: false, reason: `\`${java} -version\` exited with ${r.status}` };
  return { ok: true, env };
}

function allureBin(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve('allure-commandline/package.json');
    const bin = join(dirname(pkg), 'dist', 'bin', process.platform === 'win32' ? 'allure.bat' : 'allure');
    return existsSync(bin) ? bin : undefined;
  } catch {
    return undefined;
  }
}

function runAllure(bin: string, args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve) => {
    const child =
      process.platform === 'win32'
        ? spawn('cmd.exe', ['/d', '/s', '/c', bin, ...args], { env, stdio: 'inherit' })
        : spawn(bin, args, { env, stdio: 'inherit' });
    const stop = () => child.kill('SIGINT');
    process.once('SIGINT', stop);
    child.on('error', (e) => {
      process.stderr.write(`soapcheck report: could not start allure: ${e.message}\n`);
      resolve(-1);
    });
    child.on('close', (code, signal) => {
      process.off('SIGINT', stop);
      resolve(code ?? (signal === 'SIGINT' ? 130 : 1));
    });
  });
}
