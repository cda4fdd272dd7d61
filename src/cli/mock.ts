/**
 * `soapcheck mock` — serve contracts (and suites' mock settings) as a mock SOAP endpoint until
 * SIGINT/SIGTERM.
 */
import { resolve } from 'node:path';
import { ConfigError, makeConfig, parseRuleOption } from '../checks/index.ts';
import type { Profile, RuleSetting } from '../checks/api.ts';
import type { Contract } from '../contract/model.ts';
import { loadContracts } from '../contract/load.ts';
import { MockOptionsError, startMock, type EchoRule, type MockLogEntry, type MockResponse } from '../mock/server.ts';
import { EXIT, parseCommandArgs, profileOption, UsageError, wholeNumberOption, type Command } from './command.ts';
import { findProject } from './project.ts';

const help = `Usage: soapcheck mock [contracts or suites…] [options]

Serve contracts as a mock SOAP endpoint until interrupted (Ctrl-C, SIGINT or SIGTERM: exit 0).

Arguments are contract files, folders of contracts (walked for *.yaml), or suite files
(*.suite.yaml): a suite adds its contracts, its profile and rules, and its mock settings
(responses and echo rules; see docs/mock.md). With no arguments, contracts/ is served.

Every POST is routed by endpoint path (a base path in front is fine), then SOAP action, then
body element, and checked against its contract: a request that breaks it gets a SOAP Fault
(Client / Sender) whose detail lists the rule ids and messages; an accepted one gets the
contract's response (example values, else generated valid values). GET on a served path lists
its operations. Unknown path 404, other methods 405, body over the limit 413.

Prints "soapcheck mock listening on <url>", one line per served operation, then one line per
request (method, path, status, operation, finding count — never bodies, queries or secrets).

Options:
  --host <addr>            interface to bind (default 127.0.0.1; loopback only unless told)
  --port <n>               port (default 0: an ephemeral port, printed)
  --config <file>          profile and rules from this file instead of the soapcheck.config.yaml
                           found from the working folder upward
  --profile <p>            strict | compatible (default: the suite's, else the config file's,
                           else strict)
  --rule <id=level>        set a rule to off, warn or error (repeatable; wins over suites and
                           the config file)
  --max-body-bytes <n>     largest request body accepted (default 4194304)
  --quiet                  do not log each request
  -h, --help               show this help

Exit codes: 0 stopped by a signal, 2 usage or input error (bad contracts, port in use).
`;

interface Served {
  contracts: Contract[];
  profile?: Profile;
  rules: Record<string, RuleSetting>;
  responses: MockResponse[];
  echo: EchoRule[];
}

/** Contracts, rule settings and mock settings from the arguments (suites expanded). */
async function collect(args: string[]): Promise<Served> {
  const out: Served = { contracts: [], rules: {}, responses: [], echo: [] };
  const paths: string[] = [];
  const suites = args.filter((a) => a.endsWith('.suite.yaml'));
  if (suites.length) {
    const { loadSuite, expandContractPaths, SuiteError } = await import('../run/suite.ts');
    for (const file of suites) {
      try {
        const suite = loadSuite(file);
        const { paths: found, unmatched } = expandContractPaths(suite.contracts);
        if (unmatched.length) throw new UsageError(`${file}: contracts not found: ${unmatched.join(', ')}`);
        paths.push(...found);
        out.profile ??= suite.profile;
        Object.assign(out.rules, suite.rules);
        out.responses.push(...((suite.mock.responses ?? []) as MockResponse[]));
        out.echo.push(...((suite.mock.echo ?? []) as EchoRule[]));
      } catch (e) {
        if (e instanceof SuiteError) throw new UsageError(e.message);
        throw e;
      }
    }
  }
  paths.push(...args.filter((a) => !a.endsWith('.suite.yaml')));
  if (paths.length === 0) paths.push('contracts');
  const loaded = await loadContracts([...new Set(paths.map((p) => resolve(p)))]);
  if (loaded.problems.length) {
    const lines = loaded.problems.map((p) => `${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}  ${p.code}  ${p.message}`);
    throw new UsageError(`cannot serve contracts with problems (run soapcheck lint):\n${lines.join('\n')}`);
  }
  if (loaded.contracts.length === 0) throw new UsageError(`no contracts found in ${paths.join(', ')}`);
  out.contracts = loaded.contracts;
  return out;
}

