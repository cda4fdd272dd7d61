/**
 * The runner core: build a contract's request, send it, check the response, make a CaseResult.
 *
 * - Requests are built from the contract (suite values > contract examples) in the contract's
 *   SOAP version, sent to `new URL(contract.endpoint, base)` with the right content type and action.
 * - Responses are checked with the chosen profile; transport failures become results with
 *   status `error` and a clear message; the run goes on.
 * - Everything in a CaseResult is redacted (secret values, secret elements, credential headers).
 * - `runContracts` keeps at most `concurrency` requests in flight and hands each result to a
 *   callback as soon as it is ready; it holds none of them.
 */
import type { Contract, Field } from '../contract/model.ts';
import type { CheckConfig, Finding } from '../checks/api.ts';
import { compileContract, checkMessage } from '../checks/index.ts';
import { buildMessage } from '../soap/build.ts';
import { contentTypeFor } from '../soap/versions.ts';
import { evaluateXPath } from '../xml/xpath.ts';
import { SOAP11_ENV_NS, SOAP12_ENV_NS } from '../xml/qname.ts';
import type { Redactor } from '../report/redact.ts';
import type { CaseResult, CaseStatus, ExchangeRecord, StepResult } from './result.ts';
import { TransportError, type HttpResponse, type Transport } from './transport.ts';
import type { Assertion, Scenario, Step, ValueMap } from './suite.ts';
import { Variables, VariableError } from './variables.ts';

export interface RunContext {
  /** Base URL every contract endpoint is resolved against. */
  endpoint: string;
  transport: Transport;
  config: CheckConfig;
  redactor: Redactor;
  /** Suite name, for ids. */
  suite?: string;
}

/** `Version/Service/Operation` — the unique key of a contract. */
export function operationKey(c: Pick<Contract, 'version' | 'service' | 'operation'>): string {
  return `${c.version}/${c.service}/${c.operation}`;
}

/** Resolve a contract endpoint path against the base URL (a base without a trailing `/` is treated as a folder). */
export function endpointUrl(base: string, path: string): string {
  const b = new URL(base);
  if (!b.pathname.endsWith('/')) b.pathname += '/';
  return new URL(path.replace(/^\/+/, ''), b).toString();
}

/** Values for one contract from a suite's `values` map: `*` < `Service/Operation` < `Version/Service/Operation`. */
export function valuesFor(c: Contract, byOperation: Readonly<Record<string, ValueMap>>): ValueMap {
  return {
    ...(byOperation['*'] ?? {}),
    ...(byOperation[`${c.service}/${c.operation}`] ?? {}),
    ...(byOperation[operationKey(c)] ?? {}),
  };
}

/**
 * Substitute `${NAME}` in values. With `lenient` (the embedded mock), a value whose variable has
 * no value is dropped, so the contract's example is used; otherwise it is an input error.
 */
export function resolveValues(values: ValueMap, vars: Variables, file: string, key: string, lenient: boolean): ValueMap {
  const out: ValueMap = {};
  for (const [k, v] of Object.entries(values)) {
    try {
      out[k] = vars.substitute(v, file, `${key}.${k}`);
    } catch (e) {
      if (lenient && e instanceof VariableError) continue;
      throw e;
    }
  }
  return out;
}

// --- secrets of a contract ----------------------------------------------------------------

const secretNameCache = new WeakMap<Contract, string[]>();

/** Local names of every field marked `secret: true` in the contract (request, response, named types). */
export function secretLocalNames(c: Contract): string[] {
  const cached = secretNameCache.get(c);
  if (cached) return cached;
  const names = new Set<string>();
  const visit = (fields: readonly Field[] | undefined) => {
    for (const f of fields ?? []) {
      if (f.secret) names.add(f.name.local);
      visit(f.fields);
    }
  };
  for (const m of [c.request, c.response]) {
    visit(m.headers);
    visit([m.body]);
  }
  for (const t of c.types.values()) if (t.kind === 'complex') visit(t.fields);
  const out = [...names];
  secretNameCache.set(c, out);
  return out;
}

const namesRegistered = new WeakMap<Redactor, WeakSet<Contract>>();

/**
 * Register the contract's secret field names with the redactor (once per contract), so that their
 * content is masked in every message, and every value given for such a field as a secret value.
 */
