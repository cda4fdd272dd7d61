/**
 * The importer over the real documentation pages in ../shared: every seed, seeds 002 ≡ 003, the
 * whole corpus (operations == pages with examples, lint clean), every imported message rebuilt by
 * src/soap/build.ts being namespace-equivalent to its example, and the shipped pack being what
 * its regeneration (import docs, then import wsdl over it) gives, byte for byte.
 */
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintContracts } from '../../src/contract/lint.ts';
import { loadContracts } from '../../src/contract/load.ts';
import type { ContractDoc, FieldDoc, TypesDoc } from '../../src/contract/model.ts';
import { fieldDocs } from '../../src/contract/particles.ts';
import { contractDocOf, contractShape, importDocs, importPage, type ImportSummary } from '../../src/import/docs.ts';
import { importWsdl } from '../../src/import/wsdl.ts';
import { describeShared, REPO_ROOT, SEEDS_DIR, SUPEROFFICE_DOCS_DIR } from '../support/corpus.ts';
import { rebuildDifferences } from './rebuild.ts';

const tmp: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'soapcheck-corpus-'));
  tmp.push(d);
  return d;
}
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

function files(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(files(dir).map((f) => [relative(dir, f), readFileSync(f, 'utf8')]));
}

const seedFiles = () => readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();

describeShared('import docs: the seed pages', () => {
  it.each(seedFiles().map((f) => [f]))('imports seed %s into a contract that lints clean', async (seed) => {
    const out = tempDir();
    const summary = await importDocs({ inputs: [join(SEEDS_DIR, seed)], out });
    expect(summary.skipped).toEqual([]);
    expect(summary.operations).toBe(1);
    expect(summary.conflicts).toEqual([]);
    const lint = await lintContracts([out]);
    expect(lint.problems).toEqual([]);
    expect(lint.contracts).toBe(1);
  });

  it('reads seeds 002 (markdown) and 003 (plain text) into identical contracts, apart from source and example values', async () => {
    const [s002, s003] = ['002', '003'].map((n) => seedFiles().find((f) => f.startsWith(n))!);
    const a = tempDir();
    const b = tempDir();
    await importDocs({ inputs: [join(SEEDS_DIR, s002!)], out: a });
    await importDocs({ inputs: [join(SEEDS_DIR, s003!)], out: b });
    const sa = snapshot(a);
    const sb = snapshot(b);
    expect(Object.keys(sb)).toEqual(Object.keys(sa));
    const op = 'Services88/User/SaveUntrustedCredentialsForAssociate.yaml';
    const ca = parse(sa[op]!) as ContractDoc;
    const cb = parse(sb[op]!) as ContractDoc;
    expect(contractShape(cb)).toEqual(contractShape(ca));
    expect(cb.description).toEqual(ca.description);
    // Only the example dateTimes differ (2023-… vs 2025-…), and the source.
    const noExamples = (s: string) => s.replace(/^\s*example: .*\n/gm, '');
    expect(noExamples(sb['Services88/types.yaml']!)).toBe(noExamples(sa['Services88/types.yaml']!));
    expect(sb['Services88/types.yaml']).not.toBe(sa['Services88/types.yaml']);
    expect(ca.source!.file).not.toBe(cb.source!.file);
  });
});

const SHIPPED = join(REPO_ROOT, 'contracts', 'superoffice');
/** The versions whose User WSDL the corpus holds: their shipped User packs are WSDL-derived. */
const WSDL_VERSIONS = ['Services86', 'Services87', 'Services88'];

