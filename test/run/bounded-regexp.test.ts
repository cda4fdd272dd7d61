import { describe, expect, it } from 'vitest';
import { boundedTest } from '../../src/run/bounded-regexp.ts';

describe('boundedTest: a user pattern over server text cannot hang the run (issue 10)', () => {
  it('answers like RegExp.test for ordinary patterns (flags, look-around, back-references)', () => {
    expect(boundedTest(/^2099-/, '2099-01-01')).toEqual({ ok: true, matched: true });
    expect(boundedTest(/^2099-/, '2024-01-01')).toEqual({ ok: true, matched: false });
    expect(boundedTest(/ABC/i, 'xabcx')).toEqual({ ok: true, matched: true });
    expect(boundedTest(/(?<=a)b(\w)\1/, 'abcc')).toEqual({ ok: true, matched: true });
  });

  it('a global pattern answers the same every time (lastIndex is reset)', () => {
    const g = /a/g;
    expect(boundedTest(g, 'a').ok && boundedTest(g, 'a')).toEqual({ ok: true, matched: true });
  });

  it('a catastrophically backtracking pattern is stopped after the timeout and reported', () => {
    const r = boundedTest(/^(a+)+$/, `${'a'.repeat(64)}!`, 200);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/longer than 200 ms on a value of 65 characters/);
  });
});
