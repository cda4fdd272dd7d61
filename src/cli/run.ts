/**
 * `soapcheck run`: plans the run once — input errors (suites, contracts, variables, URLs) exit 2
 * before anything is sent — then executes the plan in this process (src/run/engine.ts) with the
 * reporters listening.
 */
import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXIT, parseCommandArgs, profileOption, UsageError, wholeNumberOption, type Command } from './command.ts';
import { closest } from './did-you-mean.ts';
import { takeHeldSignal } from './held-signals.ts';
import type { RuleSetting } from '../checks/api.ts';
import { ConfigError, parseRuleOption } from '../checks/config.ts';
import { Redactor } from '../secrets/redact.ts';
import { parseReporterNames, REPORTER_NAMES, reportersFor } from '../report/reporters.ts';
import { soapcheckVersion } from '../report/summary-reporter.ts';
import { terminalSafe } from '../report/format.ts';
import { executeRun } from '../run/engine.ts';
import { DEFAULT_CONCURRENCY, parseShard, type RunOptions } from '../run/options.ts';
import { planRun, type RunPlan } from '../run/plan.ts';
import { suitesIn } from '../run/suite.ts';
import { DEFAULT_TIMEOUT_MS } from '../run/transport.ts';
import { parseVarOptions, VariableError } from '../run/variables.ts';
import { findProject, type Project } from './project.ts';
import { parseHeaderOption } from '../run/http-headers.ts';
import { listCases, selectOperations } from '../run/select-cases.ts';
import { caseFilter, type CaseFilter } from '../run/case-filter.ts';
import { GATE_HELP, GATE_OPTIONS, gateExitCode, setupGate, writeKnownFailuresFile } from './run-gate.ts';
import { NamespaceMapError, parseNamespaceMap } from '../contract/namespace-map.ts';

const OPTIONS = {
  endpoint: { type: 'string' },
  profile: { type: 'string' },
  rule: { type: 'string', multiple: true },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  retry: { type: 'string' },
  reporter: { type: 'string', multiple: true },
  out: { type: 'string' },
  shard: { type: 'string' },
  var: { type: 'string', multiple: true },
  'strict-vars': { type: 'boolean' },
  list: { type: 'boolean' },
  operation: { type: 'string', multiple: true },
  header: { type: 'string', multiple: true },
  'wsse-user': { type: 'string' },
  'wsse-password': { type: 'string' },
  'wsse-digest': { type: 'boolean' },
  'wsse-timestamp': { type: 'string' },
  t: { type: 'string', short: 't' },
  ca: { type: 'string' },
  cert: { type: 'string' },
  key: { type: 'string' },
  insecure: { type: 'boolean' },
  config: { type: 'string' },
  ...GATE_OPTIONS,
  'namespace-map': { type: 'string', multiple: true },
} as const;

