/**
 * Scenarios: ordered steps that call operations with values, capture values from responses by
 * XPath, and assert on them (equals, matches, exists, count). The first step that does not pass
 * ends the scenario; later steps are reported as skipped.
 */
import type { Contract } from '../contract/model.ts';
import { evaluateXPath } from '../xml/xpath.ts';
import { SOAP11_ENV_NS, SOAP12_ENV_NS } from '../xml/qname.ts';
import { scenarioCaseIdentity, type CaseResult, type CaseStatus, type StepResult } from './result.ts';
import type { Assertion, Scenario, Step, ValueMap } from './suite.ts';
import type { Variables } from './variables.ts';
import { check, send, statusOf, type RunContext } from './exchange.ts';
import { operationKey } from './values.ts';
import { judgeExpectation } from './expect.ts';
import { boundedTest } from './bounded-regexp.ts';

export interface ScenarioContext extends RunContext {
  /** Finds the contract a step calls (`Service/Operation` or `Version/Service/Operation`). */
  resolveCall(call: string): Contract;
  /** The suite's values for a contract (from contract examples and the suite's `values`), variables substituted. */
  valuesOf(c: Contract): ValueMap;
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
    ...scenarioCaseIdentity(ctx.suite, s.name),
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
    values = { ...ctx.valuesOf(contract), ...substituteStep(step.values, ctx, captured, `${where}.values`) };
  } catch (e) {
    return { ...base, status: 'error', error: e instanceof Error ? e.message : String(e) };
  }
  const sent = await send(contract, values, ctx);
  base.exchange = sent.exchange;
  if (sent.error || !sent.response) return { ...base, status: 'error', error: sent.error ?? 'no response' };
  const res = sent.response;
  if (step.check) base.findings = check(contract, res, ctx.config, sent.exchange.request.url);
  let status = statusOf(base.findings);
  // XPaths read the bytes the checks parsed (declared encoding honoured), not the text shown in reports.
  const body = res.bytes ?? res.body;
  if (step.expect) {
    const judged = judgeExpectation(step.expect, res.body, res.status, base.findings);
    base.findings = judged.findings;
    base.messages.push(...judged.messages);
    status = judged.ok ? statusOf(judged.findings) : 'failed';
  }
  const ns = xpathNamespaces(contract, s);
  for (const [name, cap] of Object.entries(step.capture)) {
    let xpath: string;
    try {
      xpath = substituteWith(cap.xpath, ctx, captured, `scenarios.${s.name}.steps[${index}].capture.${name}`);
    } catch (e) {
      base.messages.push(`FAILED capture ${name}: ${(e as Error).message}`);
      status = 'failed';
      continue;
    }
    const r = evaluateXPath(body, `string(${xpath})`, ns);
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
    const msg = assertOne(body, a, ns, ctx, captured, `scenarios.${s.name}.steps[${index}].assert`);
    base.messages.push(msg.text);
    if (!msg.ok) status = 'failed';
  }
  return { ...base, status };
}

/** Prefixes bound in a step's XPath: the called contract's, `soap`, then the scenario's (which win). */
export function xpathNamespaces(contract: Contract, s: Scenario): Record<string, string> {
  return { ...contract.namespaces, soap: contract.soapVersion === '1.1' ? SOAP11_ENV_NS : SOAP12_ENV_NS, ...s.namespaces };
}

/**
 * XPath problems of a step found before anything is sent: a syntax error or an unbound prefix in a
 * capture or assertion (one without `${…}`, which is only known at run time). Each as `capture NAME: …`.
 */
export function stepXPathProblems(step: Step, contract: Contract, s: Scenario): string[] {
  const ns = xpathNamespaces(contract, s);
  const out: string[] = [];
  const probe = (label: string, xpath: string, wrap: string) => {
    if (xpath.includes('${')) return;
    const r = evaluateXPath('<probe/>', `${wrap}(${xpath})`, ns);
    if (!r.ok) out.push(`${label}: ${r.message}`);
  };
  for (const [name, cap] of Object.entries(step.capture)) probe(`capture ${name}`, cap.xpath, 'string');
  for (const a of step.assert) probe(`assert ${a.xpath}`, a.xpath, a.count !== undefined ? 'count' : a.exists !== undefined ? 'boolean' : 'string');
  return out;
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

function assertOne(body: string | Uint8Array, given: Assertion, ns: Record<string, string>, ctx: ScenarioContext, captured: Map<string, string>, key: string): { ok: boolean; text: string } {
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
    const m = boundedTest(new RegExp(a.matches), actual);
    if (!m.ok) return { ok: false, text: `FAILED ${label('matches')} /${a.matches}/: ${m.message}` };
    return m.matched ? { ok: true, text: `ok ${label('matches')} /${a.matches}/` } : { ok: false, text: `FAILED ${label('matches')} /${a.matches}/: got ${JSON.stringify(actual)}` };
  }
  return { ok: false, text: `FAILED ${a.xpath}: assertion has no equals, matches, exists or count` };
}
