import { describe, expect, it } from 'vitest';
import { evaluateXPath } from '../../src/xml/xpath.ts';

const XML = `<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" xmlns:a="urn:x"><s:Body><a:R id="9"><a:V>one</a:V><a:V>two</a:V></a:R></s:Body></s:Envelope>`;
const NS = { soap: 'http://www.w3.org/2003/05/soap-envelope', x: 'urn:x' };

describe('evaluateXPath', () => {
  it.each([
    ['node set → string values', '//x:V', ['one', 'two']],
    ['attribute', '//x:R/@id', ['9']],
    ['count', 'count(//x:V)', 2],
    ['string() of the first', 'string(//x:V)', 'one'],
    ['boolean', 'boolean(/soap:Envelope/soap:Body/x:R)', true],
    ['prefixes are the caller\'s, not the message\'s', 'count(//a:V)', null],
  ])('%s', (_n, expr, expected) => {
    const r = evaluateXPath(XML, expr, NS);
    if (expected === null) expect(r.ok).toBe(false);
    else expect(r).toEqual({ ok: true, value: expected });
  });

  it('a syntax error is a failure naming the expression', () => {
    const r = evaluateXPath(XML, '//x:V[', NS);
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.message).toMatch(/invalid XPath "\/\/x:V\["/);
  });

  it.each([
    ['not XML', 'hello'],
    ['a DOCTYPE', '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
  ])('refuses %s without evaluating', (_n, xml) => {
    const r = evaluateXPath(xml, 'string(/x)', {});
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/could not be parsed/);
  });
});