export const command: Command = {
  help: `Usage: soapcheck run [suite.suite.yaml… | contract paths…] [options]

Replays contracts and runs suite scenarios against an endpoint, or against the built-in mock
(started in-process on 127.0.0.1 with an ephemeral port) when no endpoint is given. Each replayed
contract and each scenario is one case; the reports go under --out and are written as results arrive.

With no arguments, runs every suites/*.suite.yaml of your project: the folder of
soapcheck.config.yaml, else the first folder with a suites/ folder, looking from the working
folder upward (not past a folder with package.json or .git). Arguments ending in .suite.yaml are
suites; any other argument is a contract file, folder or glob, and together they form one ad-hoc
suite named "contracts".

Options:
  --endpoint URL        base URL for every suite (overrides the suites' endpoint); each contract's
                        endpoint path is resolved against it, e.g. https://host/Cust12345/ +
                        Remote/Services88/User.svc
  --config FILE         check settings (profile, rules) from FILE instead of the soapcheck.config.yaml
                        found from the working folder upward
  --profile P           strict | compatible (overrides the suites' profile and the config file's;
                        default strict, compatible for a suite replayed under a namespace map)
  --namespace-map OLD=NEW
                        replay older contracts against a newer endpoint: every request is moved from
                        namespace OLD into NEW (names, types, header blocks, the SOAP action, and the
                        endpoint path's segment that differs: Services86 → Services88), and responses
                        are checked against the old contract moved alike, in the compatible profile
                        unless --profile or the suite names one; repeatable; merged over a suite's
                        namespaceMap: (wins for the same OLD). An OLD no contract names is a usage
                        error. See docs/upgrading.md
  --rule ID=LEVEL       set a rule to off, warn or error (wins over the suites' rules: and the
                        config file's); repeatable
  --concurrency N       requests in flight at once (default ${DEFAULT_CONCURRENCY})
  --timeout MS          per-request timeout, connect + headers + body (default ${DEFAULT_TIMEOUT_MS})
  --retry N             run a case that did not pass up to N more times; its last attempt is
                        reported (default 0)
  --reporter NAME       ${REPORTER_NAMES.join(', ')} (json = summary); repeat or comma-separate
                        (default: all)
  --out DIR             reports folder (default reports): junit.xml, summary.json, allure-results/
  --shard I/N           run only the I-th of N slices of the cases (cases are dealt round-robin in
                        suite order, so every shard gets a fair share)
  --var NAME=VALUE      value of \${NAME} in suites, contract examples and pack bindings (wins over the
                        environment); repeatable. A --var nothing in the run refers to is named
                        (a warning)
  --strict-vars         a --var nothing refers to is an input error (exit 2) instead of a warning
  --list                print the cases the run would execute and where each request would go
                        (scenarios: one line per step), then exit 0: nothing is sent, no mock started
  --operation NAME      only the cases of this operation: Operation, Service/Operation or
                        Version/Service/Operation, * and ? as wildcards (e.g. 'User/Get*'); contract
                        cases of it and scenarios calling it; repeatable; matching nothing is a usage
                        error
  --header 'NAME: VALUE'  an extra HTTP header on every request (\${VAR} allowed; wins over a suite's
                        http: headers:); repeatable. Bearer tokens and API keys are headers:
                        --header 'Authorization: Bearer \${TOKEN}'. Credential-like headers
                        (Authorization, *token*, *key*, …) and headers with secret variables are ***
                        in every report. User-info in --endpoint (https://user:pw@host/) is sent as
                        HTTP Basic
  --wsse-user NAME --wsse-password VALUE
                        a WS-Security UsernameToken header (OASIS WSS 1.1) on every request, with a
                        Timestamp; \${VAR} allowed (give the password as '\${WSS_PASSWORD}' so it stays
                        out of the process list); the password is *** in every report. Wins over a
                        suite's wsSecurity:
  --wsse-digest         send the password as PasswordDigest (with Nonce and Created), not as text
  --wsse-timestamp S    seconds until the Timestamp expires (default 300; 0: no Timestamp)
  -t FILTER             run only the cases whose test name, "<suite> <case>" (e.g. "superoffice-user
                        Services88/User/GetUser"), matches FILTER (a regular expression); the others are
                        left out of the run and its reports; a filter that matches no case, or
                        runs over 1 s on a case name (a pattern that backtracks), is a usage error
  --ca FILE             PEM file of CA certificates to trust (private CA)
  --cert FILE --key FILE  client certificate and key (PEM) for mutual TLS
  --insecure            do not verify TLS certificates (prints a warning; never the default)
${GATE_HELP}
  -h, --help            this text

Precedence: command line > suite > soapcheck.config.yaml > defaults; for the profile of a replayed
suite: --profile > the suite's profile: > compatible.

Variables: \${NAME} comes from --var, else the environment, else the suite's default. A contract
pack (pack.yaml beside the contracts, e.g. contracts/superoffice/pack.yaml) binds request fields to
variables once for every run: the SuperOffice pack sends SO_APP_TOKEN in ApplicationToken and
SO_TICKET in Credentials/Ticket. SO_TICKET, SO_APP_TOKEN and variables marked secret (in a suite or
a pack) are secrets: their values appear as *** in every report and log. On the embedded mock a value whose variable is unset falls back to the contract's
example value; against a real endpoint an unset variable is an input error.

Exit codes: 0 every case passed, 1 a case failed or could not be checked (transport error,
timeout; with --known-failures: for another reason than accepted findings; with --fail-on
regression: only a case newly failing or a new error finding), 2 usage or input error (bad
suite, contract problems, unknown variable, bad URL, a --baseline or known-failures file that
cannot be used), 3 a report could not be written (disk full, no permission: the message names it; the other
reports are complete), 130 (SIGINT, Ctrl-C) or 143 (SIGTERM) when the run was interrupted: the
cases in flight are stopped, every case not finished is reported as skipped and the reports are
still written (summary.json outcome "interrupted"), also during start-up; a second signal stops at
once. See docs/suites.md.`,

  async run(argv) {
    // From the first moment: a signal during start-up still ends with the reports written (every case skipped).
    const interrupt = interruptOnSignals();
    try {
      return await runCommand(argv, interrupt);
    } finally {
      interrupt.dispose();
    }
  },
};

