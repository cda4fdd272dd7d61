import { describe, expect, it } from 'vitest';
import {
  clark,
  escapeAttr,
  escapeText,
  parseXml,
  resolveQName,
  sameName,
  splitQName,
  stripInvalidXmlChars,
  textContent,
  XSD_NS,
  type NamespaceScope,
} from '../../src/xml/index.ts';

const scope: NamespaceScope = { '': 'urn:default', xsd: XSD_NS, a: 'urn:a', b: 'urn:a' };

describe('QNames', () => {
  it.each([
    ['xsd:int', true, { ns: XSD_NS, local: 'int' }],
    ['int', true, { ns: 'urn:default', local: 'int' }],
    ['int', false, { ns: '', local: 'int' }],
    ['  a:x ', true, { ns: 'urn:a', local: 'x' }],
    ['nope:int', true, null],
    ['a:', true, null],
    ['', true, null],
  ] as const)('resolveQName(%j, useDefault=%s)', (qname, useDefault, expected) => {
    expect(resolveQName(qname, scope, useDefault)).toEqual(expected);
  });

  it('does not resolve through inherited object properties', () => {
    expect(resolveQName('toString:x', scope)).toBeNull();
    expect(resolveQName('__proto__:x', scope)).toBeNull();
  });

  it('compares by namespace URI, not prefix', () => {
    expect(sameName(resolveQName('a:x', scope)!, resolveQName('b:x', scope)!)).toBe(true);
    expect(sameName(resolveQName('a:x', scope)!, resolveQName('x', scope)!)).toBe(false);
  });

  it('writes Clark notation, bare local names in no namespace', () => {
    expect(clark({ ns: 'urn:a', local: 'x' })).toBe('{urn:a}x');
    expect(clark({ ns: '', local: 'x' })).toBe('x');
    expect(splitQName('p:l')).toEqual({ prefix: 'p', local: 'l' });
    expect(splitQName('l')).toEqual({ prefix: '', local: 'l' });
  });

  it('resolves through the scope the parser records', () => {
    const r = parseXml('<r xmlns:t="urn:t"><v xmlns:t="urn:other" a="t:x"/></r>');
    if (!r.ok) throw new Error(r.message);
    const v = r.doc.root.children[0]!;
    if (v.kind !== 'element') throw new Error('expected an element');
    expect(resolveQName(v.attrs[0]!.value, v.scope)).toEqual({ ns: 'urn:other', local: 'x' });
  });
});

describe('escaping', () => {
  const nasty = `a<b>&c"d'e\tf\ng\rh]]>`;

  it('escapeText round-trips through the parser', () => {
    const r = parseXml(`<a>${escapeText(nasty)}</a>`);
    expect(r.ok && textContent(r.doc.root)).toBe(nasty.replace(/\r/g, '\n')); // XML turns a lone CR into LF
  });

  it('escapeAttr round-trips through the parser, whitespace included', () => {
    const r = parseXml(`<a v="${escapeAttr(nasty)}"/>`);
    expect(r.ok && r.doc.root.attrs[0]!.value).toBe(nasty);
  });

  it('stripInvalidXmlChars removes what XML 1.0 cannot carry, keeps tab, newline and the rest', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\tg\nh\ri€😀')).toBe('abcdef\tg\nh\ri€😀');
  });
});
