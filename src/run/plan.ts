/**
 * Planning a run: load the suites and their contracts, resolve endpoints and variables, and list
 * the cases (one per replayed contract, one per scenario). Everything that is the user's input
 * error is found here, before anything is sent, and reported as a list of problems with places.
 *
 * A run is planned once (by `soapcheck run`), and the plan is what the engine executes.
 */
import { basename } from 'node:path';
import type { CheckConfig } from '../checks/api.ts';
import { makeConfig } from '../checks/config.ts';
import { RULES } from '../checks/catalogue.ts';
import { loadContracts } from '../contract/load.ts';
import type { Contract } from '../contract/model.ts';
import type { Redactor } from '../secrets/redact.ts';
import { checkEchoRules, type EchoRule } from '../mock/echo.ts';
import { checkResponses, type MockResponse } from '../mock/responses.ts';
import { contractExampleValues, endpointUrl, operationKey, resolveValues, valuesFor } from './values.ts';
import { expandContractPaths } from './contract-paths.ts';
import { boundValues, packsOf } from './bindings.ts';
import { PACK_FILE } from '../contract/pack.ts';
import { referencedVariables } from './references.ts';
import { basicAuthFromUrl, resolveHeaders } from './http-headers.ts';
import { resolveWsSecurity } from './ws-security.ts';
import type { WsSecurity } from '../soap/wssecurity.ts';
import { stepXPathProblems } from './scenario.ts';
import { loadSuite, shown, SuiteError, formatProblem, type Scenario, type Suite, type ValueMap } from './suite.ts';
import type { RunOptions } from './options.ts';
import { contractCaseIdentity, scenarioCaseIdentity, type CaseIdentity } from './result.ts';
import { Variables, VariableError } from './variables.ts';
import { replayPlan } from './replay.ts';

export interface ContractCase {
  kind: 'contract';
  contract: Contract;
  values: ValueMap;
  /** Case name, `Version/Service/Operation` (= identity.name). */
  name: string;
  /** Who the case is in every report (made once, here). */
  identity: CaseIdentity;
}

export interface ScenarioCase {
  kind: 'scenario';
  scenario: Scenario;
  /** `scenario: <name>` (= identity.name). */
  name: string;
  identity: CaseIdentity;
}

export type PlannedCase = ContractCase | ScenarioCase;

export interface PlannedSuite {
  suite: Suite;
  contracts: Contract[];
  /** Base URL (without user-info), or undefined for the embedded mock. */
  endpoint?: string;
  /** Extra HTTP headers of every request (the suite's, --header, Basic auth from the URL's user-info). */
  headers: Record<string, string>;
  /** The WS-Security header of every request (--wsse-*, else the suite's), variables substituted. */
  wsSecurity?: WsSecurity;
  config: CheckConfig;
  variables: Variables;
  /** True on the embedded mock: a value whose variable is unset falls back to the contract example. */
  lenient: boolean;
  /** The suite's values per operation key, variables substituted. */
  values: Record<string, ValueMap>;
  /** Values for one contract: its pack's bindings, `${…}` in its examples, then the suite's values (which win). */
  valuesOf(c: Contract): ValueMap;
  /** The values its pack's bindings give a contract (what the embedded mock expects in those fields). */
  boundOf(c: Contract): ValueMap;
  /** Variables this suite refers to (suite, contract examples, pack bindings). */
  referenced: ReadonlySet<string>;
  /** The namespace map its contracts are replayed under (old URI → new URI); absent when they are not. */
  namespaceMap?: Readonly<Record<string, string>>;
  /** Cases of this suite in this shard, in order. */
  cases: PlannedCase[];
  resolveCall(call: string): Contract;
}

export interface RunPlan {
  suites: PlannedSuite[];
  /** Input errors, each `file[:line]: message`. Non-empty → nothing should run. */
  problems: string[];
  /** Cases in all suites before sharding. */
  totalCases: number;
  /** Every case's full name before sharding, as the `-t` filter sees it: `<suite> <case>`. */
  testNames: string[];
  /** `--var` names no suite, contract or pack of the run refers to. */
  unusedVars: string[];
  /** `--namespace-map` old URIs no contract of the run names (an input error: the map would change nothing). */
  unusedNamespaces: string[];
  /** Every namespace URI the run's contracts name (for "did you mean"). */
  namespacesSeen: string[];
}

