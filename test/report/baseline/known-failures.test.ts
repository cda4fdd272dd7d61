/** The known-failures file: what it accepts, expiry and stale entries, and its errors (file:line). */
import { describe, expect, it } from 'vitest';
import { KnownFailures, parseKnownFailures } from '../../../src/report/baseline/known-failures.ts';
import { knownFailuresText, NEW_ENTRY_REASON } from '../../../src/report/baseline/write-known-failures.ts';
import { Redactor } from '../../../src/secrets/redact.ts';

const HEAD = 'soapcheck: 1\nkind: known-failures\nfailures:\n';
const entry = (over = '') => `  - case: demo/Svc/V1/Op\n    rule: field/missing\n    path: /Envelope/Body/R/Item[2]\n    reason: vendor bug 7\n${over}`;

describe('parseKnownFailures', () => {
  it('reads entries, without positional indexes in the path', () => {
    expect(parseKnownFailures(HEAD + entry('    expires: 2027-01-31\n'), 'k.yaml')).toEqual([
      { case: 'demo/Svc/V1/Op', rule: 'field/missing', path: '/Envelope/Body/R/Item', reason: 'vendor bug 7', expires: '2027-01-31', where: 'k.yaml:4' },
    ]);
    expect(parseKnownFailures(`${HEAD}  []\n`.replace('failures:\n  []', 'failures: []'), 'k.yaml')).toEqual([]);
  });

  it.each([
    ['not YAML', 'a: [', /^k\.yaml: not valid YAML/],
    ['no kind', 'soapcheck: 1\nfailures: []\n', /^k\.yaml: expected kind: known-failures/],
    ['an unknown top-level key', `${HEAD.replace('failures:\n', 'failure: []\n')}`, /^k\.yaml:3: unknown key "failure"/],
    ['failures not a list', 'soapcheck: 1\nkind: known-failures\nfailures: {}\n', /^k\.yaml:3: failures: must be a list/],
    ['an entry without reason', HEAD + entry().replace('    reason: vendor bug 7\n', ''), /^k\.yaml:4: the entry has no reason \(say why/],
    ['an empty reason', HEAD + entry().replace('vendor bug 7', '""'), /^k\.yaml:4: the entry has no reason/],
    ['an entry without path', HEAD + entry().replace('    path: /Envelope/Body/R/Item[2]\n', ''), /^k\.yaml:4: the entry has no path/],
    ['an unknown entry key', HEAD + entry('    message: x\n'), /^k\.yaml:8: unknown key "message" \(an entry has case, step, rule, path, reason, expires\)/],
    ['a bad expiry date', HEAD + entry('    expires: 2027-02-30\n'), /^k\.yaml:4: expires must be a date YYYY-MM-DD, got "2027-02-30"/],
    ['the same fingerprint twice (indexes do not count)', HEAD + entry() + entry().replace('Item[2]', 'Item[5]').replace('bug 7', 'bug 8'), /^k\.yaml:8: the same case, step, rule and path as the entry at k\.yaml:4/],
  ])('%s is an error naming the file and line', (_what, text, error) => {
    expect(() => parseKnownFailures(text, 'k.yaml')).toThrow(error);
  });
});

describe('KnownFailures', () => {
  const fp = { case: 'demo/Svc/V1/Op', rule: 'field/missing', path: '/Envelope/Body/R/Item' };

  it('accepts its fingerprints until the expiry day, then nothing (expired)', () => {
    const entries = parseKnownFailures(HEAD + entry('    expires: 2027-01-31\n'), 'k.yaml');
    expect(new KnownFailures('k.yaml', entries, '2027-01-31').accepts(fp)).toBe(true);
    const late = new KnownFailures('k.yaml', entries, '2027-02-01');
    expect(late.accepts(fp)).toBe(false);
    expect(late.report().expired).toHaveLength(1);
  });

  it('calls an entry stale when its case ran and it accepted nothing; not when its case did not run', () => {
    const k = new KnownFailures('k.yaml', parseKnownFailures(HEAD + entry(), 'k.yaml'), '2026-12-03');
    expect(k.report().stale).toEqual([]);
    k.ran('demo/Svc/V1/Op');
    expect(k.report().stale).toHaveLength(1);
    expect(k.accepts({ ...fp, path: '/Envelope/Body/R/Item[9]' })).toBe(true);
    expect(k.report().stale).toEqual([]);
  });
});

describe('knownFailuresText', () => {
  it('writes fingerprints only, redacted; keeps reasons and expiry of entries it had and entries of cases not run', () => {
    const redactor = new Redactor();
    redactor.addSecret('s3cr3t-ticket-value');
    const previous = parseKnownFailures(HEAD + entry('    expires: 2027-01-31\n') + entry().replace('V1/Op', 'V1/Other').replace('bug 7', 'bug 9'), 'k.yaml');
    const text = knownFailuresText({
      findings: [
        { case: 'demo/Svc/V1/Op', rule: 'field/missing', path: '/Envelope/Body/R/Item' },
        { case: 'demo/Svc/V1/Op', rule: 'value/lexical', path: '/Envelope/Body/R/s3cr3t-ticket-value' },
      ],
      previous,
      ran: (id) => id === 'demo/Svc/V1/Op',
      today: '2026-12-03',
      redactor,
    });
    expect(text).not.toContain('s3cr3t-ticket-value');
    const back = parseKnownFailures(text, 'w.yaml').map(({ where: _w, ...e }) => e);
    expect(back).toEqual([
      { case: 'demo/Svc/V1/Op', rule: 'field/missing', path: '/Envelope/Body/R/Item', reason: 'vendor bug 7', expires: '2027-01-31' },
      { case: 'demo/Svc/V1/Op', rule: 'value/lexical', path: '/Envelope/Body/R/***', reason: `${NEW_ENTRY_REASON} (added 2026-12-03)` },
      { case: 'demo/Svc/V1/Other', rule: 'field/missing', path: '/Envelope/Body/R/Item', reason: 'vendor bug 9' },
    ]);
  });
});
