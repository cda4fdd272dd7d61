import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/xml/parse.ts';
import { locationOf, type XElement } from '../../src/xml/tree.ts';
import { PathCache } from '../../src/checks/path.ts';

function all(el: XElement, out: XElement[] = []): XElement[] {
  out.push(el);
  for (const c of el.children) if (c.kind === 'element') all(c, out);
  return out;
}

describe('PathCache', () => {
  it('gives the same paths as locationOf, sibling indexes by namespace and local name', () => {
    const r = parseXml('<r xmlns:a="urn:a" xmlns:b="urn:b"><a:x/><b:x/><a:x><y/><y/><z/></a:x><w/></r>');
    if (!r.ok) throw new Error(r.message);
    const cache = new PathCache();
    const els = all(r.doc.root);
    expect(els.map((e) => cache.pathOf(e))).toEqual(els.map(locationOf));
    expect(cache.pathOf(els[5]!)).toBe('/r/x[2]/y[2]');
  });
});