/**
 * The run a `soapcheck run` command line describes (its arguments and the options that choose and
 * shape cases: suites or contracts, --endpoint, --profile, --rule, --var, --header, --wsse-*,
 * --namespace-map, --concurrency, --timeout, --shard, --config, --operation, -t), planned, for a run inside a user's
 * own test runner (src/embed). Input errors throw, each line `file[:line]: message`.
 */
export async function planCommandLine(argv: string[]): Promise<{ plan: RunPlan; options: RunOptions; redactor: Redactor; filter?: CaseFilter }> {
  const { values: o, positionals } = parseCommandArgs(argv, OPTIONS);
  const options = toRunOptions(o, positionals, findProject(process.cwd(), o.config));
  const redactor = new Redactor();
  let plan = await planRun(options, redactor);
  if (plan.problems.length) throw new UsageError(`input errors:\n${plan.problems.map((p) => `  ${redactor.redactUrl(p)}`).join('\n')}`);
  if (o.operation?.length) {
    const selected = selectOperations(plan, o.operation);
    if (!selected.matched) throw new UsageError(`--operation ${o.operation.join(', ')} matches no operation of this run`);
    plan = selected.plan;
  }
  const chosen = o.t !== undefined ? caseFilter(new RegExp(o.t), plan.testNames) : undefined;
  if (chosen && !chosen.ok) throw new UsageError(`-t ${JSON.stringify(o.t)}: ${chosen.message}`);
  if (chosen?.matched === 0) throw new UsageError(`-t ${JSON.stringify(o.t)} matches no case of this run`);
  // Every secret variable's value is known to the redactor before anything is reported.
  for (const s of plan.suites) for (const name of Object.keys(s.suite.variables)) if (s.variables.isSecret(name)) s.variables.get(name);
  return { plan, options, redactor, ...(chosen?.ok ? { filter: chosen.filter } : {}) };
}

