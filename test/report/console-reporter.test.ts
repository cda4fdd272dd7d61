import { describe, expect, it } from 'vitest';
import { ConsoleReporter } from '../../src/report/console-reporter.ts';
import { Redactor } from '../../src/secrets/redact.ts';
import type { CaseResult } from '../../src/run/result.ts';
import { contractCase, finding, runEnd, runStart } from './synthetic.ts';

/** Run `cases` through a ConsoleReporter with a fake clock advancing `msPerCase`; returns the output lines. */
function run(cases: CaseResult[], opts: ConstructorParameters<typeof ConsoleReporter>[0] = {}, msPerCase = 1, runErrors: string[] = []): string[] {
  let text = '';
  let clock = 0;
  const reporter = new ConsoleReporter({ color: false, write: (t) => (text += t), now: () => clock, ...opts });
  reporter.onRunStart(runStart(cases));
  for (const c of cases) {
    clock += msPerCase;
    reporter.onCaseResult(c);
  }
  reporter.onRunEnd(runEnd('failed', runErrors));
  return text.split('\n').filter(Boolean);
}

describe('ConsoleReporter: small runs', () => {
  it('prints one line per case, findings of failed cases, and totals', () => {
    const lines = run([
      contractCase(1, 'passed'),
      contractCase(2, 'failed', [finding('field/missing', { line: 4, expected: 'element Name', actual: 'nothing' })]),
      contractCase(3, 'error', [], 'timeout after 5000 ms'),
      contractCase(4, 'skipped'),
    ]);
    expect(lines).toEqual([
      '✓ Services88/Svc/Op1 (1 ms)',
      '✗ Services88/Svc/Op2 (failed, 1 ms)',
      '    error field/missing at /Envelope/Body/Op (line 4)',
      '      expected: element Name',
      '      actual:   nothing',
      '      field/missing broken',
      '! Services88/Svc/Op3 (error, 1 ms)',
      '    timeout after 5000 ms',
      '↓ Services88/Svc/Op4 (skipped)',
      '4 cases: 1 passed, 1 failed, 1 error, 1 skipped; 1 finding (0.0 s)',
    ]);
  });

  it('says when the run was interrupted, and names a report that could not be written', () => {
    let text = '';
    const reporter = new ConsoleReporter({ color: false, write: (t) => (text += t), now: () => 0, reportPaths: ['out/junit.xml', 'out/summary.json'] });
    const cases = [contractCase(1, 'passed'), contractCase(2, 'skipped')];
    reporter.onRunStart(runStart(cases));
    for (const c of cases) reporter.onCaseResult(c);
    reporter.onRunEnd(runEnd('interrupted'), [{ path: 'out/summary.json', message: 'ENOSPC: no space left on device' }]);
    expect(text.split('\n').filter(Boolean)).toEqual([
      '✓ Services88/Svc/Op1 (1 ms)',
      '↓ Services88/Svc/Op2 (skipped)',
      '2 cases: 1 passed, 0 failed, 0 errors, 1 skipped; 0 findings (0.0 s)',
      'run interrupted before all cases ran',
      'reports: out/junit.xml',
      'report not written: out/summary.json: ENOSPC: no space left on device',
    ]);
  });

  it('lists only the first 10 skipped cases, counts them all', () => {
    const lines = run([...Array.from({ length: 30 }, (_, i) => contractCase(i, 'skipped')), contractCase(99, 'passed')]);
    expect(lines.filter((l) => l.startsWith('↓'))).toHaveLength(10);
    expect(lines).toContain('✓ Services88/Svc/Op99 (1 ms)');
    expect(lines.at(-1)).toBe('31 cases: 1 passed, 0 failed, 0 errors, 30 skipped; 0 findings (0.0 s)');
  });

  it('lists the report paths and run errors at the end, redacted', () => {
    const lines = run([contractCase(1, 'passed')], { reportPaths: ['out/junit.xml', 'out/summary.json'] }, 1, [
      'suite failed to load: <Password>pw-in-error</Password>',
    ]);
    expect(lines).toContain('run error: suite failed to load: <Password>***</Password>');
    expect(lines.at(-1)).toBe('reports: out/junit.xml, out/summary.json');
  });

  it('redacts registered secrets in failure text', () => {
    const redactor = new Redactor({ secrets: ['tick-et-0042'] });
    const lines = run([contractCase(1, 'error', [], 'server said: bad ticket tick-et-0042')], { redactor });
    expect(lines.join('\n')).not.toContain('tick-et-0042');
    expect(lines).toContain('    server said: bad ticket ***');
  });
});

