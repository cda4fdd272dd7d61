/**
 * The two conversions of the engine's tree — straight from WebAssembly memory (the fast path) and
 * through libxml2-wasm's public wrappers (the fallback) — give the same plain tree, and the fast
 * path is the one in use.
 */
import { describe, expect, it } from 'vitest';
import { convertFromMemory } from '../../src/xml/convert-memory.ts';
import type { ConvertState } from '../../src/xml/convert-state.ts';
import { convertFromWrappers } from '../../src/xml/convert-wrappers.ts';
import { openDocument } from '../../src/xml/engine.ts';
import { engineMemory } from '../../src/xml/engine-memory.ts';
import { DEFAULT_LIMITS, parseXml, type ParseLimits } from '../../src/xml/parse.ts';
import type { XNode } from '../../src/xml/tree.ts';
import { describeShared } from '../support/corpus.ts';
import { loadXmlSamples } from '../support/xml-samples.ts';

const SCOPE = Object.freeze({ xml: 'http://www.w3.org/XML/1998/namespace' });

/** The tree as plain data, parents as their path (the tree is cyclic through `parent`). */
function plain(n: XNode | null): unknown {
  if (!n || n.kind !== 'element') return n;
  return { ...n, parent: n.parent ? `${n.parent.ns}|${n.parent.local}@${n.parent.line}` : null, children: n.children.map(plain) };
}

function bothWays(text: string, limits: ParseLimits = {}) {
  const lim = { ...DEFAULT_LIMITS, ...limits };
  const run = (how: 'memory' | 'wrappers') => {
    const opened = openDocument(text, lim);
    if (!opened.ok) throw new Error(`not parsed: ${opened.message}`);
    const st: ConvertState = { nodes: 0, elements: 0, elementLines: opened.elementLines, lim, pis: [], failure: null };
    try {
      const m = engineMemory();
      const root = how === 'memory' ? convertFromMemory(m!, m!.docPointer(opened.doc), SCOPE, st) : convertFromWrappers(opened.doc, text, SCOPE, st);
      return { root: plain(root), pis: st.pis, failure: st.failure };
    } finally {
      opened.doc.dispose();
    }
  };
  return { memory: run('memory'), wrappers: run('wrappers') };
}

describe('conversion of the engine tree', () => {
  it('reads the engine memory (the fast path is in use on this libxml2-wasm)', () => {
    expect(engineMemory()).not.toBeNull();
  });

  it.each([
    ['namespaces declared, inherited, undeclared and prefixed attributes', '<p:a xmlns:p="urn:p" xmlns="urn:d" p:x="1" y="2"><b xmlns=""><c/></b><p:d/></p:a>'],
    ['entities and character references in text and attributes', '<a t="&lt;&amp;&#233;&#x1F600;">x &gt; y &#10; &quot;</a>'],
    ['empty attribute, whitespace text, non-ASCII names', '<ä b="" c="  "> \n\t <ö/></ä>'],
    ['comments, CDATA, mixed content on several lines', '<a>\n  one<!-- two -->\n  <![CDATA[<three>&]]>\n  <b>four</b>five\n</a>'],
    // One PI a line: the fallback reads a PI's target from its source line.
    ['processing instructions before, inside (with siblings after them) and after the root', '<?x1 a?>\n<?x2 b?>\n<a><?p x?>\n<b/>text\n<?q?></a>\n<?z?>'],
  ])('gives the same tree both ways: %s', (_, text) => {
    const r = bothWays(text);
    expect(r.memory.failure).toBeNull();
    expect(r.memory).toEqual(r.wrappers);
  });

  it('keeps the nodes after a processing instruction inside an element', () => {
    const r = parseXml('<a><?p x?><b/>text<?q?></a>');
    expect(r.ok && r.doc.root.children.map((c) => c.kind)).toEqual(['pi', 'element', 'text', 'pi']);
    expect(r.ok && r.doc.processingInstructions.map((p) => p.target)).toEqual(['p', 'q']);
  });

  it('enforces the depth and node limits the same way', () => {
    const deep = '<a>'.repeat(12) + '</a>'.repeat(12);
    const d = bothWays(deep, { maxDepth: 10 });
    expect(d.memory.failure).toMatchObject({ kind: 'too-deep', line: 1 });
    expect(d.memory.failure).toEqual(d.wrappers.failure);
    const wide = `<a>${'<b>t</b>'.repeat(8)}</a>`;
    const w = bothWays(wide, { maxNodes: 15 });
    expect(w.memory.failure).toMatchObject({ kind: 'too-deep', message: 'more than 15 nodes' });
    expect(w.memory.failure).toEqual(w.wrappers.failure);
  });
});

describeShared('conversion of the engine tree over the shared corpus', () => {
  it('gives the same tree both ways for every document the engine accepts', () => {
    let compared = 0;
    for (const s of loadXmlSamples()) {
      if (!parseXml(s.text).ok) continue;
      const r = bothWays(s.text);
      expect(r.memory, s.name).toEqual(r.wrappers);
      compared++;
    }
    expect(compared).toBeGreaterThan(800);
  });
});

