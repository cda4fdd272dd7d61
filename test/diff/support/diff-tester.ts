/**
 * DiffTester (ESLint RuleTester style) for the diff's checks: a table of contract pairs per check.
 * A valid case must produce no change of the check under test; an invalid case exactly the listed
 * changes of that check, each at the check's level (or the given one) and with its text.
 */
import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../src/contract/model.ts';
import { diffContracts } from '../../../src/diff/diff.ts';
import { CHECKS } from '../../../src/diff/registry.ts';
import type { Change, Level, LevelSetting } from '../../../src/diff/model.ts';

export interface DiffCase {
  name?: string;
  old: Contract | Contract[];
  new: Contract | Contract[];
  namespaceMap?: Record<string, string>;
  levels?: Record<string, LevelSetting>;
}

export interface InvalidDiffCase extends DiffCase {
  changes: Array<{ message: string | RegExp; path?: string; operation?: string; type?: string; level?: Level }>;
}

const list = (c: Contract | Contract[]): Contract[] => (Array.isArray(c) ? c : [c]);

export function changesOf(id: string, c: DiffCase): Change[] {
  const r = diffContracts(list(c.old), list(c.new), {
    namespaceMap: c.namespaceMap && new Map(Object.entries(c.namespaceMap)),
    levels: c.levels,
  });
  return r.changes.filter((x) => x.id === id);
}

export function diffTester(id: string, cases: { valid: DiffCase[]; invalid: InvalidDiffCase[] }): void {
  const check = CHECKS.get(id);
  describe(id, () => {
    it('is a registered check', () => {
      expect(check, `no check ${id} in src/diff/registry.ts`).toBeDefined();
    });
    cases.valid.forEach((c, i) => {
      it(`valid: ${c.name ?? `#${i + 1}`}`, () => {
        expect(changesOf(id, c)).toEqual([]);
      });
    });
    cases.invalid.forEach((c, i) => {
      it(`invalid: ${c.name ?? `#${i + 1}`}`, () => {
        const got = changesOf(id, c);
        expect(got.length, JSON.stringify(got, null, 1)).toBe(c.changes.length);
        c.changes.forEach((want, j) => {
          const g = got[j]!;
          expect(g.level).toBe(want.level ?? check!.level);
          expect(g.direction).toBe(check!.direction);
          if (typeof want.message === 'string') expect(g.message).toBe(want.message);
          else expect(g.message).toMatch(want.message);
          if (want.path !== undefined) expect(g.path).toBe(want.path);
          if (want.operation !== undefined) expect(g.operation).toBe(want.operation);
          if (want.type !== undefined) expect(g.type).toBe(want.type);
        });
      });
    });
  });
}
