/**
 * `soapcheck verify` end to end: exit codes, output format, config and secrets. In process through runMain
 * (test/support/in-process.ts), and once spawned as a user runs it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain } from '../support/in-process.ts';
import { runCli } from '../support/spawned-cli.ts';

const FIX = join('test', 'fixtures', 'checks');
const CONTRACTS = join(FIX, 'contracts');
const MSG = (n: string) => join(FIX, 'messages', n);

async function verify(...args: string[]) {
  const r = await runMain(['verify', ...args], { cwd: REPO_ROOT });
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe('soapcheck verify', () => {
  it('exit 0 for a conforming message against one contract file', async () => {
    const r = await verify(join(CONTRACTS, 'Widget', 'GetWidget.yaml'), MSG('get-ok.xml'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 message, 0 errors, 0 warnings \(profile strict\)/);
  });

  it('exit 1 with one line per finding as file:line  rule  message', async () => {
    const r = await verify(CONTRACTS, MSG('get-bad.xml'));
    expect(r.code).toBe(1);
    expect(r.out).toContain('response of Widgets2/Widget/GetWidget');
    const lines = r.out.split('\n').filter((l) => /^\S+get-bad\.xml:\d/.test(l));
    expect(lines).toEqual([
      expect.stringMatching(/:7 {2}field\/order {2}w:WidgetId comes after w:Label/),
      expect.stringMatching(/:7 {2}value\/lexical {2}.*"seven"/),
      expect.stringMatching(/:8 {2}value\/lexical {2}.*"Purple"/),
    ]);
  });

  it('the same, spawned as a user runs it: exit 1 and the finding lines', async () => {
    const r = await runCli(['verify', CONTRACTS, MSG('get-bad.xml')], { timeoutMs: 30_000 });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').filter((l) => /^\S+get-bad\.xml:\d/.test(l))).toHaveLength(3);
  });

  it('--rule and --profile change levels; warnings alone exit 0', async () => {
    const r = await verify(CONTRACTS, MSG('find-order-only.xml'), '--profile', 'compatible');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/field\/order {2}warning: /);
    expect((await verify(CONTRACTS, MSG('find-order-only.xml'), '--rule', 'field/order=off')).out).not.toMatch(/field\/order/);
  });

  it('--config file: profile and rules', async () => {
    const r = await verify(CONTRACTS, MSG('get-bad.xml'), '--config', join(FIX, 'relaxed.config.yaml'), '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.profile).toBe('compatible');
    expect(json.messages[0].findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`)).toEqual(['field/order:warn', 'value/lexical:warn', 'value/lexical:warn']);
  });

  it('exit 2 when no operation matches, saying so', async () => {
    const r = await verify(CONTRACTS, MSG('unknown-op.xml'));
    expect(r.code).toBe(2);
    expect(r.out).toContain('no operation matches: no contract has body element {urn:nope}Nope');
  });

  it('a request checked as a response (or back) is told which option fits', async () => {
    const r = await verify(CONTRACTS, MSG('get-request-secret.xml'));
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/no operation matches: .*GetWidget as a response; it is the body element of a request \(give --request\)/);
    const back = await verify(CONTRACTS, MSG('get-ok.xml'), '--request');
    expect(back.code).toBe(2);
    expect(back.out).toMatch(/as a request; it is the body element of a response \(leave out --request\)/);
  });

  it('a page that is not XML is a finding (exit 1), not a routing error', async () => {
    const r = await verify(CONTRACTS, MSG('html.html'));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/html\.html:1 {2}envelope\/not-xml {2}message is not XML: it is an HTML page/);
  });

  it('requests: secret header values are never printed', async () => {
    const r = await verify(CONTRACTS, MSG('get-request-secret.xml'), '--request', '--format', 'json');
    expect(r.code).toBe(1);
    expect(r.out).not.toContain('T0P-SECRET');
    const rules = JSON.parse(r.out).messages[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).toEqual(['field/cardinality', 'value/lexical']);
  });

  it('usage errors exit 2', async () => {
    expect((await verify(CONTRACTS)).code).toBe(2);
    expect((await verify(CONTRACTS, MSG('get-ok.xml'), '--rule', 'no/such=warn')).err).toMatch(/unknown rule "no\/such"/);
    expect((await verify(CONTRACTS, MSG('get-ok.xml'), '--profile', 'lenient')).code).toBe(2);
    expect((await verify(CONTRACTS, MSG('get-ok.xml'), '--format', 'xml')).code).toBe(2);
    expect((await verify('no/such/dir', MSG('get-ok.xml'))).code).toBe(2);
    expect((await verify(CONTRACTS, MSG('missing.xml'))).out).toMatch(/missing\.xml: cannot read \(ENOENT\)/);
  }, 90_000);

  it('--help is printed and exits 0', async () => {
    const r = await verify('--help');
    expect(r.code).toBe(0);
    for (const opt of ['--request', '--profile', '--rule', '--config', '--action', '--format']) expect(r.out).toContain(opt);
  });
});
