import { connect, type Socket } from 'node:net';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pool, request } from 'undici';
import type { Contract } from '../../src/contract/model.ts';
import { startMock, type MockLogEntry, type MockServer } from '../../src/mock/server.ts';
import { buildMessage } from '../../src/soap/build.ts';
import { bodyElement, byOperation, env11, env12, fixtureContracts, NS, postSoap, readFault, VAULT_HEADERS } from './support.ts';

const CLOCK = '/Remote/Demo9/Clock.svc';
const VAULT = '/Remote/Demo9/Vault.svc';
const ACTION = {
  getTime: 'http://example.test/ws/Demo9/Clock/GetTime',
  setTime: 'http://example.test/ws/Demo9/Clock/SetTime',
  getSecrets: 'http://example.test/ws/Demo9/Vault/GetSecrets',
  saveSecret: 'http://example.test/ws/Demo9/Vault/SaveSecret',
};

const getTime = (zone = 'UTC') => env11(`<C:GetTime><C:Zone xsi:type="xsd:string">${zone}</C:Zone></C:GetTime>`);
const setTime = (extra = '') => env11(`<C:SetTime><C:Now xsi:type="xsd:dateTime">2024-01-01T00:00:00Z</C:Now>${extra}</C:SetTime>`);
const getSecrets = (kind = 'imap') => env12(`<V:GetSecrets><V:Kind xsi:type="xsd:string">${kind}</V:Kind></V:GetSecrets>`, VAULT_HEADERS);

/** Wait (bounded) until the other side ends or closes a socket. */
function closedWithin(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const t = setTimeout(() => resolve(false), ms);
    const done = () => {
      clearTimeout(t);
      resolve(true);
    };
    socket.once('end', done).once('close', done);
  });
}

let contracts: Contract[];
let mock: MockServer;
const log: MockLogEntry[] = [];

beforeAll(async () => {
  contracts = await fixtureContracts();
  mock = await startMock({ contracts, onRequest: (e) => log.push(e) });
});
afterAll(async () => {
  await mock?.close();
});

