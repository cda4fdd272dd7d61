/** `soapcheck lint`: in process through runMain (test/support/in-process.ts), and once spawned as a user runs it. */
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain } from '../support/in-process.ts';
import { runCli } from '../support/spawned-cli.ts';

const FIX = 'test/fixtures/contracts';

function lint(...args: string[]) {
  return runMain(['lint', ...args], { cwd: REPO_ROOT });
}

describe('soapcheck lint', () => {
  it('exits 0 with a count line on clean contracts', async () => {
    const r = await lint(`${FIX}/valid`);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('1 contract, 1 types file, 0 problems\n');
  });

  it('exits 2 and prints file:line:col  code  message  (pointer) for each problem', async () => {
    const r = await lint(`${FIX}/broken/bad-soap-version.yaml`, `${FIX}/broken/undeclared-prefix.yaml`);
    expect(r.code).toBe(2);
    expect(r.stdout.split('\n')).toEqual([
      `${FIX}/broken/bad-soap-version.yaml:9:12  schema  \`soap.version\` must be one of 1.1, 1.2 — got 1.3  (/soap/version)`,
      `${FIX}/broken/undeclared-prefix.yaml:19:15  undeclared-prefix  type \`X:WidgetThing\` uses the prefix \`X\`, which is not declared in \`namespaces\`  (/request/body/fields/0/type)`,
      '2 contracts, 0 types files, 2 problems',
      '',
    ]);
  });

  it('the same, spawned as a user runs it', async () => {
    const r = await runCli(['lint', `${FIX}/broken/bad-soap-version.yaml`], { timeoutMs: 30_000 });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe(`${FIX}/broken/bad-soap-version.yaml:9:12  schema  \`soap.version\` must be one of 1.1, 1.2 — got 1.3  (/soap/version)\n1 contract, 0 types files, 1 problem\n`);
  });

  it('writes JSON with --format json', async () => {
    const r = await lint('--format', 'json', `${FIX}/broken/duplicate`);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as { contracts: number; typesFiles: number; problems: { code: string; line: number }[] };
    expect(json.contracts).toBe(3);
    expect(json.typesFiles).toBe(0);
    expect(json.problems.map((p) => p.code)).toEqual(['duplicate-operation', 'duplicate-operation']);
  });

  it('exits 2 for a missing path and for a folder without contracts', async () => {
    expect(await lint(`${FIX}/nowhere`)).toMatchObject({ code: 2, stdout: expect.stringContaining('io  cannot read') });
    expect(await lint('src/xml')).toMatchObject({ code: 2, stdout: expect.stringContaining('no-contracts') });
  });

  it('exits 2 on a usage error and 0 on --help', async () => {
    expect((await lint('--format', 'xml')).code).toBe(2);
    expect((await lint('--bogus')).code).toBe(2);
    const help = await lint('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: soapcheck lint \[paths…\]/);
  });
});

describe('soapcheck lint: expectation XPaths', () => {
  it('reports an expectation whose XPath cannot be evaluated (syntax, an unbound prefix) at its line, and passes good ones', async () => {
    const { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'soapcheck-lint-xpath-'));
    try {
      cpSync(join(REPO_ROOT, FIX, 'valid'), dir, { recursive: true });
      const file = join(dir, 'Demo7', 'Gadget', 'SaveGadget.yaml');
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n').length;
      writeFileSync(file, `${text.replace(/\n*$/, '\n')}expectations:
  - id: good
    assert: "count(//env:Body/*) = 1"
    message: one body element
  - id: broken
    failWhen: "//env:Body/[1"
    message: never
  - id: unbound
    assert: "//nope:Thing"
    message: never
`);
      const r = await runMain(['lint', dir], { cwd: REPO_ROOT });
      expect(r.code).toBe(2);
      const out = r.stdout.split('\n').filter((l) => l.includes('  xpath  '));
      expect(out).toEqual([
        expect.stringMatching(new RegExp(`SaveGadget\\.yaml:${lines + 5}:\\d+  xpath  expectation \`broken\`: invalid XPath .*\\(/expectations/1/failWhen\\)$`)),
        expect.stringMatching(new RegExp(`SaveGadget\\.yaml:${lines + 8}:\\d+  xpath  expectation \`unbound\`: invalid XPath .*\\(/expectations/2/assert\\)$`)),
      ]);
      expect(r.stdout).toMatch(/2 problems/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
