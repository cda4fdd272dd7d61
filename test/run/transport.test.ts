/** The transport: answers, and every kind of failure as a TransportError with a clear message. */
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTransport, TransportError, type Transport } from '../../src/run/transport.ts';

let server: Server;
let base: string;
const sockets = new Set<Socket>();
let connections = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    switch (req.url) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/xml', 'x-multi': ['a', 'b'] });
        return void res.end('<ok/>');
      case '/big':
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.write('x'.repeat(64 * 1024));
        res.write('x'.repeat(64 * 1024));
        return void res.end();
      case '/reset':
        return void req.socket.destroy();
      case '/slow-body':
        res.writeHead(200, { 'content-type': 'text/xml' });
        return void res.write('<partial>');
      default:
        return; // hang
    }
  });
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((r) => server.close(() => r()));
});

async function failure(t: Transport, url: string): Promise<TransportError> {
  try {
    await t.send({ url, headers: {}, body: '<x/>' });
  } catch (e) {
    expect(e).toBeInstanceOf(TransportError);
    return e as TransportError;
  }
  throw new Error('expected a TransportError');
}

describe('transport', () => {
  it('returns status, lower-case headers and body, and keeps the connection alive', async () => {
    const t = createTransport({ timeoutMs: 2000 });
    const before = connections;
    for (let i = 0; i < 10; i++) {
      const r = await t.send({ url: `${base}/ok`, headers: { 'content-type': 'text/xml' }, body: '<x/>' });
      expect(r).toMatchObject({ status: 200, body: '<ok/>' });
      expect(r.headers['content-type']).toBe('text/xml');
      expect(r.headers['x-multi']).toBe('a, b');
    }
    // Sequential requests reuse pooled connections (undici may open a second while the first is being released).
    expect(connections - before).toBeLessThanOrEqual(2);
    await t.close();
  });

  it.each([
    ['a hang before the headers', '/hang', 'timeout', /within 300 ms \(timed out\)/],
    ['a body that never ends', '/slow-body', 'timeout', /timed out/],
    ['a reset', '/reset', 'reset', /reset or closed/],
  ])('%s → %s', async (_what, path, kind, message) => {
    const t = createTransport({ timeoutMs: 300 });
    const started = Date.now();
    const e = await failure(t, `${base}${path}`);
    expect(e.kind).toBe(kind);
    expect(e.message).toMatch(message);
    expect(Date.now() - started).toBeLessThan(5000);
    await t.close();
  });

  it.each([
    ['before the headers', '/hang'],
    ['in the middle of the body', '/slow-body'],
  ])('an abort signal (the run was interrupted) ends a request %s at once, as cancelled', async (_what, path) => {
    const t = createTransport({ timeoutMs: 60_000 });
    const abort = new AbortController();
    const started = Date.now();
    setTimeout(() => abort.abort(), 100);
    let e: unknown;
    await t.send({ url: `${base}${path}`, headers: {}, body: '<x/>', signal: abort.signal }).catch((x: unknown) => (e = x));
    expect(e).toBeInstanceOf(TransportError);
    expect((e as TransportError).kind).toBe('cancelled');
    expect((e as TransportError).message).toMatch(/interrupted/);
    expect(Date.now() - started).toBeLessThan(5000);
    await t.close();
  });

  it('stops reading a body over the cap', async () => {
    const t = createTransport({ maxResponseBytes: 100_000 });
    const e = await failure(t, `${base}/big`);
    expect(e.kind).toBe('too-large');
    expect(e.message).toMatch(/larger than 100000 bytes/);
    await t.close();
  });

  it('connection refused', async () => {
    const t = createTransport({ timeoutMs: 2000 });
    const e = await failure(t, 'http://127.0.0.1:1/x');
    expect(e.kind).toBe('refused');
    expect(e.message).toMatch(/connection refused by 127\.0\.0\.1:1/);
    await t.close();
  });

  it('a host name that does not resolve', async () => {
    const t = createTransport({ timeoutMs: 10_000 });
    const e = await failure(t, 'http://no-such-host.invalid/x');
    expect(['dns', 'timeout']).toContain(e.kind);
    if (e.kind === 'dns') expect(e.message).toMatch(/cannot resolve host name no-such-host\.invalid/);
    await t.close();
  });

  it('a bad URL or scheme', async () => {
    const t = createTransport();
    expect((await failure(t, 'nope')).kind).toBe('bad-url');
    expect((await failure(t, 'ftp://127.0.0.1/')).message).toMatch(/unsupported URL scheme ftp:/);
    await t.close();
  });

  it('a TLS endpoint that is not TLS fails as a TLS or reset error, not a crash', async () => {
    const t = createTransport({ timeoutMs: 2000 });
    const e = await failure(t, `${base.replace('http:', 'https:')}/ok`);
    expect(['tls', 'reset', 'other']).toContain(e.kind);
    await t.close();
  });

  it('warns once when TLS verification is switched off', async () => {
    const lines: string[] = [];
    const t = createTransport({ insecure: true, warn: (l) => lines.push(l) });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/verification is OFF/);
    await t.close();
  });

  it('refuses a client certificate without its key', () => {
    expect(() => createTransport({ cert: 'x' })).toThrow(/both cert and key/);
  });
});
