import { existsSync, mkdirSync, mkdtempSync, symlinkSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.ts';
import { lintContracts } from '../../src/contract/lint.ts';
import type { ContractDoc, TypesDoc } from '../../src/contract/model.ts';
import { contractShape, importDocs, MAX_PAGE_BYTES, type ImportSummary } from '../../src/import/docs.ts';
import { REPO_ROOT } from '../support/corpus.ts';
import { fieldDocs } from '../../src/contract/particles.ts';

const FIX = join(REPO_ROOT, 'test', 'fixtures', 'docs');
const MARKDOWN = join(FIX, 'markdown');
const PLAIN = join(FIX, 'plain');
const BROKEN = join(FIX, 'broken');

const tmp: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'soapcheck-import-'));
  tmp.push(d);
  return d;
}
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

/** Every file under a folder → its bytes, by relative path. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d)) {
      const p = join(d, e);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(dir, p)] = readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

async function run(inputs: string[], out = tempDir()): Promise<{ out: string; summary: ImportSummary; log: string[] }> {
  const log: string[] = [];
  const summary = await importDocs({ inputs, out, log: (l) => log.push(l) });
  return { out, summary, log };
}

const readYaml = <T>(file: string): T => parse(readFileSync(file, 'utf8')) as T;

describe('importDocs over the fixture pages', () => {
  it('imports the operations and skips the other pages with a reason each', async () => {
    const { out, summary, log } = await run([MARKDOWN, BROKEN]);
    expect(summary.pagesRead).toBe(5);
    expect(summary.operations).toBe(2);
    expect(summary.pagesWithExamples).toBe(2);
    expect(summary.skipped.map((s) => s.file).sort()).toEqual(['broken/DeleteWidget.md', 'markdown/Demo9/Demo9-Widget.md', 'markdown/Demo9/Widget/index.md']);
    expect(log).toContain('skipped markdown/Demo9/Demo9-Widget.md: a WSDL page (no request/response examples)');
    expect(log).toContain('skipped markdown/Demo9/Widget/index.md: no request/response examples on the page');
    // The XML error names the page line (the mismatched end tag is on line 12 of the page).
    expect(log.find((l) => l.startsWith('skipped broken/DeleteWidget.md'))).toMatch(/request example does not parse at line 12, column \d+: not well-formed XML/);
    expect(Object.keys(snapshot(out)).sort()).toEqual(['Demo9/Widget/ListWidgets.yaml', 'Demo9/Widget/SaveWidget.yaml', 'Demo9/types.yaml']);
  });

  it('writes contracts and a types file that lint clean', async () => {
    const { out } = await run([MARKDOWN]);
    const r = await lintContracts([out]);
    expect(r.problems).toEqual([]);
    expect(r.contracts).toBe(2);
    expect(r.typesFiles).toBe(1);
  });

  it('derives action, version, endpoint, quirk, secrets and descriptions', async () => {
    const { out } = await run([MARKDOWN]);
    const text = readFileSync(join(out, 'Demo9/Widget/SaveWidget.yaml'), 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=.*contracts\/schema\/contract\.schema\.json$/);
    const doc = parse(text) as ContractDoc;
    expect(doc).toMatchObject({
      service: 'Widget',
      version: 'Demo9',
      operation: 'SaveWidget',
      endpoint: 'Remote/Demo9/Widget.svc',
      soap: { version: '1.2', action: 'http://example.test/ws/Demo9/Widget/SaveWidget', actionSource: 'derived' },
      namespaces: { Widget: 'http://example.test/ws/Demo9', xsd: 'http://www.w3.org/2001/XMLSchema' },
      types: '../types.yaml',
      source: { importer: 'docs', file: 'markdown/Demo9/Widget/SaveWidget.md' },
    });
    expect(doc.source!.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.source!.quirks).toEqual([expect.objectContaining({ code: 'header-blocks-outside-header', message: 'request', elements: ['Widget:ApplicationToken', 'Widget:Credentials'] })]);
    expect(doc.request.headers!.map((h) => [h.name, h.secret])).toEqual([['Widget:ApplicationToken', true], ['Widget:Credentials', undefined]]);
    expect(fieldDocs(doc.request.body.fields).map((f) => [f.name, f.type, f.description, f.secret])).toEqual([
      ['Widget:Widget', 'Widget:WidgetEntity', 'The widget to store.', undefined],
      ['Widget:Password', 'xsd:string', 'Owner password.', true],
    ]);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('T:abc==');
    expect(doc.response.body.fields![0]).toMatchObject({ name: 'Widget:Response', description: 'The stored widget.' });
  });

  it('merges the named types of all pages of a version into one types file', async () => {
    const { out } = await run([MARKDOWN]);
    const t = readYaml<TypesDoc>(join(out, 'Demo9/types.yaml'));
    expect(Object.keys(t.types)).toEqual(['W:ArrayOfWidgetEntity', 'W:ArrayOfWidgetPart', 'W:WidgetEntity', 'W:WidgetPart', 'W:WidgetState', 'Arr:ArrayOfstring', 'Ser:duration']);
    const entity = fieldDocs(t.types["W:WidgetEntity"]!.fields);
    // Union of both pages' fields, in an order consistent with both; Colour only in one → optional.
    expect(entity.map((f) => f.name)).toEqual(['W:WidgetId', 'W:Label', 'W:Colour', 'W:State', 'W:Tags', 'W:Parts', 'W:Lead', 'W:Created']);
    expect(entity.find((f) => f.name === 'W:Colour')!.minOccurs).toBe(0);
    expect(entity.find((f) => f.name === 'W:WidgetId')!.minOccurs).toBeUndefined();
    expect(entity.find((f) => f.name === 'W:Label')!.nillable).toBe(true);
    expect(t.types['W:WidgetState']).toEqual({ enum: ['Active', 'Draft', 'Retired'], enumComplete: false });
    expect(t.types['Arr:ArrayOfstring']!.fields![0]).toMatchObject({ name: 'Arr:string', type: 'xsd:string', minOccurs: 0, maxOccurs: 'unbounded' });
    expect(t.types['W:WidgetPart']!.fields![1]).toEqual({ name: 'W:Child', nillable: true });
    expect(t.types['Ser:duration']).toEqual({ base: 'xsd:duration' });
  });

  it('puts header blocks found inside soap:Header in the contract without a quirk', async () => {
    const { out } = await run([MARKDOWN]);
    const doc = readYaml<ContractDoc>(join(out, 'Demo9/Widget/ListWidgets.yaml'));
    expect(doc.request.headers).toEqual([{ name: 'W:Ticket', secret: true }]);
    expect(doc.request.body).toEqual({ name: 'W:ListWidgets', fields: [] });
    expect(doc.source!.quirks).toBeUndefined();
  });

  it('is deterministic: the same input gives byte-identical output', async () => {
    const a = await run([MARKDOWN, BROKEN]);
    const b = await run([MARKDOWN, BROKEN]);
    const sa = snapshot(a.out);
    expect(Object.keys(sa).length).toBe(3);
    expect(snapshot(b.out)).toEqual(sa);
  });

  it('is idempotent: re-running into the output folder changes nothing', async () => {
    const first = await run([MARKDOWN]);
    const before = snapshot(first.out);
    const again = await run([MARKDOWN], first.out);
    expect(again.summary.written).toEqual([]);
    expect(again.summary.unchanged).toBe(3);
    expect(snapshot(first.out)).toEqual(before);
  });

  it('keeps the types of an existing types file that a partial re-import does not show', async () => {
    const { out } = await run([MARKDOWN]);
    const again = await run([join(MARKDOWN, 'Demo9/Widget/SaveWidget.md')], out);
    expect(again.log.some((l) => l.startsWith('kept Demo9: 1 type') && l.includes('ArrayOfWidgetEntity'))).toBe(true);
    const t = readYaml<TypesDoc>(join(out, 'Demo9/types.yaml'));
    // Re-prefixed to this run's prefix for the namespace, and still referenced by ListWidgets.
    expect(t.types['Widget:ArrayOfWidgetEntity']!.fields![0]).toMatchObject({ name: 'Widget:WidgetEntity', type: 'Widget:WidgetEntity' });
    const r = await lintContracts([out]);
    expect(r.problems).toEqual([]);
  });

  it('keeps the hand-written expectations of an existing types file', async () => {
    const { out } = await run([MARKDOWN]);
    const file = join(out, 'Demo9/types.yaml');
    const expectation = { id: 'call-succeeded', namespaces: { so: 'urn:x' }, failWhen: "/env:Envelope/env:Header/so:Succeeded = 'false'", message: 'failed: {/env:Envelope/env:Header/so:Error}' };
    writeFileSync(file, `${readFileSync(file, 'utf8')}expectations:\n  - ${JSON.stringify(expectation)}\n`);
    await run([MARKDOWN], out);
    expect(readYaml<TypesDoc>(file).expectations).toEqual([expectation]);
    const r = await lintContracts([out]);
    expect(r.problems).toEqual([]);
  });

  it('reads the plain-text form of a page into the same contract as the markdown form', async () => {
    const md = await run([join(MARKDOWN, 'Demo9/Widget/SaveWidget.md')]);
    const txt = await run([join(PLAIN, 'SaveWidget.txt')]);
    const a = readYaml<ContractDoc>(join(md.out, 'Demo9/Widget/SaveWidget.yaml'));
    const b = readYaml<ContractDoc>(join(txt.out, 'Demo9/Widget/SaveWidget.yaml'));
    expect(contractShape(b)).toEqual(contractShape(a));
    expect(b.description).toBe(a.description);
    // The types agree too, apart from example values (the dateTime differs between the forms).
    const ta = readFileSync(join(md.out, 'Demo9/types.yaml'), 'utf8');
    const tb = readFileSync(join(txt.out, 'Demo9/types.yaml'), 'utf8');
    expect(tb.replace(/example: .*/g, '')).toBe(ta.replace(/example: .*/g, ''));
    expect(ta).not.toBe(tb);
  });

  it('imports an operation given twice once, keeping the first, and reports a conflicting duplicate', async () => {
    const { summary, log } = await run([MARKDOWN, PLAIN]);
    expect(summary.operations).toBe(2);
    expect(summary.duplicates).toBe(1);
    expect(log.some((l) => l.startsWith('duplicate plain/SaveWidget.txt: operation Demo9/Widget/SaveWidget again'))).toBe(true);
    expect(summary.conflicts).toEqual([]);
  });
});

