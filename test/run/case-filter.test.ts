import { describe, expect, it } from 'vitest';
import { caseFilter } from '../../src/run/case-filter.ts';

describe('caseFilter: the -t pattern, bounded in time', () => {
  const names = ['Widgets GetWidget', 'Widgets PutWidget', 'Gadgets round trip'];

  it('keeps the names the pattern matches, and only those', () => {
    const r = caseFilter(/Widget$/, names);
    expect(r.ok && r.matched).toBe(2);
    if (!r.ok) return;
    expect(names.filter((n) => r.filter.test(n))).toEqual(['Widgets GetWidget', 'Widgets PutWidget']);
    expect(r.filter.test('Widgets Elsewhere Widget')).toBe(false); // not a case of this run
  });

  it('a pattern that backtracks on a case name is stopped and named, not a hang', () => {
    const started = performance.now();
    const r = caseFilter(/^(a+)+$/, ['Suite ok', 'a'.repeat(40) + '!'], 100);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/^on the case name "a{40}!": the pattern ran longer than 100 ms/) });
  });
});