/** The ad-hoc suite made of contract paths given on the command line. */
export function adHocSuite(paths: string[]): Suite {
  return {
    file: '(command line)',
    name: 'contracts',
    contracts: paths,
    replay: true,
    rules: {},
    variables: {},
    values: {},
    http: { headers: {} },
    mock: {},
    scenarios: [],
  };
}

export async function planRun(opts: RunOptions, redactor: Redactor, env: NodeJS.ProcessEnv = process.env): Promise<RunPlan> {
  const problems: string[] = [];
  const suites: Suite[] = [];
  if (opts.contracts.length) suites.push(adHocSuite(opts.contracts));
  for (const file of opts.suites) {
    try {
      suites.push(loadSuite(file));
    } catch (e) {
      if (e instanceof SuiteError) problems.push(...e.problems.map((p) => formatProblem({ ...p, file: shown(p.file) })));
      else throw e;
    }
  }
  const names = new Set<string>();
  for (const s of suites) {
    if (names.has(s.name)) problems.push(`${shown(s.file)}: suite name "${s.name}" is used by another suite in this run`);
    names.add(s.name);
  }
  const planned: PlannedSuite[] = [];
  let position = 0;
  let totalCases = 0;
  const testNames: string[] = [];
  const namespacesSeen = new Set<string>();
  for (const suite of suites) {
    const p = await planSuite(suite, opts, redactor, env, problems, namespacesSeen);
    if (!p) continue;
    const kept: PlannedCase[] = [];
    for (const c of p.cases) {
      totalCases++;
      testNames.push(`${p.suite.name} ${c.name}`);
      const mine = !opts.shard || position % opts.shard.count === opts.shard.index - 1;
      position++;
      if (mine) kept.push(c);
    }
    planned.push({ ...p, cases: kept });
  }
  const unusedVars = Object.keys(opts.vars).filter((n) => !planned.some((p) => p.referenced.has(n)));
  const unusedNamespaces = Object.keys(opts.namespaceMap ?? {}).filter((u) => !namespacesSeen.has(u));
  return { suites: planned, problems: [...new Set(problems)], totalCases, testNames, unusedVars, unusedNamespaces, namespacesSeen: [...namespacesSeen].sort() };
}

