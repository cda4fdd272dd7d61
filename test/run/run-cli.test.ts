/** `soapcheck run` usage and input errors: exit 2 with a message saying what and where, before anything is sent. */
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain, type InProcessOutcome } from '../support/in-process.ts';

/** Runs the CLI in-process (these cases stop before anything is sent), with SO_TICKET unset. */
function runInProcess(args: string[]): Promise<InProcessOutcome> {
  return runMain(args, { env: { SO_TICKET: undefined } });
}

const dir = mkdtempSync(join(tmpdir(), 'soapcheck-run-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const inventory = join(REPO_ROOT, 'test/fixtures/run/inventory.suite.yaml');

function suiteFile(name: string, text: string): string {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
}

describe('soapcheck run: usage and input errors (exit 2)', () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ['a bad --endpoint URL', () => ['run', inventory, '--endpoint', 'not a url'], /--endpoint: not a valid URL/],
    ['an unsupported URL scheme', () => ['run', inventory, '--endpoint', 'ftp://example.com/'], /unsupported scheme ftp:/],
    ['an unset variable against a real endpoint', () => ['run', inventory, '--endpoint', 'http://127.0.0.1:9/'], /inventory\.suite\.yaml:12: values\.\*\.Ticket: variable \$\{SO_TICKET\} has no value/],
    ['a bad --profile', () => ['run', inventory, '--profile', 'lax'], /--profile must be strict or compatible/],
    ['an unknown --rule', () => ['run', inventory, '--rule', 'field/nope=warn'], /unknown rule "field\/nope"/],
    ['a bad --retry', () => ['run', inventory, '--retry', 'x'], /--retry expects a whole number/],
    ['a bad --shard', () => ['run', inventory, '--shard', '3/2'], /--shard 3\/2/],
    ['a bad --concurrency', () => ['run', inventory, '--concurrency', '0'], /--concurrency expects a whole number/],
    ['a bad --var', () => ['run', inventory, '--var', '1X=2'], /--var expects NAME=value/],
    ['an unknown reporter', () => ['run', inventory, '--reporter', 'html'], /unknown reporter 'html'/],
    ['a -t filter that matches no case (a CI gate must not pass by skipping everything)', () => ['run', inventory, '-t', 'inventory > GetItem'], /-t "inventory > GetItem" matches no case of this run\. Case names are "<suite> <case>", e\.g\.\n  inventory V1\/Inventory\//],
    ['a missing suite file', () => ['run', join(dir, 'nope.suite.yaml')], /suite file not found/],
    ['--cert without --key', () => ['run', inventory, '--cert', inventory], /--cert and --key go together/],
    ['a suite with an unknown key (file:line)', () => ['run', suiteFile('a.suite.yaml', 'soapcheck: 1\nkind: suite\nname: a\ncontracts: [x/]\nendpiont: http://h/\n')], /a\.suite\.yaml:5:1: unknown key `endpiont` at the top level; allowed: /],
    ['a suite with YAML syntax errors (file:line)', () => ['run', suiteFile('b.suite.yaml', 'soapcheck: 1\nkind: suite\nname: [b\n')], /b\.suite\.yaml:\d+:\d+: YAML syntax error: /],
    ['a suite whose contracts match nothing', () => ['run', suiteFile('c.suite.yaml', 'soapcheck: 1\nkind: suite\nname: c\ncontracts: [no/such/*.yaml]\n')], /c\.suite\.yaml:4: contracts: .*matches no file/],
    ['a bad embedded-mock echo rule', () => ['run', suiteFile('e.suite.yaml', `soapcheck: 1\nkind: suite\nname: e\ncontracts: [${join(REPO_ROOT, 'test/fixtures/run/inventory')}]\nmock:\n  echo:\n    - { from: Inventory/GetItem, path: GetItem.Nope, to: Inventory/Reflect, into: ReflectResponse.Item }\n`)], /e\.suite\.yaml:7: mock\.echo\[0\]\.path/],
    ['a values key that names no contract (file:line)', () => ['run', suiteFile('f.suite.yaml', `soapcheck: 1\nkind: suite\nname: f\ncontracts: [${join(REPO_ROOT, 'test/fixtures/run/inventory')}]\nvalues:\n  Inventory/GetItm:\n    GetItem.Id: "1"\n`)], /f\.suite\.yaml:6: values: "Inventory\/GetItm" names no loaded contract/],
    ['a bad endpoint in the suite (file:line)', () => ['run', suiteFile('g.suite.yaml', `soapcheck: 1\nkind: suite\nname: g\ncontracts: [${join(REPO_ROOT, 'test/fixtures/run/inventory')}]\nendpoint: ftp://h/\n`)], /g\.suite\.yaml:5: endpoint: unsupported scheme ftp:/],
    ['a scenario XPath with a syntax error (file:line, before anything is sent)', () => ['run', suiteFile('h.suite.yaml', `soapcheck: 1\nkind: suite\nname: h\ncontracts: [${join(REPO_ROOT, 'test/fixtures/run/inventory')}]\nscenarios:\n  - name: s\n    steps:\n      - call: Inventory/GetItem\n        capture: { id: "//inv:Id[" }\n`)], /h\.suite\.yaml:8: scenario "s": step "1\. Inventory\/GetItem": capture id: invalid XPath/],
    ['a scenario XPath with an unbound prefix', () => ['run', suiteFile('i.suite.yaml', `soapcheck: 1\nkind: suite\nname: i\ncontracts: [${join(REPO_ROOT, 'test/fixtures/run/inventory')}]\nscenarios:\n  - name: s\n    steps:\n      - call: Inventory/GetItem\n        assert:\n          - { xpath: "//nope:Id", exists: true }\n`)], /i\.suite\.yaml:8: scenario "s": step "1\. Inventory\/GetItem": assert \/\/nope:Id: .*Undefined namespace prefix/],
    ['a contract whose endpoint would leave --endpoint for another host (issue 10)', () => ['run', join(REPO_ROOT, 'test/fixtures/contracts/broken/endpoint-backslashes.yaml'), '--endpoint', 'http://127.0.0.1:9/Cust1/'], /endpoint-backslashes\.yaml:7: schema: `endpoint` must be a path under the base URL/],
    ['a scenario calling an unknown operation', () => ['run', suiteFile('d.suite.yaml', `soapcheck: 1\nkind: suite\nname: d\ncontracts: [${join(REPO_ROOT, 'test/fixtures/run/inventory')}]\nscenarios:\n  - name: s\n    steps:\n      - call: Inventory/Nope\n`)], /d\.suite\.yaml:8: scenario "s": call "Inventory\/Nope" names no loaded contract/],
  ];

  it.each(cases)('%s', async (_what, args, message) => {
    const out = join(dir, 'out-' + Math.random().toString(36).slice(2));
    const r = await runInProcess([...args(), '--out', out]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(out, 'summary.json'))).toBe(false);
  }, 40_000);

  it('--out naming a file is a usage error, not a crash', async () => {
    const file = suiteFile('not-a-folder.txt', 'x');
    const r = await runInProcess(['run', inventory, '--out', file]);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stderr).toContain(`--out ${file}: exists and is not a folder`);
  }, 40_000);

  it('--help describes every option it accepts', async () => {
    const r = await runInProcess(['run', '--help']);
    expect(r.code).toBe(0);
    for (const o of ['--endpoint', '--profile', '--rule', '--concurrency', '--timeout', '--retry', '--reporter', '--out', '--shard', '--var', '-t', '--ca', '--cert', '--key', '--insecure']) {
      expect(r.stdout).toContain(o);
    }
  }, 40_000);
});
