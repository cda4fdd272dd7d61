/**
 * The runner core: replay a contract (build, send, check) into a CaseResult (the engine, engine.ts,
 * keeps a bounded number in flight and streams each result). Everything in a CaseResult is redacted (secret values, secret elements, credential headers).
 * Scenarios are in scenario.ts; the exchange itself in exchange.ts.
 */
import type { Contract } from '../contract/model.ts';
import type { Finding } from '../checks/api.ts';
import { contractCaseIdentity, type CaseIdentity, type CaseResult, type CaseStatus } from './result.ts';
import type { ValueMap } from './suite.ts';
import { check, send, statusOf, type RunContext } from './exchange.ts';

export { endpointUrl, valuesFor } from './values.ts';
export type { RunContext } from './exchange.ts';
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