describe('importDocs on a page that is not UTF-8', () => {
  it('skips it with the position of the first bad byte, and goes on', async () => {
    const dir = tempDir();
    const page = readFileSync(join(MARKDOWN, 'Demo9', 'Widget', 'SaveWidget.md'));
    const nl = page.indexOf(0x0a);
    // A Latin-1 "é" (0xE9) at the start of the second line: not a UTF-8 sequence.
    writeFileSync(join(dir, 'Latin1.md'), Buffer.concat([page.subarray(0, nl + 1), Buffer.from([0xe9]), page.subarray(nl + 1)]));
    const { summary, log } = await run([dir, join(MARKDOWN, 'Demo9', 'Widget', 'ListWidgets.md')]);
    const rel = `${dir.split(/[\\/]/).at(-1)}/Latin1.md`;
    expect(summary.skipped).toEqual([{ file: rel, reason: 'not UTF-8 text: invalid byte 0xE9 at line 2, column 1' }]);
    expect(log).toContain(`skipped ${rel}: not UTF-8 text: invalid byte 0xE9 at line 2, column 1`);
    expect(summary.operations).toBe(1);
  });
});

describe('importDocs over symbolic links', () => {
  it('follows a linked page and a linked folder, and a link back up the tree only once', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'pages'));
    symlinkSync(join(MARKDOWN, 'Demo9', 'Widget', 'SaveWidget.md'), join(dir, 'pages', 'SaveWidget.md'));
    symlinkSync(join(PLAIN), join(dir, 'pages', 'plain'));
    symlinkSync('..', join(dir, 'pages', 'up'));
    const { summary } = await run([join(dir, 'pages')]);
    expect(summary.pagesRead).toBe(2);
    expect(summary.operations).toBe(1);
    expect(summary.duplicates).toBe(1);
  });
});

