/**
 * A ticket passed by environment variable reaches the endpoint but appears in no file under the
 * reports folder — also when the endpoint reflects it back in a field that is not secret.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain } from '../support/in-process.ts';
import { filesUnder, readSummary } from './support/reports.ts';
import { startViolationServer, type ViolationServer } from './support/violation-server.ts';

const TICKET = `7T:uniq-${process.pid}-${Date.now().toString(36)}==`;
const forms = [TICKET, encodeURIComponent(TICKET), Buffer.from(TICKET).toString('base64')];

function leaks(out: string): string[] {
  const found: string[] = [];
  for (const f of filesUnder(out)) {
    const text = readFileSync(f, 'latin1');
    if (forms.some((v) => text.includes(v))) found.push(f);
  }
  return found;
}

describe('secrets never reach the reports', () => {
  let server: ViolationServer;
  const outs: string[] = [];
  const newOut = () => {
    const d = mkdtempSync(join(tmpdir(), 'soapcheck-secrets-'));
    outs.push(d);
    return d;
  };

  beforeAll(async () => {
    server = await startViolationServer();
  });
  afterAll(async () => {
    await server?.close();
    for (const d of outs) rmSync(d, { recursive: true, force: true });
  });

  it('SO_TICKET sent to an endpoint that reflects it is *** in every report file', async () => {
    const out = newOut();
    const r = await runMain(['run', join(REPO_ROOT, 'test/fixtures/run/inventory.suite.yaml'), '--endpoint', server.url, '-t', 'GetItem|Reflect', '--out', out], {
      env: { SO_TICKET: TICKET },
      cwd: REPO_ROOT,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(server.tickets).toContain(TICKET);
    expect(readSummary(out).totals.passed).toBe(2);
    expect(filesUnder(out).length).toBeGreaterThan(3);
    expect(leaks(out)).toEqual([]);
    expect(r.stdout + r.stderr).not.toContain(TICKET);
  }, 100_000);

  it('SO_TICKET in a run of the shipped SuperOffice suite on the embedded mock is in no report file', async () => {
    const out = newOut();
    const r = await runMain(['run', join(REPO_ROOT, 'suites/superoffice-user.suite.yaml'), '-t', 'Services88/User/(GetUser|SaveUntrustedCredentials)$', '--out', out], {
      env: { SO_TICKET: TICKET, SO_APP_TOKEN: `app-${TICKET}` },
      cwd: REPO_ROOT,
    });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(readSummary(out).totals.passed).toBe(2);
    expect(leaks(out)).toEqual([]);
    expect(r.stdout + r.stderr).not.toContain(TICKET);
  }, 100_000);
});
