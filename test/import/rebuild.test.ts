/**
 * An imported contract, rebuilt into a request (and response) by src/soap/build.ts with its page's
 * example values, is namespace-equivalent to the page's example — over the project's own fixture
 * pages, so this runs on a fresh clone without ../shared.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContracts } from '../../src/contract/load.ts';
import type { Contract } from '../../src/contract/model.ts';
import { importDocs, importPage, type PageImport } from '../../src/import/docs.ts';
import { REPO_ROOT } from '../support/corpus.ts';
import { rebuildDifferences } from './rebuild.ts';

const PAGES = join(REPO_ROOT, 'test', 'fixtures', 'docs', 'markdown', 'Demo9', 'Widget');
const OPERATIONS = ['SaveWidget', 'ListWidgets'];

// Each page alone: a types file merged over several pages has optional fields that a single
// example leaves out (and the builder writes every field), so only one page's types rebuild it exactly.
const dirs: string[] = [];
const contracts = new Map<string, Contract>();
beforeAll(async () => {
  for (const op of OPERATIONS) {
    const out = mkdtempSync(join(tmpdir(), 'soapcheck-rebuild-'));
    dirs.push(out);
    await importDocs({ inputs: [join(PAGES, `${op}.md`)], out });
    const loaded = await loadContracts([out]);
    expect(loaded.problems).toEqual([]);
    contracts.set(op, loaded.contracts[0]!);
  }
});
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function page(op: string, edit: (text: string) => string = (t) => t): PageImport {
  const r = importPage(edit(readFileSync(join(PAGES, `${op}.md`), 'utf8')), `${op}.md`, '');
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('a contract rebuilt from its page', () => {
  it.each([
    ['SaveWidget', 'request'],
    ['ListWidgets', 'request'],
    ['ListWidgets', 'response'],
  ] as const)('%s %s is namespace-equivalent to the example', (op, direction) => {
    expect(rebuildDifferences(contracts.get(op)!, page(op), direction)).toEqual([]);
  });

  it('SaveWidget response differs only by the optional fields its example leaves out (the builder writes every field)', () => {
    // The page's request shows a WidgetEntity with eight fields, its response one with three.
    const c = contracts.get('SaveWidget')!;
    const entity = c.types.get('{http://example.test/ws/Demo9}WidgetEntity');
    if (entity?.kind !== 'complex') throw new Error('WidgetEntity is not a complex type');
    const optional = entity.fields.filter((f) => f.minOccurs === 0).map((f) => `{${f.name.ns}}${f.name.local}`);
    const diffs = rebuildDifferences(c, page('SaveWidget'), 'response');
    expect(diffs.length).toBeGreaterThan(0);
    for (const d of diffs) {
      expect(d.kind).toBe('child-extra');
      expect(optional).toContain(d.actual);
    }
  });

  it('stays equivalent when the example binds other prefixes to the same URIs', () => {
    const renamed = page('SaveWidget', (t) => t.replace(/\bWidget:/g, 'w9:').replace(/xmlns:Widget=/g, 'xmlns:w9=').replace(/\bSOAP-ENV:/g, 'env:').replace(/xmlns:SOAP-ENV=/g, 'xmlns:env='));
    expect(renamed.page.examples[0]!.text).toContain('<w9:SaveWidget');
    expect(rebuildDifferences(contracts.get('SaveWidget')!, renamed, 'request')).toEqual([]);
  });

  it('differs when the contract puts the body element in another namespace (the comparison is not vacuous)', () => {
    const c = contracts.get('SaveWidget')!;
    const moved: Contract = { ...c, request: { ...c.request, body: { ...c.request.body, name: { ns: 'urn:elsewhere', local: c.request.body.name.local } } } };
    expect(rebuildDifferences(moved, page('SaveWidget'), 'request').map((d) => d.kind)).toContain('element-name');
  });

  it('differs when the contract lacks a header block the example has', () => {
    const c = contracts.get('SaveWidget')!;
    const withoutHeader: Contract = { ...c, request: { ...c.request, headers: c.request.headers.slice(1) } };
    expect(rebuildDifferences(withoutHeader, page('SaveWidget'), 'request').map((d) => d.path)).toContain('/Header');
  });
});
