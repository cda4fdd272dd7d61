import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainText, readDocPage, withoutNoiseLines } from '../../src/import/docs/page.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const FIX = join(REPO_ROOT, 'test', 'fixtures', 'docs');
const read = (p: string) => readFileSync(join(FIX, p), 'utf8');

describe('readDocPage', () => {
  it.each([
    ['markdown', 'markdown/Demo9/Widget/SaveWidget.md'],
    ['plain text', 'plain/SaveWidget.txt'],
  ])('reads a %s page: title, endpoint, prose, bullets, both examples', (_form, file) => {
    const r = readDocPage(read(file));
    if (!r.ok) throw new Error(r.reason);
    const p = r.page;
    expect([p.version, p.agent, p.operation, p.endpoint]).toEqual(['Demo9', 'Widget', 'SaveWidget', 'Remote/Demo9/Widget.svc']);
    expect(p.description).toBe('Stores a widget and returns it as saved. Note: made-up operation for tests.');
    expect(Object.fromEntries(p.params)).toEqual({ widget: 'The widget to store.', password: 'Owner password.' });
    expect(p.returns).toBe('The stored widget.');
    expect(p.examples.map((e) => e.role)).toEqual(['request', 'response']);
    for (const e of p.examples) {
      expect(e.text.startsWith('<?xml')).toBe(true);
      expect(e.text.endsWith('</SOAP-ENV:Envelope>')).toBe(true);
    }
  });

  it('names the example whose Envelope is never closed, with its page line', () => {
    const page = ['# Demo1 A Op', '## Op Request', '<env:Envelope xmlns:env="urn:e"><env:Body/></env:Envelope>', '## Op Response', '<env:Envelope xmlns:env="urn:e">', '<env:Body/>'].join('\n');
    const r = readDocPage(page);
    if (!r.ok) throw new Error(r.reason);
    expect(r.page.examples.map((e) => e.role)).toEqual(['request']);
    expect(r.page.unclosed).toEqual({ line: 5, endTag: '</env:Envelope>' });
    const none = readDocPage(['# Demo1 A Op', '<Envelope xmlns="urn:e">', '<Body/>'].join('\n'));
    expect(none).toMatchObject({ ok: false, reason: 'the example starting at line 2 has no closing </Envelope>' });
  });

  it('gives the page line where each example starts', () => {
    const text = read('markdown/Demo9/Widget/SaveWidget.md');
    const r = readDocPage(text);
    if (!r.ok) throw new Error(r.reason);
    const lines = text.split('\n');
    for (const e of r.page.examples) expect(lines[e.line - 1]).toMatch(/^<\?xml/);
  });

  it('labels examples by their headings, not only by order', () => {
    const page = ['# Demo1 A Op', '## Op Response', '<env:Envelope xmlns:env="urn:e"><env:Body/></env:Envelope>', '## Op Request', '<env:Envelope xmlns:env="urn:e"><env:Body/></env:Envelope>'].join('\n');
    const r = readDocPage(page);
    if (!r.ok) throw new Error(r.reason);
    expect(r.page.examples.map((e) => e.role)).toEqual(['response', 'request']);
  });

  it.each([
    ['a WSDL page', 'markdown/Demo9/Demo9-Widget.md', 'wsdl'],
    ['an index page without examples', 'markdown/Demo9/Widget/index.md', 'no-examples'],
  ])('rejects %s', (_what, file, kind) => {
    const r = readDocPage(read(file));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.kind).toBe(kind);
  });

  it('rejects a page with examples but no title line', () => {
    const r = readDocPage('Some page\n<s:Envelope xmlns:s="urn:e"><s:Body/></s:Envelope>\n');
    expect(r).toMatchObject({ ok: false, kind: 'unrecognised' });
  });
});

describe('withoutNoiseLines', () => {
  it('drops scraped text lines inside an example and keeps markup and attribute lines', () => {
    const xml = '<a\nxmlns:b="urn:b">\nCopy\n<b:c>1</b:c>\nTooltip!\n</a>';
    expect(withoutNoiseLines(xml)).toBe('<a\nxmlns:b="urn:b">\n<b:c>1</b:c>\n</a>');
  });
});

describe('plainText', () => {
  it.each([
    ['inline markup', 'Gets <see cref="User"/> by <b>id</b>.', 'Gets by id .'],
    ['links keep their text', 'See [the guide](https://x/y) now', 'See the guide now'],
    ['emphasis', 'a **bold** word', 'a bold word'],
    ['a stray < stays', 'a < b and c > d', 'a d'],
  ])('%s', (_name, input, expected) => {
    expect(plainText(input)).toBe(expected);
  });

  // Hostile pages (issue 10): with patterns that rescan to the end from every start these took minutes.
  it.each([
    ['< without >', '<'.repeat(200_000)],
    ['[ without ]', '['.repeat(200_000)],
    ['links without a closing )', '[a]('.repeat(50_000)],
  ])('stays linear: %s', (_name, input) => {
    expect(plainText(input)).toBe(input);
  });
});
