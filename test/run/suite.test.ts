import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expandContractPaths, wildcardMatch } from '../../src/run/contract-paths.ts';
import { loadSuite, parseSuite, SuiteError } from '../../src/run/suite.ts';
import { REPO_ROOT } from '../support/corpus.ts';

function problemsOf(text: string): string[] {
  try {
    parseSuite(text, 'x.suite.yaml');
  } catch (e) {
    if (e instanceof SuiteError) return e.message.split('\n');
    throw e;
  }
  return [];
}

const HEAD = 'soapcheck: 1\nkind: suite\nname: t\ncontracts: [c/]\n';

describe('parseSuite', () => {
  it('reads a complete suite with defaults filled in', () => {
    const s = parseSuite(
      `${HEAD}profile: compatible\nrules: { field/order: warn }\nvariables:\n  A: plain\n  B: { secret: true }\nvalues:\n  "*": { Ticket: "\${B}", Count: 3 }\nscenarios:\n  - name: s\n    steps:\n      - call: User/Op\n        capture: { id: //x:Id, key: { xpath: //x:Key, secret: true } }\n        assert:\n          - { xpath: //x:Id, equals: 5 }\n          - { xpath: //x:Id, count: 1 }\n`,
      join(REPO_ROOT, 'suites/x.suite.yaml'),
    );
    expect(s.contracts).toEqual([join(REPO_ROOT, 'suites/c/')]);
    expect(s.replay).toBe(true);
    expect(s.profile).toBe('compatible');
    expect(s.rules).toEqual({ 'field/order': 'warn' });
    expect(s.variables).toEqual({ A: { default: 'plain' }, B: { secret: true } });
    expect(s.values['*']).toEqual({ Ticket: '${B}', Count: '3' });
    const step = s.scenarios[0]!.steps[0]!;
    expect(step).toMatchObject({ name: '1. User/Op', check: true, line: 15 });
    expect(step.capture).toEqual({ id: { xpath: '//x:Id', secret: false }, key: { xpath: '//x:Key', secret: true } });
    expect(step.assert[0]).toEqual({ xpath: '//x:Id', equals: '5' });
  });

  it.each([
    ['an unknown key, with its line', `${HEAD}endpiont: http://x/\n`, /^x\.suite\.yaml:5:1: unknown key `endpiont` at the top level; allowed: soapcheck, kind, name, /],
    ['a missing required key', 'soapcheck: 1\nkind: suite\nname: t\n', /^x\.suite\.yaml:1:1: the file is missing the required key `contracts`$/],
    ['a bad profile, with its line', `${HEAD}profile: lax\n`, /^x\.suite\.yaml:5:10: `profile` must be one of strict, compatible — got "lax"$/],
    ['a bad rule level', `${HEAD}rules: { field/order: loud }\n`, /^x\.suite\.yaml:5:\d+: `rules\.field\/order` must be one of off, warn, error — got "loud"$/],
    ['an unknown rule id, with its line', `${HEAD}rules: { field/nope: warn }\n`, /^x\.suite\.yaml:5:10: unknown rule "field\/nope" in `rules`/],
    ['an assertion with two checks', `${HEAD}scenarios:\n  - name: s\n    steps:\n      - call: A/B\n        assert: [{ xpath: //a, equals: x, count: 1 }]\n`, /exactly one of equals, matches, exists, count/],
    ['a bad call', `${HEAD}scenarios:\n  - name: s\n    steps:\n      - call: JustOne\n`, /^x\.suite\.yaml:8:\d+: `scenarios\[0\]\.steps\[0\]\.call` must match /],
    ['a bad regular expression', `${HEAD}scenarios:\n  - name: s\n    steps:\n      - call: A/B\n        assert: [{ xpath: //a, matches: "([" }]\n`, /^x\.suite\.yaml:8: assert\.matches is not a valid regular expression/],
    ['two scenarios with one name', `${HEAD}scenarios:\n  - { name: s, steps: [{ call: A/B }] }\n  - { name: s, steps: [{ call: A/B }] }\n`, /scenario name "s" is used twice/],
    ['YAML syntax, with its line', `${HEAD}name: [oops\n`, /^x\.suite\.yaml:\d+:\d+: YAML syntax error: /],
    ['a duplicate key', `${HEAD}name: again\n`, /^x\.suite\.yaml:5:\d+: YAML syntax error: the key "name" is written twice in the same mapping$/],
  ])('refuses %s', (_what, text, message) => {
    const problems = problemsOf(text);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => message.test(p)), problems.join('\n')).toBe(true);
  });

  it('refuses an alias bomb without expanding it', () => {
    const bomb = `${HEAD}a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n`;
    expect(problemsOf(bomb).join('\n')).toMatch(/^x\.suite\.yaml:1:1: cannot read YAML: .*alias/im);
  });

  it('says which file could not be read', () => {
    expect(() => loadSuite('/no/such/file.suite.yaml')).toThrow(/file\.suite\.yaml: cannot read suite: ENOENT/);
  });

  it('every shipped suite is valid', () => {
    for (const f of ['superoffice-favourite', 'superoffice-user', 'untrusted-credentials-roundtrip']) expect(loadSuite(join(REPO_ROOT, 'suites', `${f}.suite.yaml`)).name).toBe(f);
  });
});

