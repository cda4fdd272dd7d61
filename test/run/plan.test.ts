/** Planning: cases per suite, the embedded-mock fallback, and --shard dealing cases out. */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/secrets/redact.ts';
import type { RunOptions } from '../../src/run/options.ts';
import { parseShard } from '../../src/run/options.ts';
import { planRun } from '../../src/run/plan.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const base: RunOptions = {
  suites: [join(REPO_ROOT, 'test/fixtures/run/inventory.suite.yaml')],
  contracts: [],
  concurrency: 4,
  timeoutMs: 1000,
  vars: {},
  insecure: false,
  out: '/tmp/unused',
};

const names = async (o: RunOptions, env: NodeJS.ProcessEnv = {}) => {
  const p = await planRun(o, new Redactor(), env);
  expect(p.problems).toEqual([]);
  return p.suites.flatMap((s) => s.cases.map((c) => c.name));
};

describe('planRun', () => {
  it('one case per contract; without an endpoint, the embedded mock and example values', async () => {
    const p = await planRun(base, new Redactor(), {});
    expect(p.problems).toEqual([]);
    const s = p.suites[0]!;
    expect(s.endpoint).toBeUndefined();
    expect(s.lenient).toBe(true);
    expect(s.cases).toHaveLength(9);
    // SO_TICKET unset on the mock: the Ticket value is left out, so the contract example is sent.
    expect(s.values['*']).toEqual({});
  });

  it('with an endpoint, variables are required and secret ones are registered', async () => {
    const redactor = new Redactor();
    const p = await planRun({ ...base, endpoint: 'http://127.0.0.1:9/' }, redactor, { SO_TICKET: 'plan-ticket-1' });
    expect(p.problems).toEqual([]);
    expect(p.suites[0]!.values['*']).toEqual({ Ticket: 'plan-ticket-1' });
    expect(redactor.redact('x plan-ticket-1 y')).toBe('x *** y');
  });

  it("the checks get the run's redactor as their mask, so quotes are masked before they are cut (issue 10)", async () => {
    const redactor = new Redactor();
    const p = await planRun({ ...base, endpoint: 'http://127.0.0.1:9/' }, redactor, { SO_TICKET: 'plan-ticket-2' });
    const mask = p.suites[0]!.config.mask!;
    expect(mask('got plan-ticket-2 and <Ticket>unknown</Ticket>')).toBe('got *** and <Ticket>***</Ticket>');
  });

  it('--rule overrides win over the suite\'s rules and the profile override over the suite\'s', async () => {
    const p = await planRun({ ...base, profile: 'compatible', rules: { 'field/order': 'off' } }, new Redactor(), {});
    expect(p.suites[0]!.config).toMatchObject({ profile: 'compatible', rules: { 'field/order': 'off' } });
  });

  it('contract paths alone make an ad-hoc suite', async () => {
    expect(await names({ ...base, suites: [], contracts: [join(REPO_ROOT, 'test/fixtures/run/inventory')] })).toHaveLength(9);
  });

  it('shards are disjoint, cover every case, and are balanced', async () => {
    const all = await names(base);
    const shards = await Promise.all([1, 2, 3].map((i) => names({ ...base, shard: { index: i, count: 3 } })));
    expect(shards.flat().sort()).toEqual([...all].sort());
    expect(new Set(shards.flat()).size).toBe(all.length);
    for (const s of shards) expect(s.length).toBe(3);
    // The documented slice: shard i/n runs the cases at positions p (0-based, in plan order) with p % n === i - 1.
    expect(shards[0]).toEqual([all[0], all[3], all[6]]);
    expect(shards[2]).toEqual([all[2], all[5], all[8]]);
  });
});

describe('${NAME} in contract examples', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soapcheck-example-vars-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fixture = join(REPO_ROOT, 'test/fixtures/run/inventory');
  copyFileSync(join(fixture, 'types.yaml'), join(dir, 'types.yaml'));
  writeFileSync(join(dir, 'GetItem.yaml'), readFileSync(join(fixture, 'GetItem.yaml'), 'utf8').replace('example: "7"', 'example: "${INV_ID}"'));
  const opts: RunOptions = { ...base, suites: [], contracts: [dir] };

  it('are substituted from the environment', async () => {
    const p = await planRun({ ...opts, endpoint: 'http://127.0.0.1:9/' }, new Redactor(), { INV_ID: '99' });
    expect(p.problems).toEqual([]);
    const c = p.suites[0]!.cases[0]!;
    expect(c.kind === 'contract' && c.values).toEqual({ 'GetItem.Id': '99' });
  });

  it('an unset one is an error naming the contract file and the field, against a real endpoint', async () => {
    const p = await planRun({ ...opts, endpoint: 'http://127.0.0.1:9/' }, new Redactor(), {});
    expect(p.problems.join('\n')).toMatch(/GetItem\.yaml: request GetItem\.Id \(example\): variable \$\{INV_ID\} has no value/);
  });

  it('an unset one is left as written on the embedded mock', async () => {
    const p = await planRun(opts, new Redactor(), {});
    expect(p.problems).toEqual([]);
    const c = p.suites[0]!.cases[0]!;
    expect(c.kind === 'contract' && c.values).toEqual({});
  });
});

describe('parseShard', () => {
  it.each([['1/1', { index: 1, count: 1 }], ['2/3', { index: 2, count: 3 }]])('%s', (t, e) => expect(parseShard(t)).toEqual(e));
  it.each(['0/2', '3/2', '1/0', 'a/b', '1'])('refuses %s', (t) => expect(typeof parseShard(t)).toBe('string'));
});