describeShared('import docs: the whole SuperOffice corpus', () => {
  let summary: ImportSummary;
  let out: string;
  let pages: string[];

  beforeAll(async () => {
    const root = tempDir();
    out = join(root, 'contracts', 'superoffice');
    // The pages alone, in the shipped pack's layout, over its version types files (their
    // hand-written expectations stay). The shipped pack itself is checked below.
    for (const v of readdirSync(SHIPPED)) {
      if (!existsSync(join(SHIPPED, v, 'types.yaml'))) continue;
      mkdirSync(join(out, v), { recursive: true });
      copyFileSync(join(SHIPPED, v, 'types.yaml'), join(out, v, 'types.yaml'));
    }
    summary = await importDocs({ inputs: [SUPEROFFICE_DOCS_DIR, SEEDS_DIR], out, schemaDir: join(root, 'contracts', 'schema') });
    pages = files(SUPEROFFICE_DOCS_DIR).filter((f) => f.endsWith('.md'));
  }, 120_000);

  it('imports one operation per page with examples', () => {
    // Counted without the importer's page reader, so that a reader dropping examples cannot agree with itself.
    const withExamples = pages.filter((f) => (readFileSync(f, 'utf8').match(/<[\w.-]+:Envelope\b/g) ?? []).length >= 2);
    const operationPages = new Set(withExamples.map((f) => relative(SUPEROFFICE_DOCS_DIR, f)));
    expect(operationPages.size).toBe(200);
    expect(summary.operations).toBe(operationPages.size);
    const contracts = files(out).filter((f) => !f.endsWith('types.yaml')).map((f) => relative(out, f).replace(/\.yaml$/, '.md'));
    expect(new Set(contracts)).toEqual(operationPages);
  });

  it('skips only the pages without examples (WSDL, index, SOURCE.md), each with a reason', () => {
    expect(summary.skipped.map((s) => s.file).sort()).toEqual([
      'superoffice-docs/SOURCE.md',
      'superoffice-docs/Services86/Services86-User.md',
      'superoffice-docs/Services86/User/index.md',
      'superoffice-docs/Services87/Services87-User.md',
      'superoffice-docs/Services88/Services88-Favourite.md',
      'superoffice-docs/Services88/Services88-User.md',
      'superoffice-docs/Services88/User/index.md',
    ]);
    for (const s of summary.skipped) expect(s.reason).toMatch(/WSDL page|no request\/response examples/);
  });

  it('merges the seeds into the corpus operations they repeat, without conflicts', () => {
    expect(summary.duplicates).toBe(5);
    expect(summary.conflicts).toEqual([]);
    expect(summary.typesPerVersion).toEqual({ Services80: 2, Services82: 2, Services84: 2, Services86: 53, Services87: 23, Services88: 110 });
  });

  it('writes contracts that all lint clean', async () => {
    const r = await lintContracts([out]);
    expect(r.problems).toEqual([]);
    expect(r.contracts).toBe(200);
    expect(r.typesFiles).toBe(6);
  });

  it('keeps no example of a secret field (the pages\' ticket and token placeholders)', () => {
    const texts = Object.values(snapshot(out));
    const all = texts.join('\n');
    expect(all).not.toContain('7T:1234abcxyzExample==');
    expect(all).not.toContain('1234567-1234-9876');
    let secrets = 0;
    const visit = (f: FieldDoc) => {
      if (f.secret) {
        secrets++;
        expect(f.example, f.name).toBeUndefined();
      }
      fieldDocs(f.fields).forEach(visit);
    };
    for (const t of texts) {
      const d = parse(t) as ContractDoc | TypesDoc;
      if (d.kind === 'types') Object.values(d.types).forEach((td) => fieldDocs(td.fields).forEach(visit));
      else [...(d.request.headers ?? []), d.request.body, ...(d.response.headers ?? []), d.response.body].forEach(visit);
    }
    expect(secrets).toBeGreaterThan(400);
  });

  it('rebuilds every request and response, with the example values, into a message equivalent to its source example', async () => {
    const loaded = await loadContracts([out]);
    expect(loaded.problems).toEqual([]);
    const byKey = new Map(loaded.contracts.map((c) => [`${c.version}/${c.service}/${c.operation}`, c]));
    const failures: string[] = [];
    let compared = 0;
    for (const file of pages) {
      const r = importPage(readFileSync(file, 'utf8'), file, '');
      if (!r.ok) continue;
      const contract = byKey.get(`${r.value.page.version}/${r.value.page.agent}/${r.value.page.operation}`)!;
      for (const direction of ['request', 'response'] as const) {
        const diffs = rebuildDifferences(contract, r.value, direction);
        compared++;
        if (diffs.length) failures.push(`${relative(SUPEROFFICE_DOCS_DIR, file)} ${direction}: ${diffs.slice(0, 3).map((d) => `${d.path} ${d.message}`).join('; ')}`);
      }
    }
    expect(compared).toBe(400);
    expect(failures).toEqual([]);
  });

  it('notices when a rebuilt message is not equivalent (the comparison is not vacuous)', async () => {
    const loaded = await loadContracts([out]);
    const contract = loaded.contracts.find((c) => c.version === 'Services88' && c.operation === 'GetArchiveListByColumns')!;
    const r = importPage(readFileSync(join(SUPEROFFICE_DOCS_DIR, 'Services88/Archive/GetArchiveListByColumns.md'), 'utf8'), 'x', '');
    if (!r.ok) throw new Error(r.reason);
    // Without the example's nils, the innermost restriction is not written as in the page.
    const withoutNils = rebuildDifferences(contract, r.value, 'request', { dropNils: true });
    expect(withoutNils.length).toBeGreaterThan(0);
    // A contract whose body element is in another namespace differs at the body element.
    const moved = { ...contract, request: { ...contract.request, body: { ...contract.request.body, name: { ns: 'urn:elsewhere', local: contract.request.body.name.local } } } };
    expect(rebuildDifferences(moved, r.value, 'request').map((d) => d.kind)).toContain('element-name');
  });
});

/**
 * The plain-text form of a markdown page, as a browser's copy of the rendered page gives it:
 * no front matter, no fences, no indentation, no markup, and noise lines around and inside the XML.
 */
