/** `soapcheck init`: a project that `soapcheck run` passes in at once, on the embedded mock; nothing overwritten. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/in-process.ts';
import { readSummary } from '../run/support/reports.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'soapcheck-init-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const quiet = (args: string[]) => runMain(args);

describe('soapcheck init', () => {
  it('scaffolds contracts, a suite, a config file and a CI snippet; soapcheck run there passes on the embedded mock', async () => {
    const dir = tempDir();
    expect((await quiet(['init', dir])).code).toBe(0);
    for (const f of ['contracts/example/V1/Greeter/SayHello.yaml', 'contracts/example/pack.yaml', 'suites/example.suite.yaml', 'soapcheck.config.yaml', 'ci/soapcheck.github-actions.yml']) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect((await quiet(['lint', join(dir, 'contracts')])).code).toBe(0);
    const r = await runMain(['run', '--out', 'reports'], { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const summary = readSummary(join(dir, 'reports'));
    expect(summary.totals).toMatchObject({ cases: 2, passed: 2 });
    expect(summary.cases.map((c) => c.name)).toEqual(['V1/Greeter/SayHello', 'scenario: a wrong API key is refused']);
  }, 60_000);

  it('overwrites nothing: with one file already there, it writes nothing and exits 2', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'soapcheck.config.yaml'), 'profile: compatible\n');
    const r = await quiet(['init', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/would overwrite .*soapcheck\.config\.yaml; nothing written/);
    expect(readFileSync(join(dir, 'soapcheck.config.yaml'), 'utf8')).toBe('profile: compatible\n');
    expect(existsSync(join(dir, 'suites'))).toBe(false);
  });
});
