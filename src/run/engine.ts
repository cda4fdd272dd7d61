/**
 * The run engine: executes a planned run in this process and streams every case's result to the
 * reporters as soon as it is final. Starts the embedded mock of each suite that has no endpoint,
 * one keep-alive transport for the run, and runs each suite in turn: its replayed contracts with up
 * to `concurrency` in flight, then its scenarios one at a time (a scenario may rely on state the
 * endpoint keeps, so nothing of the same suite runs beside it).
 *
 * `-t` and `--shard` choose the cases before the run starts (cases left out are not reported);
 * `--retry N` runs a case that did not pass up to N more times and reports its last attempt.
 * When `signal` aborts (Ctrl-C, SIGTERM), requests in flight are cancelled, and every case that had
 * not finished is reported as skipped: the reporters always hear of every case they were told of.
 */
import { readFileSync } from 'node:fs';
import { startMock, type EchoRule, type MockResponse, type MockServer } from '../mock/server.ts';
import type { Redactor } from '../secrets/redact.ts';
import type { CaseFilter } from './case-filter.ts';
import type { RunEnd, RunListener, RunOutcome } from './events.ts';
import type { RunOptions } from './options.ts';
import type { ContractCase, PlannedCase, PlannedSuite, RunPlan, ScenarioCase } from './plan.ts';
import type { CaseIdentity, CaseResult } from './result.ts';
import { runContract, runScenario, type RunContext } from './runner.ts';
import { createTransport, type Transport } from './transport.ts';
import { PreparedContracts } from './prepared.ts';

export interface ExecuteOptions {
  plan: RunPlan;
  options: RunOptions;
  /** The run's redactor, with every secret value registered. */
  redactor: Redactor;
  listener: RunListener;
  /** Only cases whose `<suite> <case>` matches (the `-t` filter, bounded: ./case-filter.ts). */
  filter?: CaseFilter;
  /** Further attempts of a case that did not pass. */
  retry?: number;
  /** Aborts the run: cases not finished are reported as skipped. */
  signal?: AbortSignal;
  /** Report facts (tool version, …) added to the environment block. */
  environment?: Record<string, string>;
}

export interface RunTotals {
  cases: number;
  passed: number;
  failed: number;
  error: number;
  skipped: number;
}

export interface ExecuteResult {
  outcome: RunOutcome;
  totals: RunTotals;
  runErrors: string[];
}

/** The cases of `s` this run executes: the plan's (after --shard), narrowed by the -t filter. */
export function selectedCases(s: PlannedSuite, filter?: CaseFilter): PlannedCase[] {
  return filter ? s.cases.filter((c) => filter.test(`${s.suite.name} ${c.name}`)) : s.cases;
}

