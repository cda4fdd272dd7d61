/**
 * TLS in the transport: verification is on (an unknown CA fails with a TLS error), a custom CA makes
 * it pass, a client certificate is presented for mutual TLS, and `insecure` skips verification.
 * Certificates are made with the openssl command line in a temp folder (skipped without openssl).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, TransportError } from '../../src/run/transport.ts';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasOpenssl())('transport over TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soapcheck-tls-'));
  const f = (n: string) => join(dir, n);
  const pem = (n: string) => readFileSync(f(n));
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const ssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe', timeout: 20_000 });
    ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.pem', '-days', '2', '-subj', '/CN=soapcheck test CA');
    writeFileSync(f('server.ext'), 'subjectAltName=IP:127.0.0.1\n');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
    ssl('x509', '-req', '-in', 'server.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.pem', '-days', '2', '-extfile', 'server.ext');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'client.key', '-out', 'client.csr', '-subj', '/CN=soapcheck client');
    ssl('x509', '-req', '-in', 'client.csr', '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.pem', '-days', '2');
    server = createServer({ key: pem('server.key'), cert: pem('server.pem'), ca: pem('ca.pem'), requestCert: true, rejectUnauthorized: false }, (req, res) => {
      req.resume();
      const client = (req.socket as TLSSocket).authorized ? 'client-cert-ok' : 'no-client-cert';
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(client);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `https://127.0.0.1:${(server.address() as { port: number }).port}/`;
  }, 60_000);

  afterAll(async () => {
    if (server) await new Promise<void>((r) => server.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a certificate from an unknown CA with a TLS error that says what to do', async () => {
    const t = createTransport({ timeoutMs: 5000 });
    const e = await t.send({ url, headers: {} }).then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).kind).toBe('tls');
    expect((e as TransportError).message).toMatch(/TLS handshake with 127\.0\.0\.1:\d+ failed: .*--ca/);
    await t.close();
  });

  it('trusts a custom CA', async () => {
    const t = createTransport({ timeoutMs: 5000, ca: pem('ca.pem') });
    const r = await t.send({ url, headers: {} });
    expect(r).toMatchObject({ status: 200, body: 'no-client-cert' });
    await t.close();
  });

  it('presents a client certificate', async () => {
    const t = createTransport({ timeoutMs: 5000, ca: pem('ca.pem'), cert: pem('client.pem'), key: pem('client.key') });
    expect((await t.send({ url, headers: {} })).body).toBe('client-cert-ok');
    await t.close();
  });

  it('skips verification only when asked, with a warning', async () => {
    const warnings: string[] = [];
    const t = createTransport({ timeoutMs: 5000, insecure: true, warn: (l) => warnings.push(l) });
    expect((await t.send({ url, headers: {} })).status).toBe(200);
    expect(warnings).toHaveLength(1);
    await t.close();
  });
});
