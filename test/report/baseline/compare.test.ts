/**
 * The baseline comparison, one situation per row: what counts as a case newly failing or passing, a new or
 * gone finding, and what is a regression. Baselines are built from summary.json documents.
 */
import { describe, expect, it } from 'vitest';
import { BaselineComparer, type Comparison } from '../../../src/report/baseline/compare.ts';
import { parseBaseline } from '../../../src/report/baseline/read-baseline.ts';
import type { Finding } from '../../../src/checks/api.ts';
import type { CaseResult, CaseStatus } from '../../../src/run/result.ts';
import { contractCase, finding } from '../synthetic.ts';

const at = (path: string, over: Partial<Finding> = {}) => finding('field/missing', { path, ...over });

/** A baseline of one case `demo/Svc/Services88/Op1` with this status and findings. */
function baselineOf(status: CaseStatus | null, findings: Finding[] = []) {
  const cases = status === null ? [] : [{ id: 'demo/Svc/Services88/Op1', name: 'Services88/Svc/Op1', status, findings }];
  return parseBaseline({ schemaVersion: 1, tool: { name: 'soapcheck', version: '0.1.0' }, startedAt: '2026-01-01T00:00:00.000Z', cases }, 'base.json');
}

function compare(base: ReturnType<typeof baselineOf>, now: CaseResult | null, known?: (rule: string) => boolean): Comparison {
  const c = new BaselineComparer(base, known ? { known: { accepts: (fp) => known(fp.rule) } } : {});
  if (now) c.add(now);
  return c.finish();
}

const counts = (c: Comparison) => ({
  newlyFailing: c.newlyFailing.length,
  newlyPassing: c.newlyPassing.length,
  newCases: c.newCases.length,
  absentCases: c.absentCases.length,
  newFindings: c.newFindings.reduce((n, f) => n + f.count, 0),
  goneFindings: c.goneFindings.reduce((n, f) => n + f.count, 0),
  regression: c.regression,
});
const none = { newlyFailing: 0, newlyPassing: 0, newCases: 0, absentCases: 0, newFindings: 0, goneFindings: 0, regression: false };

describe('BaselineComparer', () => {
  const P = '/Envelope/Body/OpResponse/Item';
  it.each<[string, ReturnType<typeof baselineOf>, CaseResult | null, Partial<typeof none>]>([
    ['the same passing case', baselineOf('passed'), contractCase(1, 'passed'), {}],
    ['the same finding with another message, expected and actual', baselineOf('failed', [at(P, { message: 'old words', actual: 'x' })]), contractCase(1, 'failed', [at(P, { message: 'new words', actual: 'y' })]), {}],
    ['the same finding on a repeated element that moved (Item[2] → Item[3])', baselineOf('failed', [at(`${P}[2]/Name`)]), contractCase(1, 'failed', [at(`${P}[3]/Name`)]), {}],
    ['one more finding with a fingerprint the baseline has once', baselineOf('failed', [at(`${P}[1]`)]), contractCase(1, 'failed', [at(`${P}[1]`), at(`${P}[2]`)]), { newFindings: 1, regression: true }],
    ['a passing case that fails now', baselineOf('passed'), contractCase(1, 'failed', [at(P)]), { newlyFailing: 1, newFindings: 1, regression: true }],
    ['a passing case that cannot be checked now', baselineOf('passed'), contractCase(1, 'error', [], 'timed out'), { newlyFailing: 1, regression: true }],
    ['a failing case that passes now', baselineOf('failed', [at(P)]), contractCase(1, 'passed'), { newlyPassing: 1, goneFindings: 1 }],
    ['a failing case that cannot be checked now (its findings are unknown, not gone)', baselineOf('failed', [at(P)]), contractCase(1, 'error', [], 'reset'), {}],
    ['a case the baseline could not check that fails now (nothing vouches for its findings)', baselineOf('error'), contractCase(1, 'failed', [at(P)]), { newFindings: 1, regression: true }],
    ['a finding on another rule at the same path', baselineOf('failed', [at(P)]), contractCase(1, 'failed', [finding('value/lexical', { path: P })]), { newFindings: 1, goneFindings: 1, regression: true }],
    ['a new warning (listed, no regression)', baselineOf('passed'), contractCase(1, 'passed', [at(P, { severity: 'warn' })]), { newFindings: 1 }],
    ['a case not in the baseline that fails', baselineOf(null), contractCase(1, 'failed', [at(P)]), { newCases: 1, newFindings: 1, regression: true }],
    ['a case not in the baseline that passes', baselineOf(null), contractCase(1, 'passed'), { newCases: 1 }],
    ['a case skipped in the baseline that passes now', baselineOf('skipped'), contractCase(1, 'passed'), { newCases: 1 }],
    ['a baseline case this run left out', baselineOf('failed', [at(P)]), null, { absentCases: 1 }],
    ['a baseline case this run skipped', baselineOf('passed'), contractCase(1, 'skipped'), { absentCases: 1 }],
    ['a case skipped in both', baselineOf('skipped'), contractCase(1, 'skipped'), {}],
  ])('%s', (_what, base, now, expected) => {
    expect(counts(compare(base, now))).toEqual({ ...none, ...expected });
  });

  it('a new error finding the known-failures file accepts is marked known and is no regression', () => {
    const c = compare(baselineOf('failed', [at('/a')]), contractCase(1, 'failed', [at('/a'), finding('value/lexical', { path: '/b' })]), (rule) => rule === 'value/lexical');
    expect(c.newFindings).toEqual([expect.objectContaining({ rule: 'value/lexical', path: '/b', known: true })]);
    expect(c.regression).toBe(false);
  });

  it('a finding of a scenario step is fingerprinted with the step name', () => {
    const scenario = (step: string): CaseResult => ({
      id: 'demo/scenario/s',
      name: 'scenario: s',
      kind: 'scenario',
      status: 'failed',
      findings: [],
      durationMs: 1,
      steps: [{ name: step, status: 'failed', findings: [at('/a')], messages: [] }],
    });
    const base = parseBaseline(
      { schemaVersion: 1, tool: { name: 'soapcheck' }, cases: [{ id: 'demo/scenario/s', name: 'scenario: s', status: 'failed', findings: [], steps: [{ name: 'log in', findings: [at('/a')] }] }] },
      'b.json',
    );
    const same = new BaselineComparer(base);
    same.add(scenario('log in'));
    expect(same.finish().newFindings).toEqual([]);
    const other = new BaselineComparer(base);
    other.add(scenario('log out'));
    expect(other.finish().newFindings).toEqual([expect.objectContaining({ step: 'log out', rule: 'field/missing' })]);
  });
});