export async function executeRun(x: ExecuteOptions): Promise<ExecuteResult> {
  const { plan, options: opts, redactor, listener, signal } = x;
  const suites = plan.suites.map((s) => ({ planned: s, cases: selectedCases(s, x.filter) })).filter((s) => s.cases.length > 0);
  const totals: RunTotals = { cases: 0, passed: 0, failed: 0, error: 0, skipped: 0 };
  const runErrors: string[] = [];

  await listener.onRunStart?.({
    startedAt: new Date(),
    cases: suites.flatMap((s) => s.cases.map((c) => c.identity)),
    environment: environmentOf(suites.map((s) => s.planned), opts, redactor, x.environment),
  });

  const report = async (r: CaseResult): Promise<void> => {
    totals.cases++;
    totals[r.status]++;
    await listener.onCaseResult?.(r);
  };
  const skip = (i: CaseIdentity): Promise<void> => report({ ...i, status: 'skipped', findings: [], durationMs: 0 });

  const mocks = new Map<PlannedSuite, MockServer>();
  // Each contract's per-run state (check plan, request headers, secret names, last texts), made once for the run.
  const prepared = new PreparedContracts(redactor);
  let transport: Transport | undefined;
  try {
    if (!signal?.aborted) {
      for (const { planned } of suites) {
        if (planned.endpoint !== undefined) continue;
        try {
          mocks.set(planned, await startEmbeddedMock(planned));
        } catch (e) {
          runErrors.push(redactor.redact(`suite ${planned.suite.name}: the embedded mock could not start: ${e instanceof Error ? e.message : String(e)}`));
        }
        if (signal?.aborted) break;
      }
      transport = createTransport({
        timeoutMs: opts.timeoutMs,
        connections: opts.concurrency,
        insecure: opts.insecure,
        ...(opts.ca ? { ca: readFileSync(opts.ca) } : {}),
        ...(opts.cert && opts.key ? { cert: readFileSync(opts.cert), key: readFileSync(opts.key) } : {}),
        // `soapcheck run` printed the --insecure warning already.
        warn: () => {},
      });
    }
    for (const { planned, cases } of suites) {
      const endpoint = planned.endpoint ?? mocks.get(planned)?.url;
      if (!transport || !endpoint || signal?.aborted) {
        for (const c of cases) await skip(c.identity);
        continue;
      }
      const ctx: RunContext = {
        endpoint, transport, config: planned.config, redactor, suite: planned.suite.name, prepared,
        ...(signal ? { signal } : {}),
        ...(Object.keys(planned.headers).length ? { headers: planned.headers } : {}),
        ...(planned.wsSecurity ? { wsSecurity: planned.wsSecurity } : {}),
      };
      const attempt = (c: PlannedCase): Promise<CaseResult> => (c.kind === 'contract' ? runContractCase(c, ctx) : runScenarioCase(planned, c, ctx));
      const runCase = async (c: PlannedCase): Promise<void> => {
        let r = await attempt(c);
        for (let n = 0; n < (x.retry ?? 0) && (r.status === 'failed' || r.status === 'error') && !signal?.aborted; n++) r = await attempt(c);
        // A case cut short by the interrupt did not run to its end: it is skipped, not an error of the endpoint.
        if (signal?.aborted && r.status !== 'passed') await skip(c.identity);
        else await report(r);
      };
      const contracts = cases.filter((c): c is ContractCase => c.kind === 'contract');
      await pool(contracts, opts.concurrency, async (c) => (signal?.aborted ? skip(c.identity) : runCase(c)));
      for (const c of cases) if (c.kind === 'scenario') await (signal?.aborted ? skip(c.identity) : runCase(c));
    }
  } finally {
    await transport?.close().catch(() => {});
    await Promise.allSettled([...mocks.values()].map((m) => m.close()));
  }

  const outcome: RunOutcome = signal?.aborted ? 'interrupted' : totals.failed + totals.error > 0 || runErrors.length > 0 ? 'failed' : 'passed';
  const end: RunEnd = { finishedAt: new Date(), outcome, runErrors };
  await listener.onRunEnd?.(end);
  return { outcome, totals, runErrors };
}

function runContractCase(c: ContractCase, ctx: RunContext): Promise<CaseResult> {
  return runContract(c.contract, c.values, ctx, c.identity);
}

function runScenarioCase(s: PlannedSuite, c: ScenarioCase, ctx: RunContext): Promise<CaseResult> {
  return runScenario(c.scenario, { ...ctx, resolveCall: s.resolveCall, valuesOf: s.valuesOf, variables: s.variables, file: s.suite.file, lenient: s.lenient });
}

/** Run `work` over `items` with at most `width` at once, in order of start. */
async function pool<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, width), items.length) }, worker));
}

function startEmbeddedMock(s: PlannedSuite): Promise<MockServer> {
  return startMock({
    contracts: s.contracts,
    host: '127.0.0.1',
    port: 0,
    checkConfig: s.config,
    responses: (s.suite.mock.responses ?? []) as MockResponse[],
    echo: (s.suite.mock.echo ?? []) as EchoRule[],
    // The fields the contracts' packs bind (credentials) must carry what the runner sends for them.
    credentials: s.boundOf,
    // Its one client is the run's transport, which lets idle connections go after 10 s: the mock keeps them longer.
    keepAliveTimeoutMs: 600_000,
  });
}

/** Endpoint, profile and versions of the run (one value, or each suite's as `suite: value` joined). */
function environmentOf(suites: PlannedSuite[], opts: RunOptions, redactor: Redactor, extra: Record<string, string> = {}): Record<string, string> {
  const perSuite = (f: (s: PlannedSuite) => string): string => {
    const values = suites.map(f);
    return new Set(values).size <= 1 ? (values[0] ?? '') : suites.map((s, i) => `${s.suite.name}: ${values[i]}`).join('; ');
  };
  const versions = [...new Set(suites.flatMap((s) => s.contracts.map((c) => c.version)))].sort();
  return {
    ...extra,
    endpoint: perSuite((s) => (s.endpoint ? redactor.redactUrl(s.endpoint) : 'embedded mock')),
    profile: perSuite((s) => s.config.profile),
    versions: versions.join(', '),
    suites: suites.map((s) => s.suite.name).join(', '),
    ...(suites.some((s) => s.namespaceMap) ? { 'namespace-map': perSuite((s) => Object.entries(s.namespaceMap ?? {}).map(([from, to]) => `${from} → ${to}`).join(', ') || 'none') } : {}),
    concurrency: String(opts.concurrency),
    ...(opts.shard ? { shard: `${opts.shard.index}/${opts.shard.count}` } : {}),
  };
}