describe('expandContractPaths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soapcheck-glob-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  for (const f of ['V1/A/x.yaml', 'V1/A/y.yaml', 'V1/B/z.yaml', 'V2/A/x.yaml', 'V2/A/notes.txt']) {
    mkdirSync(join(dir, f, '..'), { recursive: true });
    writeFileSync(join(dir, f), '');
  }
  it.each([
    ['*/A/*.yaml', ['V1/A/x.yaml', 'V1/A/y.yaml', 'V2/A/x.yaml']],
    ['V1/**/*.yaml', ['V1/A/x.yaml', 'V1/A/y.yaml', 'V1/B/z.yaml']],
    ['**/?.yaml', ['V1/A/x.yaml', 'V1/A/y.yaml', 'V1/B/z.yaml', 'V2/A/x.yaml']],
    ['V2/A', ['V2/A']],
  ])('%s', (pattern, expected) => {
    expect(expandContractPaths([join(dir, pattern)])).toEqual({ paths: expected.map((e) => join(dir, e)), unmatched: [] });
  });
  it('reports a pattern or path that matches nothing', () => {
    expect(expandContractPaths([join(dir, 'V9/*.yaml'), join(dir, 'nope')]).unmatched).toHaveLength(2);
  });

  // Hostile suites (issue 10): as regular expressions these took longer than any run.
  it('a segment with many * against a long name ends (no backtracking)', () => {
    const deep = join(dir, 'many');
    mkdirSync(deep, { recursive: true });
    writeFileSync(join(deep, `${'a'.repeat(200)}.yaml`), '');
    expect(expandContractPaths([join(deep, `${'a*'.repeat(14)}b.yaml`)]).paths).toEqual([]);
    expect(expandContractPaths([join(deep, `${'a*'.repeat(14)}.yaml`)]).paths).toEqual([join(deep, `${'a'.repeat(200)}.yaml`)]);
  });

  it('many ** segments over a deep tree walk each folder once per segment', () => {
    const root = join(dir, 'deep');
    const leaf = join(root, ...Array.from({ length: 12 }, () => 'd'));
    mkdirSync(leaf, { recursive: true });
    writeFileSync(join(leaf, 'k.yaml'), '');
    expect(expandContractPaths([join(root, `${'**/'.repeat(12)}?.yaml`)]).paths).toEqual([join(leaf, 'k.yaml')]);
  });
});

describe('wildcardMatch (one path segment)', () => {
  it.each([
    ['*.yaml', 'x.yaml', true],
    ['*.yaml', 'x.yml', false],
    ['?.yaml', 'xy.yaml', false],
    ['a*b*c', 'aXbYbZc', true],
    ['a*b*c', 'aXbYbZ', false],
    ['*', '', true],
    ['', '', true],
    ['**x', 'yx', true],
    ['a.b', 'aXb', false],
    ['[x]', '[x]', true],
  ])('%j against %j is %s', (pattern, name, expected) => {
    expect(wildcardMatch(pattern, name)).toBe(expected);
  });
});
