/** --header parsing, Basic from URL user-info, and which header values become secrets. */
import { describe, expect, it } from 'vitest';
import { basicAuthFromUrl, parseHeaderOption, resolveHeaders } from '../../src/run/http-headers.ts';
import { Variables, VariableError } from '../../src/run/variables.ts';

const sink = () => {
  const secrets: string[] = [];
  return { secrets, addSecret: (v: string) => void secrets.push(v) };
};

describe('parseHeaderOption', () => {
  it.each([
    ['X-Api-Key: abc', { name: 'X-Api-Key', value: 'abc' }],
    ['Authorization:Bearer a:b', { name: 'Authorization', value: 'Bearer a:b' }],
    ['X-Empty:', { name: 'X-Empty', value: '' }],
  ])('%s', (text, parsed) => expect(parseHeaderOption(text)).toEqual(parsed));
  it.each(['no colon', ': no name', 'Bad Name: x'])('refuses %j', (text) => expect(parseHeaderOption(text)).toMatch(/--header expects 'Name: value'/));
});

describe('basicAuthFromUrl', () => {
  it('strips user-info and makes Basic from the decoded user and password, registering both forms as secrets', () => {
    const s = sink();
    const r = basicAuthFromUrl('https://al%40ice:p%3Aw@host/Cust1/', s);
    expect(r.endpoint).toBe('https://host/Cust1/');
    expect(r.authorization).toBe(`Basic ${Buffer.from('al@ice:p:w').toString('base64')}`);
    expect(s.secrets).toEqual(['p:w', Buffer.from('al@ice:p:w').toString('base64')]);
  });
  it('leaves a URL without user-info alone', () => {
    expect(basicAuthFromUrl('http://127.0.0.1:9/')).toEqual({ endpoint: 'http://127.0.0.1:9/' });
  });
});

describe('resolveHeaders', () => {
  const vars = (s: ReturnType<typeof sink>) => new Variables({ TOKEN: 'tok-123456', PLAIN: 'p' }, {}, { PLAIN: {}, KEY: { secret: true, default: 'k-secret' } }, s);

  it('substitutes variables; the command line wins by name, case-insensitively', () => {
    const s = sink();
    const h = resolveHeaders({ 'X-Trace': { value: 'suite-${PLAIN}', secret: false }, 'x-env': { value: 'suite', secret: false } }, [{ name: 'X-Env', value: 'cli' }], vars(s), false, 'a.suite.yaml', s);
    expect(h).toEqual({ 'X-Trace': 'suite-p', 'X-Env': 'cli' });
    expect(s.secrets).toEqual([]);
  });

  it('secret: a header marked secret, a credential-like name, a secret variable; a Bearer token alone too', () => {
    const s = sink();
    resolveHeaders({ 'X-One': { value: 'one-1', secret: true }, 'X-Two': { value: 'x-${KEY}', secret: false } }, [{ name: 'Authorization', value: 'Bearer ${TOKEN}' }], vars(s), false, 'f', s);
    expect(s.secrets).toEqual(expect.arrayContaining(['one-1', 'k-secret', 'x-k-secret', 'Bearer tok-123456', 'tok-123456']));
  });

  it('an unset variable: an input error against a real endpoint, the header left out on the mock', () => {
    const s = sink();
    const h = { 'X-Key': { value: '${MISSING}', secret: false } };
    expect(() => resolveHeaders(h, [], vars(s), false, 'a.suite.yaml', s)).toThrow(VariableError);
    expect(() => resolveHeaders(h, [], vars(s), false, 'a.suite.yaml', s)).toThrow(/a\.suite\.yaml: http\.headers\.X-Key: variable \$\{MISSING\} has no value/);
    expect(resolveHeaders(h, [], vars(s), true, 'a.suite.yaml', s)).toEqual({});
  });
});
