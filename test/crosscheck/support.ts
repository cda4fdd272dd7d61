/**
 * CrossTester (ESLint RuleTester style) for the crosscheck's checks: a table of docs/WSDL contract
 * pairs per check. A valid case gives no disagreement of the check under test; an invalid case
 * exactly the listed ones, with what each side says.
 */
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../src/contract/model.ts';
import { crosscheckContracts } from '../../src/crosscheck/crosscheck.ts';
import { CROSS_CHECKS } from '../../src/crosscheck/registry.ts';
import type { Disagreement } from '../../src/crosscheck/model.ts';

export interface CrossCase {
  name?: string;
  docs: Contract | Contract[];
  wsdl: Contract | Contract[];
}

export interface InvalidCrossCase extends CrossCase {
  found: Array<{ docs: string | RegExp; wsdl: string | RegExp; path?: string; operation?: string; type?: string; operations?: string[] }>;
}

const list = (c: Contract | Contract[]): Contract[] => (Array.isArray(c) ? c : [c]);

export function disagreementsOf(id: string, c: CrossCase): Disagreement[] {
  return crosscheckContracts(list(c.docs), list(c.wsdl)).disagreements.filter((d) => d.id === id);
}

const match = (got: string, want: string | RegExp): void => {
  if (typeof want === 'string') expect(got).toBe(want);
  else expect(got).toMatch(want);
};

export function crossTester(id: string, cases: { valid: CrossCase[]; invalid: InvalidCrossCase[] }): void {
  describe(id, () => {
    it('is a registered check', () => {
      expect(CROSS_CHECKS.has(id), `no check ${id} in src/crosscheck/registry.ts`).toBe(true);
    });
    cases.valid.forEach((c, i) => {
      it(`valid: ${c.name ?? `#${i + 1}`}`, () => {
        expect(disagreementsOf(id, c)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid: ${c.name ?? `#${i + 1}`}`, () => {
        const got = disagreementsOf(id, c);
        expect(got.length, JSON.stringify(got, null, 1)).toBe(c.found.length);
        c.found.forEach((want, j) => {
          const g = got[j]!;
          match(g.docs, want.docs);
          match(g.wsdl, want.wsdl);
          if (want.path !== undefined) expect(g.path).toBe(want.path);
          if (want.operation !== undefined) expect(g.operation).toBe(want.operation);
          if (want.type !== undefined) expect(g.type).toBe(want.type);
          if (want.operations !== undefined) expect(g.operations).toEqual(want.operations);
        });
      });
    });
  });
}
