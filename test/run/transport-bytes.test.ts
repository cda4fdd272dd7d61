/**
 * `run` checks the bytes a server sent, as `mock` and `verify` do: invalid UTF-8, UTF-16 with a byte order mark and
 * Latin-1 with its XML declaration get the same verdict in a run as `checkMessage` gives those bytes (issue 10).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/checks/index.ts';
import { compileContract } from '../../src/checks/compiled.ts';
import { check } from '../../src/run/exchange.ts';
import { createTransport, type HttpResponse } from '../../src/run/transport.ts';
import { envelope } from '../checks/support/contract.ts';
import { resp, thing } from '../checks/support/fixtures.ts';

const utf8 = (s: string) => Buffer.from(s, 'utf8');
/** `text` as UTF-8 with `bytes` where its `@` is. */
const withBytes = (text: string, bytes: number[]) => Buffer.concat([utf8(text.slice(0, text.indexOf('@'))), Buffer.from(bytes), utf8(text.slice(text.indexOf('@') + 1))]);
const CASES: Array<[string, Buffer]> = [
  ['invalid UTF-8 in a value', withBytes(resp('<t:Id>1</t:Id><t:Name>a@</t:Name>'), [0xc3, 0x28])],
  ['UTF-16LE with a byte order mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(resp('<t:Id>1</t:Id><t:Name>ü</t:Name>').replace('encoding="utf-8"', 'encoding="UTF-16"'), 'utf16le')])],
  ['Latin-1, declared', Buffer.from(resp('<t:Id>1</t:Id><t:Name>café</t:Name>').replace('encoding="utf-8"', 'encoding="ISO-8859-1"'), 'latin1')],
  ['UTF-8, declared', utf8(resp('<t:Id>1</t:Id><t:Name>café</t:Name>'))],
];

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    const query = new URL(req.url!, 'http://x').searchParams;
    const c = CASES[Number(query.get('case'))]!;
    res.writeHead(200, { 'content-type': query.has('charset') ? `text/xml; charset=${query.get('charset')}` : 'text/xml' });
    res.end(c[1]);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

/** What a run's transport gives for a case. */
async function fetchCase(i: number, charset?: string): Promise<HttpResponse> {
  const t = createTransport({ timeoutMs: 5000 });
  try {
    return await t.send({ url: `${base}?case=${i}${charset !== undefined ? `&charset=${charset}` : ''}`, headers: {}, body: envelope('') });
  } finally {
    await t.close();
  }
}

describe('run sees the bytes the server sent', () => {
  it.each(CASES.map((c, i) => [c[0], i] as const))('%s: same verdict as checking the bytes', async (_name, i) => {
    const res = await fetchCase(i);
    expect(Buffer.from(res.bytes!)).toEqual(CASES[i]![1]);
    const config = { profile: 'strict' as const };
    const viaRun = check(thing, res, config).map((f) => f.rule);
    const viaBytes = checkMessage(compileContract(thing), { direction: 'response', body: CASES[i]![1], http: { status: res.status, headers: res.headers } }, config).findings.map((f) => f.rule);
    expect(viaRun).toEqual(viaBytes);
  });

  it('invalid UTF-8 is a finding in a run too (it passed before, as U+FFFD)', async () => {
    expect(check(thing, await fetchCase(0), { profile: 'strict' }).map((f) => f.rule)).toContain('envelope/not-xml');
  });

  it('UTF-16 with a byte order mark passes in a run too, and reads as text in the report', async () => {
    const res = await fetchCase(1);
    expect(check(thing, res, { profile: 'strict' }).filter((f) => f.severity === 'error')).toEqual([]);
    expect(res.body).toContain('<t:Name>ü</t:Name>');
  });

  it('a charset that disagrees with the declared encoding is http/charset in a run; one that agrees by another name is not', async () => {
    const rules = async (i: number, charset: string) => check(thing, await fetchCase(i, charset), { profile: 'strict' }).map((f) => f.rule);
    expect(await rules(2, 'utf-8')).toContain('http/charset'); // Latin-1, declared ISO-8859-1
    expect(await rules(2, 'latin1')).not.toContain('http/charset');
    expect(await rules(1, 'utf-8')).toContain('http/charset'); // UTF-16LE by its byte order mark
    expect(await rules(1, 'UTF-16')).not.toContain('http/charset');
    expect(await rules(3, 'UTF8')).not.toContain('http/charset');
  });
});