async function runCommand(argv: string[], interrupt: Interrupt): Promise<number> {
  const { values: o, positionals } = parseCommandArgs(argv, OPTIONS);
  const project = findProject(process.cwd(), o.config);
  const opts = toRunOptions(o, positionals, project);
  const retry = o.retry !== undefined ? wholeNumberOption('--retry', o.retry, 0, 10) : 0;
  const reporterNames = o.reporter?.length ? safe(() => parseReporterNames(o.reporter!)) : [...REPORTER_NAMES];
  const redactor = new Redactor();
  const gating = setupGate(o, project, redactor);

  if (opts.insecure) process.stderr.write('soapcheck run: WARNING: --insecure: TLS certificates are NOT verified; the endpoint\'s identity is not checked\n');
  let plan = await planRun(opts, redactor);
  if (plan.problems.length) {
    process.stderr.write(`soapcheck run: input errors:\n${plan.problems.map((p) => `  ${redactor.redactUrl(p)}`).join('\n')}\n`);
    return EXIT.USAGE;
  }
  if (plan.unusedVars.length) {
    const known = new Set(plan.suites.flatMap((s) => [...s.referenced]));
    const lines = plan.unusedVars.map((n) => {
      const guess = closest(n, known);
      return `--var ${n}: no suite, contract or pack of this run refers to \${${n}}${guess ? `; did you mean ${guess}?` : ''}`;
    });
    if (o['strict-vars']) {
      process.stderr.write(`soapcheck run: input errors:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
      return EXIT.USAGE;
    }
    for (const l of lines) process.stderr.write(`soapcheck run: warning: ${l}\n`);
  }
  if (plan.unusedNamespaces.length) {
    const lines = plan.unusedNamespaces.map((u) => {
      const to = opts.namespaceMap![u]!;
      if (plan.namespacesSeen.includes(to)) return `--namespace-map ${u}=${to}: no contract of this run names ${u}, but they name ${to}: the map is old=new; was it given the wrong way round?`;
      const guess = closest(u, plan.namespacesSeen);
      return `--namespace-map ${u}=${to}: no contract of this run names ${u}${guess ? `; did you mean ${guess}?` : ` (they name ${plan.namespacesSeen.slice(0, 6).join(', ')}${plan.namespacesSeen.length > 6 ? ', …' : ''})`}`;
    });
    process.stderr.write(`soapcheck run: input errors:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
    return EXIT.USAGE;
  }
  if (o.operation?.length) {
    const selected = selectOperations(plan, o.operation);
    if (!selected.matched) {
      process.stderr.write(`soapcheck run: --operation ${o.operation.map((g) => JSON.stringify(g)).join(', ')} matches no operation of this run (names are Operation, Service/Operation or Version/Service/Operation; * and ? are wildcards)\n`);
      return EXIT.USAGE;
    }
    plan = selected.plan;
  }
  // -t: matched once per case name, up front, each match bounded in time like a suite's `matches:`.
  const chosen = o.t !== undefined ? caseFilter(new RegExp(o.t), plan.testNames) : undefined;
  if (chosen && !chosen.ok) {
    process.stderr.write(`soapcheck run: -t ${JSON.stringify(o.t)}: ${chosen.message}\n`);
    return EXIT.USAGE;
  }
  const filter = chosen?.filter;
  if (chosen && chosen.matched === 0) {
    const examples = plan.testNames.slice(0, 3).map((n) => `  ${n}`).join('\n');
    process.stderr.write(`soapcheck run: -t ${JSON.stringify(o.t)} matches no case of this run. Case names are "<suite> <case>", e.g.\n${examples}\n`);
    return EXIT.USAGE;
  }
  // Register every secret variable's value with the redactor before anything is printed.
  for (const s of plan.suites) {
    for (const name of [...Object.keys(s.suite.variables), 'SO_TICKET', 'SO_APP_TOKEN']) if (s.variables.isSecret(name)) s.variables.get(name);
  }
  if (o.list) {
    // Nothing is sent and no mock is started: what would run, and where each request would go.
    const lines = listCases(plan, filter);
    process.stdout.write(lines.map((l) => terminalSafe(redactor.redactUrl(l))).join('\n') + (lines.length ? '\n' : ''));
    process.stdout.write(`${plan.suites.reduce((n, s) => n + s.cases.filter((c) => !filter || filter.test(`${s.suite.name} ${c.name}`)).length, 0)} case(s); nothing was sent (--list)\n`);
    return EXIT.OK;
  }
  for (const s of plan.suites) {
    const where = s.endpoint ? redactor.redactUrl(s.endpoint) : 'the embedded mock';
    process.stdout.write(`soapcheck run: suite ${s.suite.name}: ${s.cases.length} case(s) against ${where} (profile ${s.config.profile})\n`);
    if (s.namespaceMap) {
      for (const [from, to] of Object.entries(s.namespaceMap)) process.stdout.write(`soapcheck run: suite ${s.suite.name}: replayed under namespace map ${from} → ${to}\n`);
    }
  }

  reportsFolder(opts.out);
  const reporters = reportersFor(opts.out, reporterNames, { redactor, ...(gating.gate ? { gate: gating.gate } : {}) });
  const result = await executeRun({
    plan,
    options: opts,
    redactor,
    listener: reporters,
    ...(filter ? { filter } : {}),
    retry,
    signal: interrupt.controller.signal,
    environment: { soapcheck: soapcheckVersion(), node: process.version },
  });
  const knownWriteError = interrupt.signal ? undefined : writeKnownFailuresFile(gating, redactor);
  if (knownWriteError) process.stderr.write(`soapcheck run: ${redactor.redact(knownWriteError)}\n`);
  if (reporters.writeErrors.length || knownWriteError) {
    for (const e of reporters.writeErrors) process.stderr.write(`soapcheck run: the ${e.report} report could not be written to ${e.path}: ${redactor.redact(e.message)}\n`);
    process.stderr.write(`soapcheck run: the other reports are complete; exit ${EXIT.REPORTS} (a report is missing or incomplete)\n`);
    if (!interrupt.signal) return EXIT.REPORTS;
  }
  if (interrupt.signal) return exitCodeFor(interrupt.signal);
  return gateExitCode(gating, result);
}

interface Interrupt {
  controller: AbortController;
  signal: NodeJS.Signals | undefined;
  dispose(): void;
}

/**
 * Ctrl-C (SIGINT) or SIGTERM during a run: the first one aborts the run, so that the cases in flight end
 * (their requests are cancelled), every case not finished is reported as skipped and every report is still
 * written; a second one stops at once.
 */
function interruptOnSignals(): Interrupt {
  const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
  const state: Interrupt = {
    controller: new AbortController(),
    signal: undefined,
    dispose: () => {
      for (const s of SIGNALS) process.off(s, onSignal);
    },
  };
  function onSignal(signal: NodeJS.Signals): void {
    if (state.signal) {
      process.stderr.write(`soapcheck run: ${signal} again: stopping now, without reports\n`);
      process.exit(exitCodeFor(signal));
    }
    state.signal = signal;
    process.stderr.write(`soapcheck run: ${signal}: stopping the run; the reports will cover the cases that finished (${signal} again to stop at once)\n`);
    state.controller.abort();
  }
  for (const s of SIGNALS) process.on(s, onSignal);
  // A signal that came while this command's modules loaded (held by the dispatcher) counts from now.
  const early = takeHeldSignal();
  if (early) onSignal(early);
  return state;
}

/** 128 + the signal's number, as shells report a process ended by it. */
function exitCodeFor(signal: NodeJS.Signals): number {
  return signal === 'SIGTERM' ? 143 : 130;
}

function toRunOptions(o: Record<string, string | boolean | string[] | undefined>, positionals: string[], project: Project): RunOptions {
  const suites: string[] = [];
  const contracts: string[] = [];
  for (const p of positionals) (p.endsWith('.suite.yaml') || p.endsWith('.suite.yml') ? suites : contracts).push(resolve(p));
  for (const s of suites) if (!existsSync(s)) throw new UsageError(`suite file not found: ${s}`);
  if (!positionals.length) {
    suites.push(...suitesIn(join(project.root, 'suites')));
    if (!suites.length) throw new UsageError(noSuitesMessage(project.root));
  }
  const profile = o.profile !== undefined ? profileOption(o.profile as string) : undefined;
  const concurrency = o.concurrency !== undefined ? wholeNumberOption('--concurrency', o.concurrency as string, 1, 1024) : DEFAULT_CONCURRENCY;
  const timeoutMs = o.timeout !== undefined ? wholeNumberOption('--timeout', o.timeout as string, 1, 3_600_000) : DEFAULT_TIMEOUT_MS;
  let shard: RunOptions['shard'];
  if (o.shard !== undefined) {
    const s = parseShard(o.shard as string);
    if (typeof s === 'string') throw new UsageError(s);
    shard = s;
  }
  let vars: Record<string, string>;
  try {
    vars = parseVarOptions((o.var as string[] | undefined) ?? []);
  } catch (e) {
    if (e instanceof VariableError) throw new UsageError(e.message);
    throw e;
  }
  const headers: Array<{ name: string; value: string }> = [];
  for (const h of (o.header as string[] | undefined) ?? []) {
    const parsed = parseHeaderOption(h);
    if (typeof parsed === 'string') throw new UsageError(parsed);
    headers.push(parsed);
  }
  if (Boolean(o['wsse-user']) !== (o['wsse-password'] !== undefined)) throw new UsageError('--wsse-user and --wsse-password go together');
  if (!o['wsse-user'] && (o['wsse-digest'] || o['wsse-timestamp'] !== undefined)) throw new UsageError('--wsse-digest and --wsse-timestamp need --wsse-user and --wsse-password');
  const wsseTimestamp = o['wsse-timestamp'] !== undefined ? wholeNumberOption('--wsse-timestamp', o['wsse-timestamp'] as string, 0, 86_400) : undefined;
  const rules: Record<string, RuleSetting> = {};
  for (const r of (o.rule as string[] | undefined) ?? []) {
    try {
      const [id, level] = parseRuleOption(r);
      rules[id] = level;
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(e.message);
      throw e;
    }
  }
  if (Boolean(o.cert) !== Boolean(o.key)) throw new UsageError('--cert and --key go together');
  for (const k of ['ca', 'cert', 'key'] as const) {
    const f = o[k] as string | undefined;
    if (f === undefined) continue;
    try {
      readFileSync(f);
    } catch (e) {
      throw new UsageError(`--${k} ${f}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
  }
  if (typeof o.t === 'string') {
    try {
      new RegExp(o.t);
    } catch (e) {
      throw new UsageError(`-t ${JSON.stringify(o.t)} is not a valid regular expression: ${(e as Error).message}`);
    }
  }
  let namespaceMap: Map<string, string> | undefined;
  try {
    namespaceMap = o['namespace-map'] ? parseNamespaceMap(o['namespace-map'] as string[]) : undefined;
  } catch (e) {
    if (e instanceof NamespaceMapError) throw new UsageError(e.message);
    throw e;
  }
  return {
    suites,
    contracts,
    ...(namespaceMap?.size ? { namespaceMap: Object.fromEntries(namespaceMap) } : {}),
    ...(o.endpoint ? { endpoint: o.endpoint as string } : {}),
    ...(profile ? { profile } : {}),
    ...(Object.keys(rules).length ? { rules } : {}),
    concurrency,
    timeoutMs,
    vars,
    ...(headers.length ? { headers } : {}),
    ...(o['wsse-user']
      ? { wsSecurity: { username: o['wsse-user'] as string, password: o['wsse-password'] as string, passwordType: o['wsse-digest'] ? 'PasswordDigest' as const : 'PasswordText' as const, ...(wsseTimestamp !== undefined ? { timestampSeconds: wsseTimestamp } : {}) } }
      : {}),
    ...(o.ca ? { ca: resolve(o.ca as string) } : {}),
    ...(o.cert ? { cert: resolve(o.cert as string), key: resolve(o.key as string) } : {}),
    insecure: o.insecure === true,
    ...(shard ? { shard } : {}),
    out: resolve((o.out as string | undefined) ?? 'reports'),
    config: project.config,
  };
}

function noSuitesMessage(root: string): string {
  return [
    `no suites to run: ${join(root, 'suites')} has no *.suite.yaml.`,
    'To start, either replay contracts directly:',
    '  soapcheck run contracts/ --endpoint https://host/base/',
    'or write suites/<name>.suite.yaml (docs/suites.md), e.g.',
    '  soapcheck: 1',
    '  kind: suite',
    '  name: my-service',
    '  contracts: [../contracts/]',
    'and run `soapcheck run` again from this project.',
  ].join('\n');
}

/** Make the reports folder, or say why it cannot be used (a usage error, before anything is sent). */
function reportsFolder(dir: string): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`--out ${dir}: exists and is not a folder`);
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (e) {
    throw new UsageError(`--out ${dir}: cannot write reports there (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

function safe<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}