describe('importDocs on a page over the size limit', () => {
  it('skips it without reading it, saying its size and the limit', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'Huge.md'), '');
    truncateSync(join(dir, 'Huge.md'), MAX_PAGE_BYTES + 1); // sparse: no real 16 MiB written
    const { summary } = await run([dir]);
    expect(summary.pagesRead).toBe(0);
    expect(summary.skipped.map((s) => s.reason)).toEqual([`${MAX_PAGE_BYTES + 1} bytes, over the limit of ${MAX_PAGE_BYTES} bytes for a page`]);
  });
});

describe('importDocs on a page whose response Envelope is never closed', () => {
  it('says so, with the page line of that example, instead of "no response example"', async () => {
    const dir = tempDir();
    const page = readFileSync(join(MARKDOWN, 'Demo9', 'Widget', 'SaveWidget.md'), 'utf8');
    const cut = page.lastIndexOf('</SOAP-ENV:Envelope>');
    writeFileSync(join(dir, 'Unclosed.md'), page.slice(0, cut) + page.slice(cut + '</SOAP-ENV:Envelope>'.length));
    const line = page.slice(0, page.lastIndexOf('<?xml')).split('\n').length;
    const { summary } = await run([dir]);
    expect(summary.skipped.map((s) => s.reason)).toEqual([`the example starting at line ${line} has no closing </SOAP-ENV:Envelope>`]);
  });
});

