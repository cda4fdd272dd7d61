/**
 * One YAML-and-schema pipeline (src/contract/yaml-problems.ts): the same kind of mistake reads the same way —
 * `file:line:col: message`, in the same words — in a contract, a suite and soapcheck.config.yaml.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, parseConfigText } from '../../src/checks/config.ts';
import { loadContracts } from '../../src/contract/load.ts';
import { formatYamlProblem } from '../../src/contract/yaml-problems.ts';
import { parseSuite, SuiteError } from '../../src/run/suite.ts';
import { REPO_ROOT } from '../support/corpus.ts';

let dir: string;
let contractRest: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'soapcheck-yaml-problems-'));
  // A valid contract without its first two lines (a comment, `soapcheck: 1`).
  contractRest = readFileSync(join(REPO_ROOT, 'test/fixtures/mock/Demo9/Clock/GetTime.yaml'), 'utf8').split('\n').slice(2).join('\n');
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The problems of each kind of file with `mistake` written on its line 3, as printed. */
async function problemsAtLine3(mistake: { contract: string; suite: string; config: string }): Promise<Record<'contract' | 'suite' | 'config', string[]>> {
  const contractFile = join(dir, 'GetTime.yaml');
  writeFileSync(contractFile, `# a contract\nsoapcheck: 1\n${mistake.contract}\n${contractRest}`);
  const contract = (await loadContracts([contractFile])).problems.map(formatYamlProblem);
  let suite: string[] = [];
  try {
    parseSuite(`# a suite\nsoapcheck: 1\n${mistake.suite}\nkind: suite\nname: t\ncontracts: [c/]\n`, 'x.suite.yaml');
  } catch (e) {
    if (!(e instanceof SuiteError)) throw e;
    suite = e.message.split('\n');
  }
  let config: string[] = [];
  try {
    parseConfigText(`# a config file\nprofile: strict\n${mistake.config}\n`, 'soapcheck.config.yaml');
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    config = e.message.split('\n');
  }
  return { contract: contract.map((p) => p.replace(contractFile, 'GetTime.yaml')), suite, config };
}

describe('one YAML-and-schema pipeline: a mistake reads alike in a contract, a suite and a config file', () => {
  it('an unknown key: file:3:1, named, with the keys allowed there', async () => {
    const got = await problemsAtLine3({ contract: 'bogus: 1', suite: 'bogus: 1', config: 'bogus: 1' });
    expect(got.contract).toEqual([expect.stringMatching(/^GetTime\.yaml:3:1: unknown key `bogus` at the top level; allowed: soapcheck, kind, service, /)]);
    expect(got.suite).toEqual([expect.stringMatching(/^x\.suite\.yaml:3:1: unknown key `bogus` at the top level; allowed: soapcheck, kind, name, /)]);
    expect(got.config).toEqual(['soapcheck.config.yaml:3:1: unknown key `bogus` at the top level; allowed: profile, rules, knownFailures, diff']);
  });

  it('a value of the wrong type: file:3:col, what it must be and what it is', async () => {
    const got = await problemsAtLine3({ contract: 'source: [a, b]', suite: 'rules: [a, b]', config: 'rules: [a, b]' });
    expect(got.contract).toEqual(['GetTime.yaml:3:9: `source` must be a mapping — got a list']);
    expect(got.suite).toEqual(['x.suite.yaml:3:8: `rules` must be a mapping — got a list']);
    expect(got.config).toEqual(['soapcheck.config.yaml:3:8: `rules` must be a mapping — got a list']);
  });

  it('bad YAML: file:line:col and the same words', async () => {
    const got = await problemsAtLine3({ contract: 'bad: [oops', suite: 'bad: [oops', config: 'bad: [oops' });
    const words = (lines: string[]) => lines.map((l) => l.replace(/^[^:]+:\d+:\d+: /, ''));
    expect(got.contract.length).toBeGreaterThan(0);
    for (const lines of [got.contract, got.suite, got.config]) expect(lines.every((l) => /^[^:]+:\d+:\d+: YAML syntax error: /.test(l)), lines.join('\n')).toBe(true);
    expect(words(got.suite)).toEqual(words(got.contract));
    expect(words(got.config)).toEqual(words(got.contract));
  });

  it('a key written twice: the same words everywhere', async () => {
    const got = await problemsAtLine3({ contract: 'soapcheck: 1', suite: 'soapcheck: 1', config: 'profile: strict' });
    expect(got.contract).toEqual(['GetTime.yaml:3:1: YAML syntax error: the key "soapcheck" is written twice in the same mapping']);
    expect(got.suite).toEqual(['x.suite.yaml:3:1: YAML syntax error: the key "soapcheck" is written twice in the same mapping']);
    expect(got.config).toEqual(['soapcheck.config.yaml:3:1: YAML syntax error: the key "profile" is written twice in the same mapping']);
  });
});
