/**
 * soapcheck/vitest: a run's cases as tests of the user's own vitest. This file registers the shipped
 * Favourite pack's cases for real (they run against the embedded mock and pass), and watches what
 * registerRun registers with a test API of its own: a case that fails its checks fails its test with
 * the findings; input errors reject at collection time.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerRun, soapcheckRun, type TestApi } from '../../src/embed/vitest.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const FAVOURITE = join(REPO_ROOT, 'contracts', 'superoffice', 'Services88', 'Favourite');

// Registered for real: one describe ("contracts", the ad-hoc suite), one test per operation, run on the embedded mock.
await soapcheckRun(FAVOURITE);

/** What a run registers, and a way to run it as vitest would. */
function recorder(): TestApi & { tests: Map<string, () => void>; hooks: Array<() => Promise<unknown>>; suites: string[] } {
  const tests = new Map<string, () => void>();
  const hooks: Array<() => Promise<unknown>> = [];
  const suites: string[] = [];
  return {
    tests,
    hooks,
    suites,
    describe: (name, body) => {
      suites.push(name);
      body();
    },
    it: (name, body) => void tests.set(name, body),
    beforeAll: (body) => void hooks.push(body),
  };
}

describe('registerRun', () => {
  let server: Server;
  let url = '';
  beforeAll(async () => {
    // An endpoint whose IsFavourite answer holds "maybe" where the WSDL says boolean.
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' });
        res.end(`<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><IsFavouriteResponse xmlns="http://www.superoffice.net/ws/crm/NetServer/Services88"><Response>maybe</Response></IsFavouriteResponse></s:Body></s:Envelope>`);
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('registers one test per case under its suite; a case that breaks the contract fails its test with the findings', async () => {
    const api = recorder();
    await registerRun([join(FAVOURITE, 'IsFavourite.yaml'), '--endpoint', url, '--var', 'SO_APP_TOKEN=app', '--var', 'SO_TICKET=7T:t'], api);
    expect(api.suites).toEqual(['contracts']);
    expect([...api.tests.keys()]).toEqual(['Services88/Favourite/IsFavourite']);
    for (const h of api.hooks) await h();
    expect(() => api.tests.get('Services88/Favourite/IsFavourite')!()).toThrow(/value\/lexical.*maybe|maybe.*boolean/s);
  });

  it('runs the cases once for all tests, and a passing case passes', async () => {
    const api = recorder();
    await registerRun([join(FAVOURITE, 'AddFavourite.yaml'), join(FAVOURITE, 'IsFavourite.yaml')], api);
    await Promise.all([...api.hooks, ...api.hooks].map((h) => h()));
    for (const t of api.tests.values()) expect(t).not.toThrow();
  });

  it("takes soapcheck run's -t and --operation: only the chosen cases are registered and run", async () => {
    const api = recorder();
    await registerRun([FAVOURITE, '-t', '/(Add|Remove)Favourites?$'], api);
    expect([...api.tests.keys()]).toEqual(['Services88/Favourite/AddFavourite', 'Services88/Favourite/AddFavourites', 'Services88/Favourite/RemoveFavourite']);
    const ops = recorder();
    await registerRun([FAVOURITE, '--operation', 'Is*'], ops);
    expect([...ops.tests.keys()]).toEqual(['Services88/Favourite/IsFavourite']);
    for (const h of ops.hooks) await h();
    for (const t of ops.tests.values()) expect(t).not.toThrow();
  });

  it('rejects input errors when the file is collected', async () => {
    await expect(registerRun(['no-such.suite.yaml'], recorder())).rejects.toThrow(/suite file not found/);
  });
});