describe('ConsoleReporter: long runs', () => {
  const many = (n: number, failEvery = 0): CaseResult[] =>
    Array.from({ length: n }, (_, i) => (failEvery && (i + 1) % failEvery === 0 ? contractCase(i, 'failed', [finding('value/lexical')]) : contractCase(i, 'passed')));

  it('prints progress every N cases instead of a line per passing case', () => {
    const lines = run(many(1000), { listLimit: 200, progressEvery: 250, progressIntervalMs: 1e9 });
    expect(lines.filter((l) => l.startsWith('✓'))).toEqual([]);
    expect(lines.filter((l) => l.startsWith('progress'))).toEqual([
      'progress 250/1000 (25%): 250 passed, 0 failed, 0 errors, 1000 cases/s',
      'progress 500/1000 (50%): 500 passed, 0 failed, 0 errors, 1000 cases/s',
      'progress 750/1000 (75%): 750 passed, 0 failed, 0 errors, 1000 cases/s',
      'progress 1000/1000 (100%): 1000 passed, 0 failed, 0 errors, 1000 cases/s',
    ]);
    expect(lines.at(-1)).toBe('1000 cases: 1000 passed, 0 failed, 0 errors; 0 findings (1.0 s)');
  });

  it('prints progress when time passes, even between case counts', () => {
    const lines = run(many(300), { listLimit: 10, progressEvery: 1e9, progressIntervalMs: 5000 }, 100);
    // 300 cases at 100 ms each: a line every 50 cases (5 s).
    expect(lines.filter((l) => l.startsWith('progress')).map((l) => l.split(' ')[1])).toEqual(['50/300', '100/300', '150/300', '200/300', '250/300', '300/300']);
  });

  it('still shows every failure; details for the first ones, then one line each', () => {
    const lines = run(many(500, 50), { listLimit: 100, progressEvery: 1000, maxFailureDetails: 3 });
    const failures = lines.filter((l) => l.startsWith('✗'));
    expect(failures).toHaveLength(10);
    expect(failures.slice(0, 3).every((l) => /\(failed, \d+ ms\)$/.test(l))).toBe(true);
    expect(failures[3]).toBe('✗ Services88/Svc/Op199 (failed, 1 finding)');
    expect(lines.filter((l) => l.includes('error value/lexical at'))).toHaveLength(3);
  });
});

describe('ConsoleReporter: text from outside never drives the terminal', () => {
  it('shows escape sequences, carriage returns and bidi overrides in names, findings and run errors as visible escapes', () => {
    const named = { ...contractCase(1, 'failed', [finding('field/missing', { actual: 'x\u001b]0;owned\u0007y' })]), name: 'Op\u001b[2J\u001b[31mRED\r\u202eevil' };
    const lines = run([named], {}, 1, ['suite\u001b[1Abad']);
    const text = lines.join('\n');
    expect(text).not.toMatch(/[\u001b\u0007\r\u202e]/);
    expect(text).toContain('Op\\u{1b}[2J\\u{1b}[31mRED\\u{d}\\u{202e}evil');
    expect(text).toContain('x\\u{1b}]0;owned\\u{7}y');
    expect(text).toContain('suite\\u{1b}[1Abad');
  });
});
