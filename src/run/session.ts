/**
 * One run as seen from inside vitest: the plan, a transport, a redactor, and the functions the
 * generic suites test file calls per case. Also the embedded mocks the global setup starts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock, type EchoRule, type MockResponse, type MockServer } from '../mock/server.ts';
import { Redactor } from '../report/redact.ts';
import type { CaseResult } from './result.ts';
import { DEFAULT_CONCURRENCY, RUN_OPTIONS_ENV, runOptionsFromEnv, type RunOptions } from './options.ts';
import { planRun, type ContractCase, type PlannedSuite, type ScenarioCase } from './plan.ts';
import { runContract, runScenario, type RunContext } from './runner.ts';
import { suitesIn } from './suite.ts';
import { createTransport, DEFAULT_TIMEOUT_MS, type Transport } from './transport.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Options when vitest is started without `soapcheck run` (e.g. `npx vitest run -c vitest.suites.config.ts`). */
export function defaultRunOptions(): RunOptions {
  return {
    suites: suitesIn(join(REPO_ROOT, 'suites')),
    contracts: [],
    concurrency: DEFAULT_CONCURRENCY,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    vars: {},
    insecure: false,
    out: join(REPO_ROOT, 'reports'),
  };
}

export function currentRunOptions(): RunOptions {
  return runOptionsFromEnv(process.env, defaultRunOptions);
}

export { RUN_OPTIONS_ENV };

/** Embedded mocks by suite name (suites without an endpoint). Started by the global setup. */
export type MockUrls = Record<string, string>;

export async function startEmbeddedMocks(opts: RunOptions): Promise<{ urls: MockUrls; close(): Promise<void> }> {
  const plan = await planRun(opts, new Redactor());
  if (plan.problems.length) throw new Error(`soapcheck: the run has input errors:\n${plan.problems.join('\n')}`);
  const servers: MockServer[] = [];
  const urls: MockUrls = {};
  try {
    for (const s of plan.suites) {
      if (s.endpoint !== undefined || s.cases.length === 0) continue;
      const server = await startMock({
        contracts: s.contracts,
        host: '127.0.0.1',
        port: 0,
        checkConfig: s.config,
        responses: (s.suite.mock.responses ?? []) as MockResponse[],
        echo: (s.suite.mock.echo ?? []) as EchoRule[],
      });
      servers.push(server);
      urls[s.suite.name] = server.url;
    }
  } catch (e) {
    await Promise.allSettled(servers.map((m) => m.close()));
    throw e;
  }
  return { urls, close: async () => void (await Promise.allSettled(servers.map((m) => m.close()))) };
}

export interface Session {
  suites: PlannedSuite[];
  redactor: Redactor;
  options: RunOptions;
  /** `signal` (the vitest test's) aborts the case's requests when the run is cancelled. */
  runContract(s: PlannedSuite, c: ContractCase, signal?: AbortSignal): Promise<CaseResult>;
  runScenario(s: PlannedSuite, c: ScenarioCase, signal?: AbortSignal): Promise<CaseResult>;
  close(): Promise<void>;
}

/** Plan the run inside a vitest worker and make the transport. */
export async function openSession(mockUrls: MockUrls, opts: RunOptions = currentRunOptions()): Promise<Session> {
  const redactor = new Redactor();
  const plan = await planRun(opts, redactor);
  if (plan.problems.length) throw new Error(`soapcheck: the run has input errors:\n${plan.problems.join('\n')}`);
  const transport: Transport = createTransport({
    timeoutMs: opts.timeoutMs,
    connections: opts.concurrency,
    insecure: opts.insecure,
    ...(opts.ca ? { ca: readFileSync(opts.ca) } : {}),
    ...(opts.cert && opts.key ? { cert: readFileSync(opts.cert), key: readFileSync(opts.key) } : {}),
    // The CLI already printed the --insecure warning once.
    warn: () => {},
  });
  const ctxOf = (s: PlannedSuite, signal?: AbortSignal): RunContext => {
    const endpoint = s.endpoint ?? mockUrls[s.suite.name];
    if (!endpoint) throw new Error(`no endpoint for suite ${s.suite.name}: the embedded mock was not started (run through soapcheck run or vitest.suites.config.ts)`);
    return { endpoint, transport, config: s.config, redactor, suite: s.suite.name, ...(signal ? { signal } : {}) };
  };
  return {
    suites: plan.suites,
    redactor,
    options: opts,
    runContract: (s, c, signal) => runContract(c.contract, c.values, ctxOf(s, signal)),
    runScenario: (s, c, signal) =>
      runScenario(c.scenario, {
        ...ctxOf(s, signal),
        resolveCall: s.resolveCall,
        valuesOf: s.valuesOf,
        variables: s.variables,
        file: s.suite.file,
        lenient: s.lenient,
      }),
    close: () => transport.close(),
  };
}