async function planSuite(
  suite: Suite,
  opts: RunOptions,
  redactor: Redactor,
  env: NodeJS.ProcessEnv,
  problems: string[],
  namespacesSeen: Set<string>,
): Promise<PlannedSuite | null> {
  const file = shown(suite.file);
  /** `file:line` of a place in the suite (see Suite.lines), or just the file. */
  const at = (place: string) => (suite.lines?.[place] ? `${file}:${suite.lines[place]}` : file);
  const before = problems.length;
  const { paths, unmatched } = expandContractPaths(suite.contracts);
  for (const u of unmatched) problems.push(`${at('contracts')}: contracts: ${shown(u)} matches no file`);
  const contractPaths = paths.filter((p) => basename(p) !== 'types.yaml' && basename(p) !== PACK_FILE && !p.endsWith('.suite.yaml'));
  const loaded = contractPaths.length ? await loadContracts(contractPaths) : { contracts: [], problems: [] };
  for (const pr of loaded.problems) {
    problems.push(`${shown(pr.file)}${pr.line ? `:${pr.line}` : ''}: ${pr.code}: ${pr.message}`);
  }
  // Under a namespace map the old contracts are replayed moved into the new namespaces (src/run/replay.ts).
  const replay = replayPlan(suite, opts.namespaceMap, loaded.contracts, namespacesSeen, at);
  problems.push(...replay.problems);
  const contracts = replay.contracts;
  if (suite.namespaceMap || opts.namespaceMap) suite = { ...suite, scenarios: replay.scenarios };
  if (contracts.length === 0 && unmatched.length === 0 && loaded.problems.length === 0) {
    problems.push(`${at('contracts')}: contracts: no contract found in ${suite.contracts.map(shown).join(', ')}`);
  }

  const packs = packsOf(contracts, shown);
  problems.push(...packs.problems);
  // The packs declare their variables (secret or not); the suite's own declarations win.
  const variables = new Variables(opts.vars, env, { ...packs.decls, ...suite.variables }, redactor);
  let endpoint = opts.endpoint;
  if (!endpoint && suite.endpoint) {
    try {
      endpoint = variables.substitute(suite.endpoint, at('endpoint'), 'endpoint');
    } catch (e) {
      // `endpoint: ${SO_ENDPOINT}` with SO_ENDPOINT unset: the embedded mock.
      if (!(e instanceof VariableError)) throw e;
    }
  }
  if (endpoint !== undefined) {
    const why = badBaseUrl(endpoint);
    if (why) problems.push(`${opts.endpoint ? '--endpoint' : `${at('endpoint')}: endpoint`}: ${why}`);
  }
  const lenient = endpoint === undefined;
  let basic: string | undefined;
  if (endpoint !== undefined && !badBaseUrl(endpoint)) ({ endpoint, authorization: basic } = basicAuthFromUrl(endpoint, redactor));
  let headers: Record<string, string> = {};
  try {
    headers = resolveHeaders(suite.http.headers, opts.headers ?? [], variables, lenient, file, redactor);
  } catch (e) {
    if (e instanceof VariableError) problems.push(e.message);
    else throw e;
  }
  if (basic !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'authorization')) headers = { ...headers, Authorization: basic };
  let wsSecurity: WsSecurity | undefined;
  try {
    wsSecurity = resolveWsSecurity(opts.wsSecurity ?? suite.wsSecurity, variables, lenient, opts.wsSecurity ? '(command line)' : file, redactor);
  } catch (e) {
    if (e instanceof VariableError) problems.push(e.message);
    else throw e;
  }
  if (lenient) {
    // The embedded mock's settings are checked here, so that a bad one is an input error before the run.
    const mockProblems = [
      ...checkEchoRules((suite.mock.echo ?? []) as EchoRule[], contracts),
      ...checkResponses((suite.mock.responses ?? []) as MockResponse[], contracts),
    ];
    for (const m of mockProblems) {
      const entry = /^(echo|responses)\[(\d+)\]/.exec(m);
      problems.push(`${entry ? at(`mock/${entry[1]}/${entry[2]}`) : file}: mock.${m}`);
    }
  }

  for (const key of Object.keys(suite.values)) {
    if (key === '*') continue;
    if (!contracts.some((c) => matches(key, c))) problems.push(`${at(`values/${key}`)}: values: "${key}" names no loaded contract (use Service/Operation or Version/Service/Operation)`);
  }

  const resolveCall = (call: string): Contract => {
    const found = contracts.filter((c) => matches(call, c));
    if (found.length === 1) return found[0]!;
    if (found.length === 0) throw new Error(`${file}: call "${call}" names no loaded contract`);
    throw new Error(`${file}: call "${call}" is ambiguous (${found.map(operationKey).join(', ')}); write Version/Service/Operation`);
  };

  // Suite values are resolved once per operation key, so an unset variable is reported once, where it is used.
  const values: Record<string, ValueMap> = {};
  for (const [key, map] of Object.entries(suite.values)) {
    values[key] = {};
    for (const [path, v] of Object.entries(map)) {
      try {
        Object.assign(values[key], resolveValues({ [path]: v }, variables, at(`values/${key}/${path}`), `values.${key}`, lenient));
      } catch (e) {
        if (e instanceof VariableError) problems.push(e.message);
        else throw e;
      }
    }
  }

  // `${NAME}` in the contracts' own examples, under the suite's values (which win).
  const fromExamples = new Map<Contract, ValueMap>();
  for (const c of contracts) {
    try {
      const v = contractExampleValues(c, variables, lenient);
      if (Object.keys(v).length) fromExamples.set(c, v);
    } catch (e) {
      if (e instanceof VariableError) problems.push(e.message.replace(c.file, shown(c.file)));
      else throw e;
    }
  }
  // The packs' bindings, under both (an unset variable is reported once per pack and binding).
  const bound = new Map<Contract, ValueMap>();
  for (const c of contracts) {
    try {
      const v = boundValues(c, packs.packOf.get(c), variables, lenient, shown);
      if (Object.keys(v).length) bound.set(c, v);
    } catch (e) {
      if (e instanceof VariableError) problems.push(e.message);
      else throw e;
    }
  }
  const boundOf = (c: Contract): ValueMap => bound.get(c) ?? {};
  const valuesOf = (c: Contract): ValueMap => ({ ...bound.get(c), ...fromExamples.get(c), ...valuesFor(c, values) });

  const cases: PlannedCase[] = [];
  if (suite.replay) {
    for (const c of contracts) {
      const moved = replay.of.get(c);
      const identity = { ...contractCaseIdentity(suite.name, c), ...(moved ? { replay: moved } : {}) };
      cases.push({ kind: 'contract', contract: c, values: valuesOf(c), name: operationKey(c), identity: frozenIdentity(identity) });
    }
  }
  for (const s of suite.scenarios) {
    for (const step of s.steps) {
      try {
        const called = resolveCall(step.call);
        for (const id of step.expect?.rules ?? []) if (!RULES.has(id)) problems.push(`${file}${step.line ? `:${step.line}` : ''}: scenario "${s.name}": step "${step.name}": expect.rules: unknown rule "${id}"`);
        for (const p of stepXPathProblems(step, called, s)) problems.push(`${file}${step.line ? `:${step.line}` : ''}: scenario "${s.name}": step "${step.name}": ${p}`);
      } catch (e) {
        problems.push(`${file}${step.line ? `:${step.line}` : ''}: scenario "${s.name}": ${(e as Error).message.replace(`${file}: `, '')}`);
      }
    }
    const identity = { ...scenarioCaseIdentity(suite.name, s.name), ...(replay.map ? { replay: { namespaces: replay.map } } : {}) };
    cases.push({ kind: 'scenario', scenario: s, name: `scenario: ${s.name}`, identity: frozenIdentity(identity) });
  }
  if (problems.length > before) return null;

  // Command line > suite > soapcheck.config.yaml > defaults. Findings quote the response: its secrets are masked
  // before any quote is shortened (issue 10).
  // A replayed suite is checked as a tolerant old client reads a newer server: `compatible`, unless the command line
  // or the suite names a profile (the config file's profile is for the project's ordinary runs).
  const profile = opts.profile ?? suite.profile ?? (replay.map ? 'compatible' : undefined) ?? opts.config?.profile ?? 'strict';
  const rules = makeConfig(profile, opts.config?.rules, suite.rules, opts.rules);
  const config: CheckConfig = { ...rules, mask: (t) => redactor.redactText(t) };
  const referenced = referencedVariables(suite, contracts, new Set(packs.packOf.values()));
  return { suite, contracts, endpoint, headers, ...(wsSecurity ? { wsSecurity } : {}), ...(replay.map ? { namespaceMap: replay.map } : {}), config, variables, lenient, values, valuesOf, boundOf, referenced, cases, resolveCall };
}

/** Results share their case's identity object: frozen so that none can change it for the others. */
function frozenIdentity(i: CaseIdentity): CaseIdentity {
  return Object.freeze({ ...i, ...(i.contract ? { contract: Object.freeze(i.contract) } : {}) });
}

/** `Service/Operation` or `Version/Service/Operation` naming this contract. */
export function matches(ref: string, c: Contract): boolean {
  const parts = ref.split('/');
  if (parts.length === 2) return parts[0] === c.service && parts[1] === c.operation;
  if (parts.length === 3) return parts[0] === c.version && parts[1] === c.service && parts[2] === c.operation;
  return false;
}

/** Why a base URL cannot be used, or null. */
export function badBaseUrl(text: string): string | null {
  let u: URL;
  try {
    u = new URL(text);
  } catch {
    return `not a valid URL: ${JSON.stringify(text)} (expected e.g. https://host/Cust12345/)`;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `unsupported scheme ${u.protocol} in ${JSON.stringify(text)} (use http: or https:)`;
  try {
    endpointUrl(text, 'x');
  } catch {
    return `cannot resolve contract paths against ${JSON.stringify(text)}`;
  }
  return null;
}