const at = (path: string) => new URL(path.replace(/^\//, ''), mock.url).toString();

describe('mock server: binding and routing', () => {
  it('binds to loopback on an ephemeral port by default', () => {
    expect(mock.host).toBe('127.0.0.1');
    expect(mock.port).toBeGreaterThan(0);
    expect(mock.url).toBe(`http://127.0.0.1:${mock.port}/`);
    expect(mock.operations.map((o) => o.operation).sort()).toEqual([
      'Demo9/Clock/GetTime', 'Demo9/Clock/SetTime', 'Demo9/Vault/GetSecrets', 'Demo9/Vault/SaveSecret',
    ]);
  });

  it('routes by endpoint path and answers each contract\'s own built request with its response', async () => {
    for (const c of contracts) {
      const r = await postSoap(at(c.endpoint), c.soapVersion, buildMessage(c, 'request'), c.action);
      expect(r.status, `${c.operation}: ${r.body}`).toBe(200);
      const el = bodyElement(r.body);
      expect({ ns: el.ns, local: el.local }).toEqual(c.response.body.name);
    }
  });

  it('matches the endpoint on the path suffix, so a base path in front works', async () => {
    const r = await postSoap(at(`/Cust12345/Remote/Services/${VAULT}`), '1.2', getSecrets(), ACTION.getSecrets);
    expect(r.status).toBe(200);
    expect(bodyElement(r.body).local).toBe('GetSecretsResponse');
  });

  it('routes by SOAP action between operations on one path (1.1 SOAPAction, quoted)', async () => {
    const r = await postSoap(at(CLOCK), '1.1', setTime(), ACTION.setTime);
    expect(r.status).toBe(200);
    expect(bodyElement(r.body).local).toBe('SetTimeResponse');
  });

  it('accepts an unquoted SOAPAction header', async () => {
    const res = await request(at(CLOCK), { method: 'POST', body: getTime(), headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: ACTION.getTime } });
    expect(res.statusCode).toBe(200);
    expect(bodyElement(await res.body.text()).local).toBe('GetTimeResponse');
  });

  it('routes by the 1.2 action parameter of the content type', async () => {
    const save = buildMessage(byOperation(contracts, 'Vault/SaveSecret'), 'request');
    const r = await postSoap(at(VAULT), '1.2', save, ACTION.saveSecret);
    expect(r.status).toBe(200);
    expect(bodyElement(r.body).local).toBe('SaveSecretResponse');
  });

  it('routes by the body element when no action tells', async () => {
    // 1.2 allows the action parameter to be absent; the body element decides.
    const r = await postSoap(at(VAULT), '1.2', getSecrets());
    expect(r.status, r.body).toBe(200);
    expect(bodyElement(r.body).local).toBe('GetSecretsResponse');
  });

  it('answers SOAP 1.1 as text/xml and SOAP 1.2 as application/soap+xml', async () => {
    const a = await postSoap(at(CLOCK), '1.1', getTime(), ACTION.getTime);
    expect(a.contentType).toMatch(/^text\/xml\b/);
    expect(bodyElement(a.body).ns).toBe(NS.clock);
    const b = await postSoap(at(VAULT), '1.2', getSecrets(), ACTION.getSecrets);
    expect(b.contentType).toMatch(/^application\/soap\+xml\b/);
  });
});

describe('mock server: requests that break their contract', () => {
  it.each([
    { name: 'SOAP 1.1 missing field', version: '1.1', path: CLOCK, action: ACTION.getTime, body: env11('<C:GetTime/>'), status: 500, code: 'Client', rule: 'field/missing' },
    { name: 'SOAP 1.1 bad xsd:int value', version: '1.1', path: CLOCK, action: ACTION.setTime, body: setTime('<C:Count xsi:type="xsd:int">twelve</C:Count>'), status: 500, code: 'Client', rule: 'value/lexical' },
    { name: 'SOAP 1.1 unexpected field', version: '1.1', path: CLOCK, action: ACTION.getTime, body: env11('<C:GetTime><C:Zone>UTC</C:Zone><C:Extra>1</C:Extra></C:GetTime>'), status: 500, code: 'Client', rule: 'field/unexpected' },
    { name: 'SOAP 1.2 wrong namespace', version: '1.2', path: VAULT, action: ACTION.getSecrets, body: env12('<V:GetSecrets><Kind xmlns="urn:other">imap</Kind></V:GetSecrets>', VAULT_HEADERS), status: 400, code: 'Sender', rule: 'namespace/mismatch' },
    { name: 'SOAP 1.2 wrong xsi:type', version: '1.2', path: VAULT, action: ACTION.getSecrets, body: env12('<V:GetSecrets><V:Kind xsi:type="xsd:int">1</V:Kind></V:GetSecrets>', VAULT_HEADERS), status: 400, code: 'Sender', rule: 'xsi-type/mismatch' },
  ] as const)('$name → $code fault listing $rule', async ({ version, path, action, body, status, code, rule }) => {
    const r = await postSoap(at(path), version, body, action);
    expect(r.status).toBe(status);
    expect(r.contentType).toMatch(version === '1.1' ? /^text\/xml/ : /^application\/soap\+xml/);
    const fault = readFault(r.body);
    expect(fault.version).toBe(version);
    expect(fault.code).toBe(code);
    expect(fault.rules).toContain(rule);
    expect(fault.messages.every((m) => m.length > 0)).toBe(true);
  });

  it('routes by action before the body element, so a body for another operation is body/element', async () => {
    // Two operations share the path; the action names SetTime, the body is GetTime's.
    const r = await postSoap(at(CLOCK), '1.1', getTime(), ACTION.setTime);
    expect(r.status).toBe(500);
    const fault = readFault(r.body);
    expect(fault.rules).toContain('body/element');
    expect(fault.reason).toContain('Demo9/Clock/SetTime');
  });

  it('reports an action no operation has as http/action when the body names the operation', async () => {
    const r = await postSoap(at(CLOCK), '1.1', getTime(), 'urn:no-such-action');
    expect(r.status).toBe(500);
    expect(readFault(r.body).rules).toContain('http/action');
  });

  it('never quotes a secret value in the fault', async () => {
    const body = env12('<V:SaveSecret><V:Kind>imap</V:Kind><V:Secret><V:SecretValue>hunter2-very-secret</V:SecretValue></V:Secret></V:SaveSecret>', VAULT_HEADERS);
    const r = await postSoap(at(VAULT), '1.2', body, ACTION.saveSecret);
    expect(r.status).toBe(400);
    expect(readFault(r.body).rules.length).toBeGreaterThan(0);
    expect(r.body).not.toContain('hunter2-very-secret');
  });

  it('answers a request in the other SOAP version with a VersionMismatch fault in the request\'s version', async () => {
    const asV11 = env11(`<GetSecrets xmlns="${NS.vault}"><Kind>imap</Kind></GetSecrets>`);
    const r = await postSoap(at(VAULT), '1.1', asV11, ACTION.getSecrets);
    expect(r.status).toBe(500);
    expect(r.contentType).toMatch(/^text\/xml/);
    const fault = readFault(r.body);
    expect(fault).toMatchObject({ version: '1.1', code: 'VersionMismatch' });
    expect(fault.reason).toMatch(/SOAP 1\.2/);
  });

  it('answers malformed XML with a sender fault (envelope/not-xml)', async () => {
    for (const [path, version, action] of [[CLOCK, '1.1', ACTION.getTime], [VAULT, '1.2', undefined]] as const) {
      const r = await postSoap(at(path), version, '<s:Envelope><s:Body><unclosed></s:Body>', action);
      const fault = readFault(r.body);
      expect(fault.version).toBe(version);
      expect(fault.code).toBe(version === '1.1' ? 'Client' : 'Sender');
      expect(fault.rules).toContain('envelope/not-xml');
    }
  });

  it('refuses a DOCTYPE (no entity expansion) with a sender fault, not a crash', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${env11('<C:GetTime><C:Zone>&e;</C:Zone></C:GetTime>').replace(/^<\?xml[^>]*>/, '')}`;
    for (const action of [ACTION.getTime, undefined]) {
      // With an action the operation is known; without one the body cannot be read to route by.
      const r = await postSoap(at(CLOCK), '1.1', xxe, action);
      expect(r.status).toBe(500);
      const fault = readFault(r.body);
      expect(fault.code).toBe('Client');
      expect(fault.rules).toContain('envelope/forbidden');
      expect(r.body).not.toContain('root:');
    }
  });
});

describe('mock server: HTTP refusals', () => {
  it('unknown path → 404', async () => {
    const r = await postSoap(at('/Remote/Demo9/Nothing.svc'), '1.1', getTime(), ACTION.getTime);
    expect(r.status).toBe(404);
  });

  it('wrong method → 405 with Allow', async () => {
    const r = await request(at(CLOCK), { method: 'PUT', body: getTime(), headers: { 'content-type': 'text/xml' } });
    expect(r.statusCode).toBe(405);
    expect(r.headers['allow']).toBe('POST, GET, HEAD');
    await r.body.dump();
  });

  it('GET on a served path lists its operations; GET / lists all', async () => {
    const one = await request(at(CLOCK));
    expect(one.statusCode).toBe(200);
    const text = await one.body.text();
    expect(text).toContain('Demo9/Clock/GetTime');
    expect(text).toContain(ACTION.setTime);
    expect(text).not.toContain('Vault');
    const all = await request(mock.url);
    expect(await all.body.text()).toContain('Demo9/Vault/SaveSecret');
  });

  it('oversized body → 413, declared by Content-Length or streamed chunked', async () => {
    const small = await startMock({ contracts, maxBodyBytes: 2048 });
    try {
      const big = getTime('x'.repeat(10_000));
      const declared = await request(new URL(CLOCK.slice(1), small.url), { method: 'POST', body: big, headers: { 'content-type': 'text/xml', soapaction: ACTION.getTime } });
      expect(declared.statusCode).toBe(413);
      await declared.body.dump();
      // No Content-Length: the body arrives chunked, and the limit is found while reading.
      const chunks = Readable.from(Array.from({ length: 8 }, (_, i) => Buffer.from(big.slice(i * 1250, (i + 1) * 1250))));
      const streamed = await request(new URL(CLOCK.slice(1), small.url), { method: 'POST', body: chunks, headers: { 'content-type': 'text/xml', soapaction: ACTION.getTime } });
      expect(streamed.statusCode).toBe(413);
      await streamed.body.dump();
      // Expect: 100-continue with a declared size over the limit: 413 instead of 100, before any body.
      const socket = connect(small.port, '127.0.0.1');
      try {
        const first = await new Promise<string>((resolve, reject) => {
          socket.once('data', (d: Buffer) => resolve(d.toString('latin1')));
          socket.once('error', reject);
          socket.write(`POST ${CLOCK} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: 10000\r\nExpect: 100-continue\r\n\r\n`);
        });
        expect(first).toMatch(/^HTTP\/1\.1 413 /);
      } finally {
        socket.destroy();
      }
      // Still serving.
      const ok = await postSoap(new URL(CLOCK.slice(1), small.url).toString(), '1.1', getTime(), ACTION.getTime);
      expect(ok.status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

/** Open a raw connection and send `text`; resolves with the socket once connected. */
function rawSend(port: number, text: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(text);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Everything a socket receives until the other side closes it (bounded by `ms`). */
function answerOf(socket: Socket, ms = 10_000): Promise<string> {
  return new Promise((resolve) => {
    let got = '';
    const t = setTimeout(() => resolve(got), ms);
    socket.on('data', (d: Buffer) => (got += d.toString('latin1')));
    socket.once('close', () => {
      clearTimeout(t);
      resolve(got);
    });
    socket.once('error', () => {});
  });
}

describe('mock server: hostile clients (issue 10)', () => {
  it('CONNECT → 405 with Allow, not a dropped connection', async () => {
    const socket = await rawSend(mock.port, 'CONNECT 127.0.0.1:9 HTTP/1.1\r\nHost: 127.0.0.1:9\r\n\r\n');
    const answer = await answerOf(socket);
    expect(answer).toMatch(/^HTTP\/1\.1 405 Method Not Allowed\r\n/);
    expect(answer).toMatch(/\r\nAllow: POST, GET, HEAD\r\n/);
    socket.destroy();
  });

  it('bounds the request bodies held over all connections: past the total, 503 with Retry-After, and it keeps serving', async () => {
    const kib = 1024;
    const small = await startMock({ contracts, maxBodyBytes: 64 * kib, maxHeldBytes: 100 * kib });
    const sockets: Socket[] = [];
    try {
      const head = `POST ${CLOCK} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nSOAPAction: "${ACTION.getTime}"\r\nContent-Length: ${60 * kib}\r\n\r\n`;
      // Two bodies under maxBodyBytes, each held unfinished: 80 KiB of the 100 KiB.
      for (let i = 0; i < 2; i++) sockets.push(await rawSend(small.port, head + 'x'.repeat(40 * kib)));
      for (let i = 0; i < 500 && small.heldBytes < 80 * kib; i++) await new Promise((r) => setTimeout(r, 10));
      expect(small.heldBytes).toBe(80 * kib);
      // A third would pass the total: refused, not buffered.
      const third = await rawSend(small.port, head + 'x'.repeat(40 * kib));
      sockets.push(third);
      const answer = await answerOf(third);
      expect(answer).toMatch(/^HTTP\/1\.1 503 /);
      expect(answer).toMatch(/\r\nretry-after: 1\r\n/i);
      expect(small.heldBytes).toBe(80 * kib);
      // The held ones finish and are given back; a new request is served.
      const first = new Promise<string>((resolve) => sockets[0]!.once('data', (d: Buffer) => resolve(d.toString('latin1'))));
      sockets[0]!.write('y'.repeat(20 * kib));
      expect(await first).toMatch(/^HTTP\/1\.1 [45]00 /); // a fault for a body of x's: answered, not refused
      for (let i = 0; i < 500 && small.heldBytes > 40 * kib; i++) await new Promise((r) => setTimeout(r, 10));
      expect(small.heldBytes).toBe(40 * kib);
      const ok = await postSoap(new URL(CLOCK.slice(1), small.url).toString(), '1.1', getTime(), ACTION.getTime);
      expect(ok.status).toBe(200);
    } finally {
      for (const s of sockets) s.destroy();
      await small.close();
    }
  });
});

describe('mock server: charset (issue 10)', () => {
  it('a request whose Content-Type charset disagrees with its declared encoding gets a Sender fault naming http/charset', async () => {
    const send = async (charset: string, declared: string) => {
      const body = Buffer.from(getTime().replace(/^(<\?xml[^>]*encoding=")[^"]*/, `$1${declared}`), 'latin1');
      const r = await request(at(CLOCK), { method: 'POST', body, headers: { 'content-type': `text/xml; charset=${charset}`, soapaction: `"${ACTION.getTime}"` } });
      return { status: r.statusCode, body: await r.body.text() };
    };
    const wrong = await send('utf-8', 'ISO-8859-1');
    expect(wrong.status).toBe(500);
    expect(readFault(wrong.body).rules).toEqual(['http/charset']);
    expect((await send('latin1', 'ISO-8859-1')).status).toBe(200);
    expect((await send('UTF8', 'utf-8')).status).toBe(200);
  });
});

describe('mock server: early answers reach a client still sending (issue 10)', () => {
  /**
   * Send a request from a raw socket, its body a chunk at a time, each after the last was taken by the kernel, so
   * the client is still sending when the mock answers. Resolves with what was read until the mock closed, and the
   * socket's error if any: a mock that closes with the body unread makes the kernel reset the connection (the
   * client's next write fails with EPIPE or ECONNRESET), and a reset can lose an answer not read yet.
   */
  function sendAll(port: number, head: string, body: Buffer): Promise<{ answer: string; error?: string }> {
    return new Promise((resolve) => {
      let answer = '';
      let error: string | undefined;
      const socket = connect({ port, host: '127.0.0.1', allowHalfOpen: true }, async () => {
        socket.write(head);
        for (let i = 0; i < body.length && !socket.destroyed; i += 16 * 1024) {
          await new Promise<void>((r) => socket.write(body.subarray(i, i + 16 * 1024), () => r()));
        }
        if (!socket.destroyed) socket.end();
      });
      socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
      socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
      socket.on('close', () => resolve(error === undefined ? { answer } : { answer, error }));
    });
  }
  const post = (path: string, length: number, method = 'POST') =>
    `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: ${length}\r\n\r\n`;
  const chunked = (path: string) => `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nTransfer-Encoding: chunked\r\n\r\n`;
  const asChunk = (body: Buffer) => Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from('\r\n0\r\n\r\n')]);

  it('413 for an over-limit body, declared or streamed chunked: the rest is read, the answer arrives, the close is clean', async () => {
    const small = await startMock({ contracts, maxBodyBytes: 1024 });
    try {
      const body = Buffer.from(getTime('x'.repeat(4 * 1024 * 1024)));
      for (let i = 0; i < 5; i++) {
        const declared = await sendAll(small.port, post(CLOCK, body.length), body);
        expect(declared).toEqual({ answer: expect.stringMatching(/^HTTP\/1\.1 413 /) });
        const streamed = await sendAll(small.port, chunked(CLOCK), asChunk(body));
        expect(streamed).toEqual({ answer: expect.stringMatching(/^HTTP\/1\.1 413 /) });
      }
    } finally {
      await small.close();
    }
  });

  it('404, 405 and 503 before the body is read: the same', async () => {
    const small = await startMock({ contracts, maxBodyBytes: 8 * 1024 * 1024, maxHeldBytes: 1024 });
    try {
      const body = Buffer.from(getTime('x'.repeat(4 * 1024 * 1024)));
      for (const [head, status] of [[post('/nowhere', body.length), 404], [post(CLOCK, body.length, 'PUT'), 405], [post(CLOCK, body.length), 503]] as const) {
        expect(await sendAll(small.port, head, body)).toEqual({ answer: expect.stringMatching(new RegExp(`^HTTP/1\\.1 ${status} `)) });
      }
      expect(small.heldBytes).toBe(0);
    } finally {
      await small.close();
    }
  });

  it('431 for headers over the limit: the same', async () => {
    const headers = Buffer.from(Array.from({ length: 80_000 }, (_, i) => `X-Filler-${i}: ${'y'.repeat(40)}\r\n`).join('') + '\r\n');
    for (let i = 0; i < 5; i++) {
      expect(await sendAll(mock.port, `POST ${CLOCK} HTTP/1.1\r\nHost: 127.0.0.1\r\n`, headers)).toEqual({ answer: expect.stringMatching(/^HTTP\/1\.1 431 /) });
    }
  });

  it('draining is bounded: a declared body past the bound is answered at once, an endless one within the request timeout', async () => {
    const small = await startMock({ contracts, maxBodyBytes: 1024, requestTimeoutMs: 500, headersTimeoutMs: 500 });
    try {
      const huge = await rawSend(small.port, post(CLOCK, 1024 ** 3));
      expect(await answerOf(huge, 5_000)).toMatch(/^HTTP\/1\.1 413 /);
      huge.destroy();
      const endless = await rawSend(small.port, chunked(CLOCK) + '1000\r\n' + 'x'.repeat(4096) + '\r\n');
      const drip = setInterval(() => endless.writable && endless.write('10\r\n' + 'x'.repeat(16) + '\r\n'), 20);
      const answer = await answerOf(endless, 5_000);
      clearInterval(drip);
      endless.destroy();
      expect(answer).toMatch(/^HTTP\/1\.1 413 /);
      const ok = await postSoap(new URL(CLOCK.slice(1), small.url).toString(), '1.1', getTime(), ACTION.getTime);
      expect(ok.status).toBe(200);
    } finally {
      await small.close();
    }
  });
});

describe('mock server: keep-alive', () => {
  it('keeps idle connections 5 s by default, and as long as keepAliveTimeoutMs says (the run\'s embedded mock: longer than its client)', async () => {
    const long = await startMock({ contracts, keepAliveTimeoutMs: 120_000 });
    try {
      const hint = async (url: string) => String((await postSoap(new URL(CLOCK.slice(1), url).toString(), '1.1', getTime(), ACTION.getTime)).headers['keep-alive']);
      expect(await hint(mock.url)).toBe('timeout=5');
      expect(await hint(long.url)).toBe('timeout=120');
    } finally {
      await long.close();
    }
  });
});

describe('mock server: robustness', () => {
  it('a client that resets mid-body does not take the mock down', async () => {
    const socket = connect(mock.port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
    socket.write(`POST ${CLOCK} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nContent-Length: 5000\r\n\r\n<s:Envelope xmlns:s="${NS.s11}"><s:Body>`);
    // The mock holds the partial body before the reset, and gives it back after (bounded polling, no fixed wait).
    for (let i = 0; i < 500 && mock.heldBytes === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(mock.heldBytes).toBeGreaterThan(0);
    socket.resetAndDestroy();
    for (let i = 0; i < 500 && mock.heldBytes > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(mock.heldBytes).toBe(0);
    const r = await postSoap(at(CLOCK), '1.1', getTime(), ACTION.getTime);
    expect(r.status).toBe(200);
  });

  it('cuts off a client that sends its headers too slowly (slowloris), and keeps serving', async () => {
    const slow = await startMock({ contracts, headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const socket = connect(slow.port, '127.0.0.1');
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
      socket.on('error', () => {});
      socket.resume(); // flowing, so that the server's end of the connection is seen
      socket.write(`POST ${CLOCK} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
      const drip = setInterval(() => socket.writable && socket.write('X-Slow: 1\r\n'), 100);
      const closed = await closedWithin(socket, 5_000);
      clearInterval(drip);
      expect(closed).toBe(true);
      const ok = await postSoap(new URL(CLOCK.slice(1), slow.url).toString(), '1.1', getTime(), ACTION.getTime);
      expect(ok.status).toBe(200);
    } finally {
      socket.destroy();
      await slow.close();
    }
  });

  it('serves concurrent clients (64 requests, 16 connections)', async () => {
    const pool = new Pool(mock.url, { connections: 16 });
    try {
      const results = await Promise.all(
        Array.from({ length: 64 }, async (_, i) => {
          const good = i % 4 !== 0;
          const r = await pool.request({
            path: CLOCK,
            method: 'POST',
            body: good ? getTime(`Zone${i}`) : env11('<C:GetTime/>'),
            headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${ACTION.getTime}"` },
          });
          return { good, status: r.statusCode, body: await r.body.text() };
        }),
      );
      for (const r of results) {
        expect(r.status).toBe(r.good ? 200 : 500);
        if (r.good) expect(bodyElement(r.body).local).toBe('GetTimeResponse');
        else expect(readFault(r.body).rules).toContain('field/missing');
      }
    } finally {
      await pool.close();
    }
  });

  it('logs one entry per request with operation and finding count, never bodies or queries', async () => {
    log.length = 0;
    await postSoap(at(`${CLOCK}?ticket=do-not-log`), '1.1', env11('<C:GetTime/>'), ACTION.getTime);
    expect(log).toHaveLength(1);
    const e = log[0]!;
    expect(e).toMatchObject({ method: 'POST', path: CLOCK, status: 500, operation: 'Demo9/Clock/GetTime' });
    expect(e.findings).toBeGreaterThan(0);
    expect(JSON.stringify(e)).not.toContain('do-not-log');
  });
});