function logLine(e: MockLogEntry): string {
  const parts = [`${e.method} ${e.path} → ${e.status}`];
  if (e.operation) parts.push(e.operation);
  parts.push(`${e.findings} finding${e.findings === 1 ? '' : 's'}`);
  if (e.note) parts.push(e.note);
  parts.push(`${e.durationMs} ms`);
  return parts.join('  ');
}

export const command: Command = {
  help,
  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      host: { type: 'string' },
      port: { type: 'string' },
      profile: { type: 'string' },
      rule: { type: 'string', multiple: true },
      'max-body-bytes': { type: 'string' },
      quiet: { type: 'boolean' },
      config: { type: 'string' },
    });
    const project = findProject(process.cwd(), values.config);
    const port = values.port !== undefined ? wholeNumberOption('--port', values.port, 0, 65535) : undefined;
    const maxBodyBytes = values['max-body-bytes'] !== undefined ? wholeNumberOption('--max-body-bytes', values['max-body-bytes'], 1, 2 ** 31) : undefined;
    const profile = values.profile !== undefined ? profileOption(values.profile) : undefined;
    let cliRules: Record<string, RuleSetting>;
    try {
      cliRules = Object.fromEntries((values.rule ?? []).map(parseRuleOption));
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(e.message);
      throw e;
    }

    const served = await collect(positionals);
    // Command line > suite > soapcheck.config.yaml > defaults.
    const checkConfig = makeConfig(profile ?? served.profile ?? project.config.profile ?? 'strict', project.config.rules, served.rules, cliRules);
    const out = (line: string) => process.stdout.write(line + '\n');

    let mock;
    try {
      mock = await startMock({
        contracts: served.contracts,
        host: values.host ?? '127.0.0.1',
        ...(port !== undefined ? { port } : {}),
        ...(maxBodyBytes !== undefined ? { maxBodyBytes } : {}),
        checkConfig,
        responses: served.responses,
        echo: served.echo,
        ...(values.quiet ? {} : { onRequest: (e: MockLogEntry) => out(logLine(e)) }),
      });
    } catch (e) {
      if (e instanceof MockOptionsError) throw new UsageError(e.message);
      const err = e as NodeJS.ErrnoException;
      if (err.code === 'EADDRINUSE' || err.code === 'EADDRNOTAVAIL' || err.code === 'EACCES' || err.code === 'ENOTFOUND') {
        throw new UsageError(`cannot listen on ${values.host ?? '127.0.0.1'}:${port ?? 0}: ${err.code}`);
      }
      throw e;
    }

    const loopback = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/.test(mock.host);
    out(
      [
        `soapcheck mock listening on ${mock.url}`,
        ...(loopback ? [] : [`note: bound to ${mock.host}, not loopback: other machines can reach this mock`]),
        ...mock.operations.map((op) => `  POST /${op.endpoint}  ${op.operation}  SOAP ${op.soapVersion}  action ${op.action}`),
        `profile ${checkConfig.profile}; ${mock.operations.length} operation${mock.operations.length === 1 ? '' : 's'}; Ctrl-C to stop`,
      ].join('\n'),
    );

    const server = mock;
    await new Promise<void>((done) => {
      const stop = (signal: NodeJS.Signals) => {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        out(`${signal}: stopping`);
        void server.close().then(done);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    out('soapcheck mock stopped');
    return EXIT.OK;
  },
};
