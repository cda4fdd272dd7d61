/**
 * Test helper: an imported contract rebuilt by src/soap/build.ts, with the values of its source
 * example, compared by meaning (namespace URIs, resolved xsi:type QNames; never prefixes) with that
 * example. Used over the fixture pages (rebuild.test.ts) and over the whole corpus (corpus.test.ts).
 */
import type { Contract } from '../../src/contract/model.ts';
import type { PageImport } from '../../src/import/docs.ts';
import { buildMessage } from '../../src/soap/build.ts';
import { compareXml, type XmlDifference } from '../support/xml-compare.ts';
import { attribute, childElements, parseXml, XSI_NS, type XElement } from '../../src/xml/index.ts';

/** The source example's blocks: header blocks (in or out of soap:Header) and the body element. */
function blocksOf(envelope: XElement): { headers: XElement[]; body: XElement } {
  const headers: XElement[] = [];
  let body: XElement | undefined;
  for (const c of childElements(envelope)) {
    if (c.ns === envelope.ns && c.local === 'Header') headers.push(...childElements(c));
    else if (c.ns === envelope.ns && c.local === 'Body') body = childElements(c)[0];
    else headers.push(c);
  }
  return { headers, body: body! };
}

/** Values for the builder from an example: every leaf's text by dotted path, nil → null. */
function valuesOf(el: XElement, path: string, out: Record<string, string | null>): void {
  const nil = attribute(el, XSI_NS, 'nil');
  if (nil && (nil.value === 'true' || nil.value === '1')) {
    out[path] = null;
    return;
  }
  const kids = childElements(el);
  if (kids.length === 0) {
    const text = el.children.filter((c) => c.kind === 'text').map((c) => (c.kind === 'text' ? c.value : '')).join('');
    out[path] = /\S/.test(text) ? text : '';
    return;
  }
  for (const k of kids) valuesOf(k, `${path}.${k.local}`, out);
}

export function rebuildDifferences(contract: Contract, imp: PageImport, direction: 'request' | 'response', opts: { dropNils?: boolean } = {}): XmlDifference[] {
  const example = imp.page.examples.find((e) => e.role === direction)!;
  const src = parseXml(example.text);
  if (!src.ok) throw new Error(src.message);
  const source = blocksOf(src.doc.root);
  const values: Record<string, string | null> = {};
  for (const h of source.headers) valuesOf(h, h.local, values);
  // The body element itself is never a leaf value: an empty one stays an element.
  for (const k of childElements(source.body)) valuesOf(k, `${source.body.local}.${k.local}`, values);
  if (opts.dropNils) for (const k of Object.keys(values)) if (values[k] === null) delete values[k];
  const built = parseXml(buildMessage(contract, direction, { values, maxTypeRepeat: 8 }));
  if (!built.ok) throw new Error(`rebuilt ${direction} does not parse: ${built.message}`);
  const rebuilt = blocksOf(built.doc.root);
  const diffs = compareXml(source.body, rebuilt.body);
  if (source.headers.length !== rebuilt.headers.length) {
    diffs.push({ kind: 'child-missing', path: '/Header', message: `${rebuilt.headers.length} header blocks where ${source.headers.length} were expected` });
  }
  source.headers.forEach((h, i) => rebuilt.headers[i] && diffs.push(...compareXml(h, rebuilt.headers[i]!)));
  return diffs;
}