describe('soapcheck import (CLI)', () => {
  async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
    try {
      return { code: await main(args), out, err };
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
  }

  it('imports and prints skipped pages and a summary, exit 0', async () => {
    const out = tempDir();
    const r = await cli(['import', 'docs', MARKDOWN, BROKEN, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('skipped broken/DeleteWidget.md: request example does not parse');
    expect(r.out).toContain('pages read: 5, with examples: 2, skipped: 3');
    expect(r.out).toContain('operations imported: 2');
    expect(r.out).toContain('types per version: Demo9 7');
  });

  it.each([
    [['import'], /missing import source/],
    [['import', 'soap', 'x', '--out', 'y'], /unknown import source 'soap'/],
    [['import', 'docs', 'test/fixtures/docs/markdown', '--out', 'y', '--binding', 'B'], /--binding is an option of import wsdl/],
    [['import', 'docs', '--out', 'y'], /no input files or folders/],
    [['import', 'docs', 'test/fixtures/docs/markdown'], /--out <dir> is required/],
    [['import', 'docs', 'no/such/folder', '--out', 'y'], /input not found: no\/such\/folder/],
    [['import', 'docs', 'x', '--bogus'], /bogus/],
  ])('exits 2 on a usage error: %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('prints only the summary with --quiet', async () => {
    const r = await cli(['import', 'docs', MARKDOWN, BROKEN, '--out', tempDir(), '-q']);
    expect(r.code).toBe(0);
    expect(r.out).not.toContain('skipped ');
    expect(r.out).toContain('pages read: 5, with examples: 2, skipped: 3');
  });

  it('exits 2 with a clear message when the output folder cannot be made', async () => {
    const dir = tempDir();
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, 'x');
    const r = await cli(['import', 'docs', MARKDOWN, '--out', join(file, 'out'), '--quiet']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot mkdir .*not-a-folder.*ENOTDIR/);
  });

  it('exits 2 before reading any page when --out is a file', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    const r = await cli(['import', 'docs', MARKDOWN, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--out ${file} is a file, not a folder`);
    expect(r.out).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('exits 2 when the inputs hold no page at all, and writes nothing', async () => {
    const empty = tempDir();
    const out = join(tempDir(), 'out');
    const r = await cli(['import', 'docs', empty, '--out', out, '-q']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`no pages (*.md, *.txt) found in ${empty}`);
    expect(existsSync(out)).toBe(false);
  });

  it('exits 2 when pages were read but none gave an operation, after saying why each was skipped', async () => {
    const r = await cli(['import', 'docs', BROKEN, '--out', tempDir()]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('skipped broken/DeleteWidget.md');
    expect(r.out).toContain('operations imported: 0');
    expect(r.err).toContain(`no operation imported from ${BROKEN}`);
  });

  it('has a --help that names every option it accepts', async () => {
    const r = await cli(['import', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--out', '--quiet', 'docs']) expect(r.out).toContain(opt);
  });
});