function registerSecrets(c: Contract, values: ValueMap, redactor: Redactor): void {
  let done = namesRegistered.get(redactor);
  if (!done) namesRegistered.set(redactor, (done = new WeakSet()));
  if (!done.has(c)) {
    for (const n of secretLocalNames(c)) redactor.addSecretName(n);
    done.add(c);
  }
  for (const [path, v] of Object.entries(values)) {
    if (redactor.isSecretName(path.slice(path.lastIndexOf('.') + 1))) redactor.addSecret(v);
  }
}

const lastBuilt = new WeakMap<Contract, { key: string; body: string }>();

/** The request body; the last one built per contract is reused when the values are the same (building is deterministic). */
function requestBody(c: Contract, values: ValueMap): string {
  const key = JSON.stringify(values);
  const hit = lastBuilt.get(c);
  if (hit && hit.key === key) return hit.body;
  const body = buildMessage(c, 'request', { values });
  lastBuilt.set(c, { key, body });
  return body;
}

// --- one exchange --------------------------------------------------------------------------

interface Sent {
  /** Raw (unredacted) response, when one came. */
  response?: HttpResponse;
  /** Redacted record for reports. */
  exchange: ExchangeRecord;
  error?: string;
}

function requestHeaders(c: Contract): Record<string, string> {
  const h: Record<string, string> = { 'content-type': contentTypeFor(c.soapVersion, c.action), accept: c.soapVersion === '1.1' ? 'text/xml' : 'application/soap+xml' };
  if (c.soapVersion === '1.1') h['soapaction'] = `"${c.action}"`;
  return h;
}

async function send(c: Contract, values: ValueMap, ctx: RunContext): Promise<Sent> {
  registerSecrets(c, values, ctx.redactor);
  const url = endpointUrl(ctx.endpoint, c.endpoint);
  const headers = requestHeaders(c);
  let body: string;
  try {
    body = requestBody(c, values);
  } catch (e) {
    const error = `could not build the request: ${e instanceof Error ? e.message : String(e)}`;
    return { exchange: { request: { method: 'POST', url: ctx.redactor.redactUrl(url), headers, body: '' }, durationMs: 0 }, error: ctx.redactor.redact(error) };
  }
  const request = { method: 'POST', url: ctx.redactor.redactUrl(url), headers: ctx.redactor.redactHeaders(headers), body: ctx.redactor.redactXml(body) };
  try {
    const response = await ctx.transport.send({ url, method: 'POST', headers, body });
    return {
      response,
      exchange: {
        request,
        response: { status: response.status, headers: ctx.redactor.redactHeaders(response.headers), body: ctx.redactor.redactXml(response.body) },
        durationMs: response.durationMs,
      },
    };
  } catch (e) {
    const te = e instanceof TransportError ? e : new TransportError('other', String(e), url);
    return { exchange: { request, durationMs: te.durationMs }, error: ctx.redactor.redact(te.message) };
  }
}

function check(c: Contract, res: HttpResponse, config: CheckConfig): Finding[] {
  return checkMessage(compileContract(c), { direction: 'response', body: res.body, http: { status: res.status, headers: res.headers } }, config).findings;
}

function statusOf(findings: readonly Finding[]): CaseStatus {
  return findings.some((f) => f.severity === 'error') ? 'failed' : 'passed';
}

/** The exchange is redacted as it is recorded; what else can carry message text is the findings and the error. */
function redactResult(r: CaseResult, redactor: Redactor): CaseResult {
  return { ...r, findings: redactor.redactDeep(r.findings), ...(r.error ? { error: redactor.redact(r.error) } : {}) };
}

// --- a contract case --------------------------------------------------------------------------

/** Replay one contract. Never throws for endpoint trouble: that is a result with status `error`. */
export async function runContract(c: Contract, values: ValueMap, ctx: RunContext): Promise<CaseResult> {
  const started = performance.now();
  const sent = await send(c, values, ctx);
  let findings: Finding[] = [];
  let status: CaseStatus;
  if (sent.error || !sent.response) status = 'error';
  else {
    findings = check(c, sent.response, ctx.config);
    status = statusOf(findings);
  }
  const suite = ctx.suite ?? 'run';
  const result: CaseResult = {
    id: `${suite}/${c.service}/${c.version}/${c.operation}`,
    name: `${c.version}/${c.service}/${c.operation}`,
    kind: 'contract',
    suite: ctx.suite,
    contract: { file: c.file, service: c.service, version: c.version, operation: c.operation },
    status,
    findings,
    ...(sent.error ? { error: sent.error } : {}),
    durationMs: Math.round(performance.now() - started),
    exchange: sent.exchange,
  };
  return redactResult(result, ctx.redactor);
}

