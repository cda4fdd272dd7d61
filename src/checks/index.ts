/**
 * Public API of the checks:
 *   const compiled = compileContract(contract);           // once per contract (cached by object)
 *   const { findings, doc } = checkMessage(compiled, { direction: 'response', body, http }, config);
 */
import type { CheckConfig, MessageInput } from './api.ts';
import { RULE_LIST } from './catalogue.ts';
import { needsNative, runChecks, type CheckOutcome } from './engine.ts';
import type { ParseResult } from '../xml/parse.ts';
import type { CompiledContract } from './compiled.ts';

export { compileContract } from './compiled.ts';
export type { CompiledContract, CompiledElement, CompiledMessage } from './compiled.ts';
export type { CheckOutcome } from './engine.ts';
export { parseLimitsOf } from './engine.ts';
export { RULES, RULE_LIST } from './catalogue.ts';
export type { Rule } from './rule.ts';
export type { CheckConfig, Finding, MessageInput, HttpFacts, Profile, RuleSetting, Severity } from './api.ts';
export { parseRuleOption, makeConfig, ConfigError } from './config.ts';

const STRICT: CheckConfig = Object.freeze({ profile: 'strict' });

/**
 * Check one message against a compiled contract. Never throws for bad input. `parsed`: the message already
 * parsed with `parseLimitsOf(config)` (and `keepNative` where `messageNeedsNative` says so), e.g. to route it
 * first; it is then not parsed again, and the caller disposes its native document.
 */
export function checkMessage(compiled: CompiledContract, input: MessageInput, config: CheckConfig = STRICT, parsed?: ParseResult): CheckOutcome {
  return runChecks(RULE_LIST, compiled, input, config, parsed);
}

/** Does checking a message of this compiled contract under this configuration use the engine's own document (`keepNative`)? */
export function messageNeedsNative(compiled: CompiledContract, config: CheckConfig): boolean {
  return needsNative(RULE_LIST, compiled, config);
}

/** True when any finding is an error (what makes `verify` and the runner fail). */
export function hasErrors(outcome: { findings: readonly { severity: string }[] }): boolean {
  return outcome.findings.some((f) => f.severity === 'error');
}
