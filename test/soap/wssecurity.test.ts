/**
 * WS-Security UsernameToken and Timestamp (OASIS WSS 1.1), checked against an implementation nobody
 * here wrote: node-soap. Its WSSecurity builds the same header (compared element by element), its
 * passwordDigest gives the same digest, and a node-soap server whose authenticate() checks the token
 * accepts soapcheck's requests and refuses a wrong password.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as soap from 'soap';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContracts } from '../../src/contract/load.ts';
import type { Contract } from '../../src/contract/model.ts';
import { buildMessage } from '../../src/soap/build.ts';
import { passwordDigest, WSSE_NS, WSU_NS, wsSecurityHeader, type WsSecurity } from '../../src/soap/wssecurity.ts';
import { childElements, parseXml, type XElement } from '../../src/xml/index.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const FIX = join(REPO_ROOT, 'test/fixtures/wss');

/** Expanded names, attributes (but wsu:Id, whose value each side makes up) and, for leaves, whether there is text: the shape of the header. */
function shape(el: XElement): unknown {
  const kids = childElements(el);
  return {
    name: `{${el.ns}}${el.local}`,
    attrs: el.attrs.filter((a) => a.local !== 'Id').map((a) => `{${a.ns}}${a.local}=${a.value}`).sort(),
    ...(kids.length ? { children: kids.map(shape) } : {}),
  };
}

function root(xml: string): XElement {
  const r = parseXml(xml);
  if (!r.ok) throw new Error(r.message);
  return r.doc.root;
}

function text(el: XElement, ...path: string[]): string {
  let cur: XElement | undefined = el;
  for (const p of path) cur = cur && childElements(cur).find((c) => c.local === p);
  return cur ? cur.children.map((c) => (c.kind === 'text' ? c.value : '')).join('') : '';
}

describe('the wsse:Security header next to node-soap\'s', () => {
  it.each([
    ['PasswordText with Timestamp and Created', { passwordType: 'PasswordText' }, { passwordType: 'PasswordText', hasTimeStamp: true, hasTokenCreated: true }],
    ['PasswordText with a Nonce', { passwordType: 'PasswordText', nonce: true }, { passwordType: 'PasswordText', hasNonce: true }],
    ['PasswordDigest', { passwordType: 'PasswordDigest' }, { passwordType: 'PasswordDigest' }],
    ['PasswordText, no Timestamp', { passwordType: 'PasswordText', timestampSeconds: 0 }, { passwordType: 'PasswordText', hasTimeStamp: false }],
  ] as const)('%s: same elements and attributes, in the same order', (_name, ours, theirs) => {
    const mine = root(wsSecurityHeader({ username: 'alice', password: 'pw&<"', ...ours } as WsSecurity, '1.1'));
    const nodeSoap = root(new soap.WSSecurity('alice', 'pw&<"', theirs as never).toXML());
    expect(shape(mine)).toEqual(shape(nodeSoap));
    expect(text(mine, 'UsernameToken', 'Username')).toBe('alice');
  });

  it('computes the PasswordDigest as node-soap does (Base64(SHA-1(nonce + created + password)))', () => {
    const nonce = Buffer.from('0123456789abcdef').toString('base64');
    expect(passwordDigest(nonce, '2026-12-03T10:00:00Z', 'sécret')).toBe(soap.passwordDigest(nonce, '2026-12-03T10:00:00Z', 'sécret'));
    const el = root(wsSecurityHeader({ username: 'u', password: 'p', passwordType: 'PasswordDigest' }, '1.2', new Date(Date.UTC(2026, 11, 3, 10)), nonce));
    expect(text(el, 'UsernameToken', 'Password')).toBe(soap.passwordDigest(nonce, '2026-12-03T10:00:00Z', 'p'));
    expect(text(el, 'UsernameToken', 'Created')).toBe('2026-12-03T10:00:00Z');
    expect(text(el, 'Timestamp', 'Expires')).toBe('2026-12-03T10:05:00Z');
    expect(el.ns).toBe(WSSE_NS);
    expect(childElements(el)[0]!.ns).toBe(WSU_NS);
  });

  it('a fresh nonce on every call', () => {
    const nonces = new Set(Array.from({ length: 20 }, () => text(root(wsSecurityHeader({ username: 'u', password: 'p', passwordType: 'PasswordDigest' }, '1.1')), 'UsernameToken', 'Nonce')));
    expect(nonces.size).toBe(20);
  });

  it('mustUnderstand in the SOAP version\'s own spelling', () => {
    expect(wsSecurityHeader({ username: 'u', password: 'p', mustUnderstand: true }, '1.1')).toMatch(/xmlns:wsse-env="http:\/\/schemas\.xmlsoap\.org\/soap\/envelope\/" wsse-env:mustUnderstand="1"/);
    expect(wsSecurityHeader({ username: 'u', password: 'p', mustUnderstand: true }, '1.2')).toMatch(/wsse-env:mustUnderstand="true"/);
  });
});

describe('a node-soap server that checks the token', () => {
  let server: Server;
  let url: string;
  let ping: Contract;
  const seen: string[] = [];

  beforeAll(async () => {
    ping = (await loadContracts([join(FIX, 'Ping.yaml')])).contracts[0]!;
    server = createServer((_req, res) => res.writeHead(404).end());
    const service = { PingService: { PingPort: { Ping: (args: { Text: string }) => ({ Text: args.Text }) } } };
    const listener = soap.listen(server, '/ping', service, readFileSync(join(FIX, 'ping.wsdl'), 'utf8'));
    // node-soap hands authenticate() the parsed wsse:Security header; accept only alice with password "s3cr&t".
    listener.authenticate = (security: Record<string, any> | undefined) => {
      const token = security?.UsernameToken;
      if (!token) return false;
      const password = token.Password;
      const type: string = password?.attributes?.Type ?? '';
      const value: string = password?.$value ?? password;
      seen.push(type.replace(/^.*#/, ''));
      if (token.Username !== 'alice') return false;
      if (type.endsWith('#PasswordDigest')) return value === soap.passwordDigest(token.Nonce?.$value ?? token.Nonce, token.Created, 's3cr&t');
      return value === 's3cr&t';
    };
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ping`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  async function send(ws: WsSecurity): Promise<{ status: number; body: string }> {
    const body = buildMessage(ping, 'request', { extraHeaderBlocks: [wsSecurityHeader(ws, '1.1')] });
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${ping.action}"` }, body });
    return { status: res.status, body: await res.text() };
  }

  it.each(['PasswordText', 'PasswordDigest'] as const)('accepts soapcheck\'s %s token and answers', async (passwordType) => {
    const r = await send({ username: 'alice', password: 's3cr&t', passwordType });
    expect(r.status, r.body).toBe(200);
    expect(r.body).toMatch(/PingResponse/);
    expect(seen.at(-1)).toBe(passwordType);
  });

  it.each(['PasswordText', 'PasswordDigest'] as const)('refuses a wrong password sent as %s', async (passwordType) => {
    const r = await send({ username: 'alice', password: 'wrong', passwordType });
    expect(r.status).not.toBe(200);
    expect(r.body).toMatch(/Invalid username or password/);
  });
});
