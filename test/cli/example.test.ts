/** `soapcheck example`: prints a contract's message, verify accepts it, secrets are masked. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runMain } from '../support/in-process.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const GET_USER = join(REPO_ROOT, 'contracts/superoffice/Services88/User/GetUser.yaml');
const dir = mkdtempSync(join(tmpdir(), 'soapcheck-example-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) => runMain(args);

describe('soapcheck example', () => {
  it.each([['--request'], ['--response']])('%s: verify accepts what it prints', async (which) => {
    const r = await cli(['example', GET_USER, which]);
    expect(r.code, r.stderr).toBe(0);
    const file = join(dir, `GetUser${which}.xml`);
    writeFileSync(file, r.stdout);
    const v = await cli(['verify', GET_USER, file, ...(which === '--request' ? ['--request'] : [])]);
    expect(v.code, v.stdout).toBe(0);
    expect(v.stdout).toMatch(/1 message, 0 errors, 0 warnings/);
  });

  it('puts the pack-bound credentials into the request, masked', async () => {
    const r = await cli(['example', GET_USER, '--var', 'SO_TICKET=7T:very-secret-ticket']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/<User:Ticket>\*\*\*<\/User:Ticket>/);
    expect(r.stdout).toMatch(/<User:ApplicationToken>\*\*\*<\/User:ApplicationToken>/);
    expect(r.stdout).toMatch(/<User:GetUser>/);
    expect(r.stdout).not.toContain('very-secret-ticket');
  });

  it.each([
    [['example'], /expected one contract file/],
    [['example', 'no/such.yaml'], /no such file/],
    [['example', GET_USER, '--request', '--response'], /exclude each other/],
  ])('usage error %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
