/**
 * The XML layer over every XML document of the shared corpus (seeds, SuperOffice pages,
 * node-soap WSDL/XSD and messages).
 */
import { expect, it } from 'vitest';
import { canonicalize, parseXml, type XElement } from '../../src/xml/index.ts';
import { describeShared } from '../support/corpus.ts';
import { loadXmlSamples } from '../support/xml-samples.ts';

function* elements(el: XElement): Generator<XElement> {
  yield el;
  for (const c of el.children) if (c.kind === 'element') yield* elements(c);
}

describeShared('XML layer over the shared corpus', () => {
  const samples = loadXmlSamples();
  const pageExamples = samples.filter((s) => !s.name.startsWith('corpus/node-soap/'));

  it('finds the documents: every page example (fenced and plain), node-soap WSDL, XSD and messages', () => {
    expect(pageExamples.length).toBeGreaterThanOrEqual(400);
    expect(samples.filter((s) => s.name.startsWith('seeds/003')).length).toBe(2); // the plain-text page form
    for (const kind of ['page-example', 'wsdl', 'xsd', 'message'] as const) expect(samples.some((s) => s.kind === kind), kind).toBe(true);
  });

  it('parses every example of the documentation pages (requests, responses and WSDL)', () => {
    const failures = pageExamples.flatMap((s) => {
      const r = parseXml(s.text);
      return r.ok ? [] : [`${s.name}: ${r.kind}: ${r.message}`];
    });
    expect(failures).toEqual([]);
  });

  it('refuses the broken node-soap files with a kind and a located message, never a crash', () => {
    const refused = samples.map((s) => ({ s, r: parseXml(s.text) })).filter((x) => !x.r.ok);
    // node-soap keeps deliberately broken files (undeclared prefixes, MIME multipart bodies, bad QNames).
    expect(refused.length).toBeGreaterThan(0);
    for (const { s, r } of refused) {
      if (r.ok) continue;
      expect(s.name.startsWith('corpus/node-soap/'), s.name).toBe(true);
      expect(['malformed', 'not-xml'], s.name).toContain(r.kind);
      expect(r.message.length, s.name).toBeGreaterThan(10);
      if (r.kind === 'malformed') expect(r.line, s.name).toBeGreaterThan(0);
    }
  });

  it('gives every element the line where its start tag begins', () => {
    let checked = 0;
    for (const s of samples) {
      const r = parseXml(s.text);
      if (!r.ok) continue;
      const lines = s.text.split('\n');
      for (const el of elements(r.doc.root)) {
        const qname = el.prefix ? `${el.prefix}:${el.local}` : el.local;
        const source = lines[el.line - 1] ?? '';
        if (!new RegExp(`<${qname.replace(/[.]/g, '\\.')}(?=[\\s/>]|$)`).test(source)) {
          throw new Error(`${s.name}: <${qname}> reported on line ${el.line}, which reads ${JSON.stringify(source.slice(0, 120))}`);
        }
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30_000);
  });

  it('canonicalizes every parsed document (the canonical form is a fixed point); refuses relative namespace URIs, saying so', () => {
    let canonicalized = 0;
    let relative = 0;
    for (const s of samples) {
      if (!parseXml(s.text).ok) continue;
      const c = canonicalize(s.text, { exclusive: true });
      if (!c.ok) {
        // C14N forbids relative namespace URIs; node-soap has a few test files with them (xmlns:tns="bar").
        expect(c.message, s.name).toMatch(/namespace URI ".*" is relative/);
        relative++;
        continue;
      }
      canonicalized++;
      expect(c.text.includes('<?xml '), s.name).toBe(false);
      const again = canonicalize(c.text, { exclusive: true });
      expect(again.ok && again.text, s.name).toBe(c.text); // canonical form is a fixed point
    }
    expect(canonicalized).toBeGreaterThan(800);
    expect(relative).toBeLessThan(20);
  });
});
