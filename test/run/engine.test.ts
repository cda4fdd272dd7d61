/**
 * The run engine in-process: every case is reported exactly once with the identity the plan gave it, the -t
 * filter and --shard choose cases before the run, --retry reruns a case that did not pass, and an interrupt
 * (also one before the first case started) reports the cases not finished as skipped.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type MockServer } from '../../src/mock/server.ts';
import { Redactor } from '../../src/secrets/redact.ts';
import { executeRun, type ExecuteOptions } from '../../src/run/engine.ts';
import type { RunEnd, RunListener, RunStart } from '../../src/run/events.ts';
import type { RunOptions } from '../../src/run/options.ts';
import { planRun } from '../../src/run/plan.ts';
import type { CaseResult } from '../../src/run/result.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const SUITE = join(REPO_ROOT, 'test/fixtures/run/inventory.suite.yaml');

function options(over: Partial<RunOptions> = {}): RunOptions {
  return { suites: [SUITE], contracts: [], concurrency: 4, timeoutMs: 10_000, vars: {}, insecure: false, out: '/nonexistent', ...over };
}

class Recorder implements RunListener {
  start?: RunStart;
  results: CaseResult[] = [];
  end?: RunEnd;
  onRunStart(s: RunStart) {
    this.start = s;
  }
  onCaseResult(r: CaseResult) {
    this.results.push(r);
  }
  onRunEnd(e: RunEnd) {
    this.end = e;
  }
}

async function run(opts: RunOptions, extra: Partial<ExecuteOptions> = {}): Promise<Recorder> {
  const redactor = new Redactor();
  const plan = await planRun(opts, redactor, {});
  expect(plan.problems).toEqual([]);
  const listener = new Recorder();
  await executeRun({ plan, options: opts, redactor, listener, ...extra });
  return listener;
}

describe('executeRun on the embedded mock', () => {
  it('reports every planned case once, by the identity it was announced with', async () => {
    const r = await run(options());
    expect(r.start!.cases).toHaveLength(9);
    expect(r.results.map((c) => c.id).sort()).toEqual(r.start!.cases.map((c) => c.id).sort());
    expect(r.results.every((c) => c.status === 'passed')).toBe(true);
    expect(r.end!.outcome).toBe('passed');
    expect(r.start!.environment).toMatchObject({ endpoint: 'embedded mock', profile: 'strict', versions: 'V1', suites: 'inventory' });
  });

  it('runs only the cases the -t filter matches, and the shard deals the rest', async () => {
    const filtered = await run(options(), { filter: /GetItem|Reflect/ });
    expect(filtered.results.map((c) => c.name).sort()).toEqual(['V1/Inventory/GetItem', 'V1/Inventory/Reflect']);
    const shards = await Promise.all([1, 2, 3].map((index) => run(options({ shard: { index, count: 3 } }))));
    expect(shards.map((s) => s.results.length)).toEqual([3, 3, 3]);
    expect(new Set(shards.flatMap((s) => s.results.map((c) => c.id))).size).toBe(9);
    // As documented: the case at position p of the unsharded plan (0-based) is in shard p % n + 1.
    const all = (await planRun(options(), new Redactor(), {})).suites[0]!.cases.map((c) => c.identity.id);
    shards.forEach((s, i) => expect(s.start!.cases.map((c) => c.id)).toEqual(all.filter((_, p) => p % 3 === i)));
  });

  it('reports every case as skipped when interrupted before the first case started', async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await run(options(), { signal: controller.signal });
    expect(r.results).toHaveLength(9);
    expect(r.results.every((c) => c.status === 'skipped')).toBe(true);
    expect(r.end!.outcome).toBe('interrupted');
  });
});

describe('executeRun --retry', () => {
  let mock: MockServer;
  let proxy: Server;
  let url: string;
  let failuresLeft = 0;

  beforeAll(async () => {
    const redactor = new Redactor();
    const plan = await planRun(options(), redactor, {});
    mock = await startMock({ contracts: plan.suites[0]!.contracts, port: 0 });
    const target = new URL(mock.url);
    // Forwards to the mock, except that GetItem's next `failuresLeft` requests get a 503 HTML page.
    proxy = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks);
        if (body.includes('GetItem>') && failuresLeft > 0) {
          failuresLeft--;
          res.writeHead(503, { 'content-type': 'text/html' }).end('<html>busy</html>');
          return;
        }
        const fwd = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
          res.writeHead(r.statusCode ?? 500, r.headers);
          r.pipe(res);
        });
        fwd.end(body);
      });
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(proxy.address() as { port: number }).port}/`;
  });
  afterAll(async () => {
    proxy?.closeAllConnections();
    await new Promise((resolve) => proxy?.close(resolve));
    await mock?.close();
  });

  it('runs a case that did not pass again, and reports its last attempt', async () => {
    const vars = { SO_TICKET: 'retry-ticket-1234' };
    failuresLeft = 1;
    const once = await run(options({ endpoint: url, vars }), { filter: /GetItem/ });
    expect(once.results.map((c) => c.status)).toEqual(['failed']);
    failuresLeft = 1;
    const retried = await run(options({ endpoint: url, vars }), { filter: /GetItem/, retry: 1 });
    expect(retried.results.map((c) => c.status)).toEqual(['passed']);
    failuresLeft = 2;
    const exhausted = await run(options({ endpoint: url, vars }), { filter: /GetItem/, retry: 1 });
    expect(exhausted.results.map((c) => c.status)).toEqual(['failed']);
  });
});
