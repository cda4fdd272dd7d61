/**
 * The runner core: replay a contract (build, send, check) into a CaseResult, or many of them with a
 * bounded number in flight, streaming each result to a callback as soon as it is ready and holding
 * none. Everything in a CaseResult is redacted (secret values, secret elements, credential headers).
 * Scenarios are in scenario.ts; the exchange itself in exchange.ts.
 */
import type { Contract } from '../contract/model.ts';
import type { Finding } from '../checks/api.ts';
import { contractCaseIdentity, type CaseIdentity, type CaseResult, type CaseStatus } from './result.ts';
import type { ValueMap } from './suite.ts';
import { check, send, statusOf, type RunContext } from './exchange.ts';

export { operationKey, endpointUrl, valuesFor, resolveValues } from './values.ts';
export { secretLocalNames, type RunContext } from './exchange.ts';
export { runScenario, type ScenarioContext } from './scenario.ts';

/** Replay one contract. Never throws for endpoint trouble: that is a result with status `error`. */
export async function runContract(c: Contract, values: ValueMap, ctx: RunContext, identity: CaseIdentity = identityOf(ctx.suite, c)): Promise<CaseResult> {
  const started = performance.now();
  const sent = await send(c, values, ctx);
  let findings: Finding[] = [];
  let status: CaseStatus;
  if (sent.error || !sent.response) status = 'error';
  else {
    findings = check(c, sent.response, ctx.config, sent.exchange.request.url);
    status = statusOf(findings);
  }
  // What redactResult does, made in one object: the exchange is redacted as it is recorded; the findings and the error here.
  return {
    ...identity,
    status,
    findings: findings.length ? ctx.redactor.redactDeep(findings) : findings,
    ...(sent.error ? { error: ctx.redactor.redact(sent.error) } : {}),
    durationMs: Math.round(performance.now() - started),
    exchange: sent.exchange,
  };
}

const identities = new WeakMap<Contract, { suite: string | undefined; cwd: string; identity: CaseIdentity }>();

/** contractCaseIdentity, made once per contract and suite (and working folder, which its file path is relative to); frozen, since results share it. */
function identityOf(suite: string | undefined, c: Contract): CaseIdentity {
  const cwd = process.cwd();
  const hit = identities.get(c);
  if (hit && hit.suite === suite && hit.cwd === cwd) return hit.identity;
  const made = contractCaseIdentity(suite, c);
  const identity = Object.freeze({ ...made, ...(made.contract ? { contract: Object.freeze(made.contract) } : {}) });
  identities.set(c, { suite, cwd, identity });
  return identity;
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
