import { describe, expect, it } from 'vitest';
import { compareXml, xmlVerdict, type CompareOptions, type XmlDifferenceKind } from './xml-compare.ts';
import { parseXml, type XElement } from '../../src/xml/index.ts';

function root(xml: string): XElement {
  const r = parseXml(xml);
  if (!r.ok) throw new Error(r.message);
  return r.doc.root;
}

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema"';

const equivalent: Array<{ name: string; a: string; b: string; opts?: CompareOptions }> = [
  { name: 'same prefixes', a: '<a:x xmlns:a="urn:a"><a:y>1</a:y></a:x>', b: '<a:x xmlns:a="urn:a"><a:y>1</a:y></a:x>' },
  { name: 'other prefix, same URI', a: '<a:x xmlns:a="urn:a"><a:y>1</a:y></a:x>', b: '<b:x xmlns:b="urn:a"><b:y>1</b:y></b:x>' },
  { name: 'default namespace vs prefix', a: '<a:x xmlns:a="urn:a"/>', b: '<x xmlns="urn:a"/>' },
  { name: 'xsi:type by resolved QName', a: `<x ${XSI} xmlns:p="urn:t"><y xsi:type="p:T"/></x>`, b: `<x ${XSI} xmlns:q="urn:t"><y xsi:type="q:T"/></x>` },
  { name: 'whitespace-only text and indentation', a: '<x>\n  <y/>\n</x>', b: '<x><y></y></x>' },
  { name: 'comments ignored', a: '<x><!-- c --><y/></x>', b: '<x><y/></x>' },
  { name: 'xsi:nil 1 vs true', a: `<x ${XSI}><y xsi:nil="1"/></x>`, b: `<x ${XSI}><y xsi:nil="true"/></x>` },
  { name: 'text ignored when asked', a: '<x><y>1</y></x>', b: '<x><y>2</y></x>', opts: { ignoreText: true } },
];

const different: Array<{ name: string; a: string; b: string; kind: XmlDifferenceKind; path: string }> = [
  { name: 'other namespace', a: '<a:x xmlns:a="urn:a"/>', b: '<a:x xmlns:a="urn:b"/>', kind: 'element-name', path: '/x' },
  { name: 'other local name', a: '<x><y/></x>', b: '<x><z/></x>', kind: 'element-name', path: '/x/y' },
  { name: 'missing child', a: '<x><y/><z/></x>', b: '<x><y/></x>', kind: 'child-missing', path: '/x/z' },
  { name: 'extra child', a: '<x><y/></x>', b: '<x><y/><y/></x>', kind: 'child-extra', path: '/x/y[2]' },
  { name: 'text', a: '<x><y>1</y></x>', b: '<x><y>2</y></x>', kind: 'text', path: '/x/y' },
  { name: 'xsi:type other URI', a: `<x ${XSI} xmlns:p="urn:t"><y xsi:type="p:T"/></x>`, b: `<x ${XSI} xmlns:p="urn:u"><y xsi:type="p:T"/></x>`, kind: 'xsi-type', path: '/x/y' },
  { name: 'xsi:type missing', a: `<x ${XSI}><y xsi:type="xsd:int"/></x>`, b: `<x ${XSI}><y/></x>`, kind: 'xsi-type', path: '/x/y' },
  { name: 'attribute value', a: '<x a="1"/>', b: '<x a="2"/>', kind: 'attribute-value', path: '/x' },
  { name: 'attribute extra', a: '<x/>', b: '<x a="2"/>', kind: 'attribute-extra', path: '/x' },
];

describe('compareXml', () => {
  it.each(equivalent)('equivalent: $name', ({ a, b, opts }) => {
    expect(compareXml(root(a), root(b), opts)).toEqual([]);
  });

  it.each(different)('different: $name', ({ a, b, kind, path }) => {
    const diffs = compareXml(root(a), root(b));
    expect(diffs.map((d) => [d.kind, d.path])).toContainEqual([kind, path]);
  });

  it('names expected and actual values', () => {
    const [d] = compareXml(root('<x><y>1</y></x>'), root('<x><y>2</y></x>'));
    expect(d).toMatchObject({ kind: 'text', expected: '1', actual: '2' });
    expect(d!.message).toContain('"2"');
  });
});

describe('xmlVerdict', () => {
  it.each([
    ['identical', '<a:x xmlns:a="urn:a"><a:y>1</a:y></a:x>', '<a:x xmlns:a="urn:a"><a:y>1</a:y></a:x>'],
    ['similar', '<a:x xmlns:a="urn:a"><a:y>1</a:y></a:x>', '<b:x xmlns:b="urn:a"><b:y>1</b:y></b:x>'],
    ['similar', '<x>\n <y/>\n</x>', '<x><y/></x>'],
    ['different', '<x><y>1</y></x>', '<x><y>2</y></x>'],
  ] as const)('says %s', (verdict, a, b) => {
    expect(xmlVerdict(root(a), root(b))).toBe(verdict);
  });
});
