/**
 * `soapcheck diff` on the shipped packs: exit codes, formats, gates and config. In process through
 * runMain (test/support/in-process.ts), and once spawned for the default config file of the current folder.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain } from '../support/in-process.ts';

const pack = (v: number) => join(REPO_ROOT, 'contracts', 'superoffice', `Services${v}`, 'User');
const tmp = mkdtempSync(join(tmpdir(), 'soapcheck-diff-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function diff(args: string[]) {
  const r = await runMain(['diff', ...args]);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

function spawnDiff(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [join(REPO_ROOT, 'bin', 'soapcheck.js'), 'diff', ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('soapcheck diff', () => {
  it('Services86 → 88: exit 1 (breaking changes), the namespace move once, a closing count line', async () => {
    const r = await diff([pack(86), pack(88)]);
    expect(r.code).toBe(1);
    expect(r.out.match(/namespace\/moved/g)).toHaveLength(1);
    expect(r.out).toMatch(/^User\/ValidateUser\n {2}INFO {2}operation\/added/m);
    expect(r.out).toMatch(/\n\d+ changes: \d+ ERR, 1 WARN, \d+ INFO \(\d+ at ERR or above\)\n$/);
  });

  it('--fail-on sets the gate: moves only pass at ERR, fail at WARN', async () => {
    expect((await diff([pack(80), pack(82)])).code).toBe(0);
    expect((await diff([pack(80), pack(82), '--fail-on', 'WARN'])).code).toBe(1);
    expect((await diff([pack(80), pack(82), '--fail-on', 'WARN', '--level', 'namespace/moved=INFO'])).code).toBe(0);
  });

  it('json: every change with id, level and message; the namespace map', async () => {
    const r = await diff([pack(86), pack(88), '--format', 'json']);
    const j = JSON.parse(r.out) as { changes: Array<{ id: string; level: string; message: string }>; namespaceMap: Record<string, string>; operations: { added: number } };
    expect(j.namespaceMap).toEqual({ 'http://www.superoffice.net/ws/crm/NetServer/Services86': 'http://www.superoffice.net/ws/crm/NetServer/Services88' });
    expect(j.operations.added).toBe(6);
    expect(j.changes.every((c) => c.id && c.level && c.message)).toBe(true);
  });

  it('junit: one testcase per operation of either side plus the set; failed ones carry their changes', async () => {
    const file = join(tmp, 'diff.xml');
    const r = await diff([pack(86), pack(88), '--format', 'junit', '--output', file]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    const xml = readFileSync(file, 'utf8');
    expect(xml.match(/<testcase /g)).toHaveLength(85 + 1);
    // GetUser uses the changed type User:User in its response only (INFO): it passes.
    expect(xml).toMatch(/name="User\/GetUser">\n\s+<system-out>INFO response-field\/added in type User:User/);
    // SaveUserGroup sends and receives User:UserGroup, whose Deleted went from short to boolean (ERR both ways).
    expect(xml).toMatch(/name="User\/SaveUserGroup">\n\s+<failure message="2 change\(s\) at ERR or above" type="request-field\/type-changed">ERR request-field\/type-changed in type User:UserGroup at request UserGroup\/Deleted: type short → boolean/);
  });

  it('markdown: a summary line and a table row per change', async () => {
    const r = await diff([pack(80), pack(82), '--format', 'markdown']);
    expect(r.out).toMatch(/^### Contract diff: /);
    expect(r.out).toContain('No change at ERR or above. 2 changes: 0 ERR, 1 WARN, 1 INFO');
    expect(r.out.match(/^\| (ERR|WARN|INFO) \|/gm)).toHaveLength(2);
  });

  it('levels from soapcheck.config.yaml in the current folder; an unknown check id names file and line', async () => {
    writeFileSync(join(tmp, 'soapcheck.config.yaml'), 'profile: strict\ndiff:\n  namespace/moved: ERR\n');
    expect(spawnDiff([pack(80), pack(82)], tmp).code).toBe(1);
    const other = join(tmp, 'other.yaml');
    writeFileSync(other, 'diff:\n  namespace/move: ERR\n');
    const bad = await diff([pack(80), pack(82), '--config', other]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/other\.yaml:2: diff: unknown diff check "namespace\/move" \(checks in that group: namespace\/moved\)/);
  });

  it('--namespace-map replaces detection; --operation narrows both sides', async () => {
    const r = await diff([pack(86), pack(88), '--operation', 'GetUser', '--namespace-map', 'http://www.superoffice.net/ws/crm/NetServer/Services86=http://www.superoffice.net/ws/crm/NetServer/Services88']);
    expect(r.out).toContain('(given; 1 paired operation(s) use it)');
    expect(r.out).toContain('1 operation paired, 0 added, 0 removed');
  });

  it('usage and input errors exit 2 with a clear message', async () => {
    expect((await diff([pack(86)])).code).toBe(2);
    expect((await diff([pack(86), pack(88), '--fail-on', 'ERROR'])).err).toMatch(/--fail-on must be ERR, WARN or INFO/);
    expect((await diff([pack(86), pack(88), '--namespace-map', 'nonsense'])).err).toMatch(/expected old-uri=new-uri/);
    const missing = await diff([pack(86), join(tmp, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('nowhere');
    expect((await diff([pack(86), pack(88), '--operation', 'NoSuchOperation'])).err).toMatch(/no contracts found for --operation NoSuchOperation/);
  });
});
