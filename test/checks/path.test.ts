import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/xml/parse.ts';
import { childElements, type XElement } from '../../src/xml/tree.ts';
import { PathCache } from '../../src/checks/path.ts';

function all(el: XElement, out: XElement[] = []): XElement[] {
  out.push(el);
  for (const c of el.children) if (c.kind === 'element') all(c, out);
  return out;
}

function root(xml: string): XElement {
  const r = parseXml(xml);
  if (!r.ok) throw new Error(r.message);
  return r.doc.root;
}

describe('PathCache', () => {
  it('gives an XPath-like path by local names, with indexes only among same-named siblings', () => {
    const r = root('<s:Envelope xmlns:s="urn:s" xmlns:t="urn:t"><s:Body><t:GetThing><t:Id/><t:Item/><t:Item/></t:GetThing></s:Body></s:Envelope>');
    const cache = new PathCache();
    expect(all(r).map((e) => cache.pathOf(e))).toEqual([
      '/Envelope',
      '/Envelope/Body',
      '/Envelope/Body/GetThing',
      '/Envelope/Body/GetThing/Id',
      '/Envelope/Body/GetThing/Item[1]',
      '/Envelope/Body/GetThing/Item[2]',
    ]);
  });

  it('counts siblings by namespace and local name', () => {
    const r = root('<r xmlns:a="urn:a" xmlns:b="urn:b"><a:x/><b:x/><a:x><y/><y/><z/></a:x><w/></r>');
    const cache = new PathCache();
    expect(childElements(r).map((e) => cache.pathOf(e))).toEqual(['/r/x[1]', '/r/x', '/r/x[2]', '/r/w']);
    expect(cache.pathOf(all(r)[5]!)).toBe('/r/x[2]/y[2]');
  });
});