/**
 * Replay many contracts with at most `concurrency` in flight; each result goes to `onResult` as
 * soon as it is ready (in completion order). Holds no results.
 */
export async function runContracts(
  items: Iterable<{ contract: Contract; values: ValueMap }>,
  ctx: RunContext,
  concurrency: number,
  onResult: (r: CaseResult) => void | Promise<void>,
): Promise<void> {
  const it = items[Symbol.iterator]();
  const worker = async () => {
    for (let n = it.next(); !n.done; n = it.next()) {
      await onResult(await runContract(n.value.contract, n.value.values, ctx));
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
}

// --- a scenario ---------------------------------------------------------------------------------

export interface ScenarioContext extends RunContext {
  /** Finds the contract a step calls (`Service/Operation` or `Version/Service/Operation`). */
  resolveCall(call: string): Contract;
  /** Suite-level values per operation key, variables already substituted. */
  values: Readonly<Record<string, ValueMap>>;
  variables: Variables;
  /** Suite file, for messages. */
  file: string;
  /** Drop values whose variable has no value (embedded mock) instead of failing. */
  lenient: boolean;
}

/** Run a scenario's steps in order; the first step that does not pass ends it (the rest are skipped). */
export async function runScenario(s: Scenario, ctx: ScenarioContext): Promise<CaseResult> {
  const started = performance.now();
  const captured = new Map<string, string>();
  const steps: StepResult[] = [];
  let stopped = false;
  for (const [i, step] of s.steps.entries()) {
    if (stopped) {
      steps.push({ name: step.name, operation: step.call, status: 'skipped', findings: [], messages: ['skipped: an earlier step did not pass'] });
      continue;
    }
    const r = await runStep(s, i, step, ctx, captured);
    steps.push(r);
    if (r.status !== 'passed') stopped = true;
  }
  const status: CaseStatus = steps.some((x) => x.status === 'error') ? 'error' : steps.some((x) => x.status === 'failed') ? 'failed' : 'passed';
  const failing = steps.find((x) => x.status === 'error' || x.status === 'failed');
  const result: CaseResult = {
    id: `${ctx.suite ?? 'run'}/scenario/${s.name}`,
    name: `scenario: ${s.name}`,
    kind: 'scenario',
    suite: ctx.suite,
    status,
    findings: steps.flatMap((x) => x.findings),
    ...(failing && (failing.error || failing.messages.length) ? { error: `step "${failing.name}": ${failing.error ?? failing.messages.filter((m) => m.startsWith('FAILED')).join('; ')}` } : {}),
    durationMs: Math.round(performance.now() - started),
    steps,
  };
  return ctx.redactor.redactDeep(result);
}

async function runStep(s: Scenario, index: number, step: Step, ctx: ScenarioContext, captured: Map<string, string>): Promise<StepResult> {
  const base: StepResult = { name: step.name, operation: step.call, status: 'passed', findings: [], messages: [] };
  let contract: Contract;
  let values: ValueMap;
  try {
    contract = ctx.resolveCall(step.call);
    base.operation = operationKey(contract);
    const where = `scenarios.${s.name}.steps[${index}]`;
    values = { ...valuesFor(contract, ctx.values), ...substituteStep(step.values, ctx, captured, `${where}.values`) };
  } catch (e) {
    return { ...base, status: 'error', error: e instanceof Error ? e.message : String(e) };
  }
  const sent = await send(contract, values, ctx);
  base.exchange = sent.exchange;
  if (sent.error || !sent.response) return { ...base, status: 'error', error: sent.error ?? 'no response' };
  const res = sent.response;
  if (step.check) base.findings = check(contract, res, ctx.config);
  let status = statusOf(base.findings);
  const ns = { ...contract.namespaces, soap: contract.soapVersion === '1.1' ? SOAP11_ENV_NS : SOAP12_ENV_NS, ...s.namespaces };
  for (const [name, cap] of Object.entries(step.capture)) {
    let xpath: string;
    try {
      xpath = substituteWith(cap.xpath, ctx, captured, `scenarios.${s.name}.steps[${index}].capture.${name}`);
    } catch (e) {
      base.messages.push(`FAILED capture ${name}: ${(e as Error).message}`);
      status = 'failed';
      continue;
    }
    const r = evaluateXPath(res.body, `string(${xpath})`, ns);
    if (!r.ok) {
      base.messages.push(`FAILED capture ${name}: ${r.message}`);
      status = 'failed';
      continue;
    }
    const v = String(r.value);
    if (cap.secret) ctx.redactor.addSecret(v);
    captured.set(name, v);
    base.messages.push(`captured ${name} = ${cap.secret ? '***' : JSON.stringify(v)}`);
  }
  for (const a of step.assert) {
    const msg = assertOne(res.body, a, ns, ctx, captured, `scenarios.${s.name}.steps[${index}].assert`);
    base.messages.push(msg.text);
    if (!msg.ok) status = 'failed';
  }
  return { ...base, status };
}

function substituteStep(values: ValueMap, ctx: ScenarioContext, captured: Map<string, string>, key: string): ValueMap {
  const out: ValueMap = {};
  for (const [k, v] of Object.entries(values)) out[k] = substituteWith(v, ctx, captured, `${key}.${k}`);
  return out;
}

/** Captured values first, then the run's variables. */
function substituteWith(text: string, ctx: ScenarioContext, captured: Map<string, string>, key: string): string {
  return ctx.variables.substitute(text, ctx.file, key, captured);
}

function assertOne(body: string, given: Assertion, ns: Record<string, string>, ctx: ScenarioContext, captured: Map<string, string>, key: string): { ok: boolean; text: string } {
  let a: Assertion;
  try {
    a = { ...given, xpath: substituteWith(given.xpath, ctx, captured, `${key}.xpath`) };
  } catch (e) {
    return { ok: false, text: `FAILED ${given.xpath}: ${(e as Error).message}` };
  }
  const label = (what: string) => `${what} ${a.xpath}`;
  if (a.count !== undefined) {
    const r = evaluateXPath(body, `count(${a.xpath})`, ns);
    if (!r.ok) return { ok: false, text: `FAILED ${label('count')}: ${r.message}` };
    const n = Number(r.value);
    return n === a.count ? { ok: true, text: `ok ${label('count')} = ${n}` } : { ok: false, text: `FAILED ${label('count')}: expected ${a.count}, got ${n}` };
  }
  if (a.exists !== undefined) {
    const r = evaluateXPath(body, `boolean(${a.xpath})`, ns);
    if (!r.ok) return { ok: false, text: `FAILED ${label('exists')}: ${r.message}` };
    const found = r.value === true;
    return found === a.exists
      ? { ok: true, text: `ok ${label(a.exists ? 'exists' : 'absent')}` }
      : { ok: false, text: `FAILED ${label(a.exists ? 'exists' : 'absent')}: ${found ? 'found' : 'nothing matched'}` };
  }
  const r = evaluateXPath(body, `string(${a.xpath})`, ns);
  if (!r.ok) return { ok: false, text: `FAILED ${label('value of')}: ${r.message}` };
  const actual = String(r.value);
  if (a.equals !== undefined) {
    let expected: string;
    try {
      expected = substituteWith(a.equals, ctx, captured, `${key}.equals`);
    } catch (e) {
      return { ok: false, text: `FAILED ${label('equals')}: ${(e as Error).message}` };
    }
    return actual === expected
      ? { ok: true, text: `ok ${label('equals')} ${JSON.stringify(expected)}` }
      : { ok: false, text: `FAILED ${label('equals')}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}` };
  }
  if (a.matches !== undefined) {
    const ok = new RegExp(a.matches).test(actual);
    return ok ? { ok: true, text: `ok ${label('matches')} /${a.matches}/` } : { ok: false, text: `FAILED ${label('matches')} /${a.matches}/: got ${JSON.stringify(actual)}` };
  }
  return { ok: false, text: `FAILED ${a.xpath}: assertion has no equals, matches, exists or count` };
}