function renderedText(markdown: string): string {
  const out: string[] = [];
  let inXml = false;
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  for (const raw of body.split('\n')) {
    const line = raw.trim();
    if (line.startsWith('```')) {
      inXml = !inXml;
      continue;
    }
    if (inXml) {
      out.push(line);
      if (/<[\w-]+:Body>/.test(line)) out.push('Copy');
      continue;
    }
    const text = line
      .replace(/^#+\s*/, '')
      .replace(/^\*\s+\*\*([\w.]+):\*\*\s*/, '• $1: ')
      .replace(/\*\*/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    out.push(text);
    if (/^Services\d+ \w+ \w+/.test(text)) out.push('Some tooltip text!', '• 1 minute to read');
  }
  return out.filter((l) => l !== '').join('\n');
}

describeShared('import docs: the plain-text form of every corpus page', () => {
  it('gives the same contract as the markdown page (apart from source)', () => {
    const pages = files(SUPEROFFICE_DOCS_DIR).filter((f) => f.endsWith('.md'));
    const strip = (d: ContractDoc) => JSON.parse(JSON.stringify({ ...d, source: undefined })) as unknown;
    let compared = 0;
    let described = 0;
    const mismatches: string[] = [];
    for (const file of pages) {
      const md = readFileSync(file, 'utf8');
      const a = importPage(md, 'a', '');
      if (!a.ok) continue;
      const b = importPage(renderedText(md), 'b', '');
      compared++;
      if (!b.ok) {
        mismatches.push(`${relative(SUPEROFFICE_DOCS_DIR, file)}: ${b.reason}`);
        continue;
      }
      const ca = strip(contractDocOf(a.value, '../types.yaml'));
      const cb = strip(contractDocOf(b.value, '../types.yaml'));
      if ((cb as ContractDoc).description && fieldDocs((cb as ContractDoc).request.body.fields).some((f) => f.description)) described++;
      if (JSON.stringify(ca) !== JSON.stringify(cb)) mismatches.push(`${relative(SUPEROFFICE_DOCS_DIR, file)}: differs`);
      else if (JSON.stringify(a.value.request.observations.map((o) => o.fields?.length)) !== JSON.stringify(b.value.request.observations.map((o) => o.fields?.length))) {
        mismatches.push(`${relative(SUPEROFFICE_DOCS_DIR, file)}: type evidence differs`);
      }
    }
    expect(compared).toBe(200);
    expect(mismatches).toEqual([]);
    // Descriptions are part of what must agree, not absent from both.
    expect(described).toBeGreaterThan(150);
  });
});

describeShared('the shipped pack is what its regeneration (README) gives', () => {
  it('import docs of every page, then import wsdl of the User and Favourite WSDLs, over the shipped pack change nothing, byte for byte', async () => {
    const root = tempDir();
    const out = join(root, 'contracts', 'superoffice');
    cpSync(SHIPPED, out, { recursive: true });
    const before = snapshot(out);
    const docs = await importDocs({ inputs: [SUPEROFFICE_DOCS_DIR, SEEDS_DIR], out, schemaDir: join(root, 'contracts', 'schema') });
    // The User pages of the versions with a WSDL enrich the WSDL-derived contracts; the others are docs contracts.
    expect([docs.operations, docs.enriched, docs.conflicts]).toEqual([30, 170, []]);
    for (const page of [...WSDL_VERSIONS.map((v) => join(v, `${v}-User.md`)), join('Services88', 'Services88-Favourite.md')]) {
      const w = await importWsdl({ inputs: [join(SUPEROFFICE_DOCS_DIR, page)], out, schemaDir: join(root, 'contracts', 'schema') });
      expect(w.errors).toEqual([]);
    }
    expect(snapshot(out)).toEqual(before);
  }, 300_000);

  it('takes the wire of the User packs of Services86, 87 and 88 and of Services88 Favourite from the WSDL, the rest from the pages', async () => {
    const { contracts, problems } = await loadContracts([SHIPPED]);
    expect(problems).toEqual([]);
    const by = new Map<string, number>();
    for (const c of contracts) {
      const key = `${c.version}/${c.service} ${c.source?.importer}${c.source?.documentedOnly ? ' documented-only' : ''}`;
      by.set(key, (by.get(key) ?? 0) + 1);
    }
    const wsdl = [...by].filter(([k]) => k.endsWith(' wsdl')).sort();
    expect(wsdl).toEqual([['Services86/User wsdl', 79], ['Services87/User wsdl', 83], ['Services88/Favourite wsdl', 8], ['Services88/User wsdl', 84]]);
    expect(by.get('Services88/User docs documented-only')).toBe(1);
    // One base URL reaches a whole service: every contract of a service folder has the same endpoint, below the installation.
    const endpoints = new Map<string, Set<string>>();
    for (const c of contracts) endpoints.set(`${c.version}/${c.service}`, (endpoints.get(`${c.version}/${c.service}`) ?? new Set()).add(c.endpoint));
    expect([...endpoints].filter(([, e]) => e.size !== 1 || [...e].some((x) => !x.startsWith('Remote/')))).toEqual([]);
    for (const [k] of by) if (!k.endsWith(' wsdl') && !k.endsWith('documented-only')) expect(k, k).not.toMatch(/^Services8[678]\/User /);
  });
});

