/**
 * RuleTester (ESLint-style) for soapcheck rules: a table of valid and invalid messages per rule.
 * A valid case must produce no finding of ANY rule (a rule that starts flagging conformant messages
 * fails every table); a valid case that shows what belongs to another rule names it in
 * `reportedBy`, and then exactly those other rules must report (never the rule under test); an
 * invalid case must produce exactly the listed findings of the rule under test (rule id, and
 * path/line/severity when given).
 */
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/contract/model.ts';
import { checkMessage, compileContract, type Finding, type HttpFacts, type Profile, type RuleSetting } from '../../../src/checks/index.ts';

export interface Case {
  name?: string;
  /** The message: text, or bytes (a byte order mark, another encoding). */
  code: string | Uint8Array;
  contract: Contract;
  direction?: 'request' | 'response';
  http?: HttpFacts;
  profile?: Profile;
  rules?: Record<string, RuleSetting>;
  /** Valid cases only: the other rules that must report this message (it is theirs, not this rule's). Default none. */
  reportedBy?: string[];
}

export interface InvalidCase extends Case {
  errors: Array<{ path?: string; line?: number; severity?: 'error' | 'warn'; message?: RegExp; actual?: RegExp }>;
}

export function findingsOf(ruleId: string, c: Case): Finding[] {
  const plan = compileContract(c.contract);
  const out = checkMessage(plan, { direction: c.direction ?? 'response', body: c.code, http: c.http }, { profile: c.profile ?? 'strict', rules: c.rules });
  return out.findings.filter((f) => f.rule === ruleId);
}

/** Every finding of every rule on the case's message. */
export function allFindingsOf(c: Case): Finding[] {
  const plan = compileContract(c.contract);
  return checkMessage(plan, { direction: c.direction ?? 'response', body: c.code, http: c.http }, { profile: c.profile ?? 'strict', rules: c.rules }).findings;
}

export function ruleTester(ruleId: string, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(ruleId, () => {
    describe('valid', () => {
      cases.valid.forEach((c, i) => {
        it(c.name ?? `valid #${i + 1}`, () => {
          const all = allFindingsOf(c);
          expect(all.filter((f) => f.rule === ruleId)).toEqual([]);
          expect([...new Set(all.map((f) => f.rule))].sort(), JSON.stringify(all, null, 1)).toEqual([...(c.reportedBy ?? [])].sort());
        });
      });
    });
    describe('invalid', () => {
      cases.invalid.forEach((c, i) => {
        it(c.name ?? `invalid #${i + 1}`, () => {
          const got = findingsOf(ruleId, c);
          expect(got.length, JSON.stringify(got, null, 1)).toBe(c.errors.length);
          c.errors.forEach((e, j) => {
            const g = got[j]!;
            expect(g.rule).toBe(ruleId);
            expect(g.message.length).toBeGreaterThan(0);
            // Every finding says what was expected and what came.
            expect(g.expected, `${ruleId}: expected`).toBeTypeOf('string');
            expect(g.actual, `${ruleId}: actual`).toBeTypeOf('string');
            if (e.path !== undefined) expect(g.path).toBe(e.path);
            if (e.line !== undefined) expect(g.line).toBe(e.line);
            expect(g.severity).toBe(e.severity ?? 'error');
            if (e.message) expect(g.message).toMatch(e.message);
            if (e.actual) expect(g.actual).toMatch(e.actual);
          });
        });
      });
    });
  });
}
