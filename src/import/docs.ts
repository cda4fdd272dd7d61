/**
 * `import docs`: documentation pages → one contract per operation plus one types file per
 * service version.
 *
 *   out/ServicesNN/types.yaml
 *   out/ServicesNN/<Agent>/<Operation>.yaml      (types: ../types.yaml)
 *
 * Inputs are files or folders (walked recursively for `.md`/`.txt`, sorted), read in the order
 * given. A page without examples, a WSDL page, or a page whose XML does not parse is skipped with
 * a reason; the import goes on. The same operation from two pages: when the contracts are the
 * same apart from `source` and example values, the first is kept; otherwise the first is kept
 * and a conflict is reported. Output is deterministic and written only where it changed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ContractDoc, ExpectationDoc, MessageDoc, TypesDoc } from '../contract/model.ts';
import { FORMAT_VERSION } from '../contract/model.ts';
import { decodeUtf8 } from '../contract/utf8.ts';
import { clark, parseXml, SOAP11_ENV_NS, SOAP12_ENV_NS, XSI_NS, type ExpandedName } from '../xml/index.ts';
import { inferMessage, type IField, type InferredMessage, type TypeObservation } from './docs/infer.ts';
import { readDocPage, unclosedReason, withoutNoiseLines, type DocPage, type XmlExample } from './docs/page.ts';
import { expandWritten, PrefixMap, renderField, renderTypesDoc, type CarriedType } from './docs/render.ts';
import { mergeTypeObservations } from './docs/types.ts';
import { carryExpectations, mergePages, readContractDoc, readTypesDoc } from './keep.ts';
import { schemaComment, toYaml } from './yaml-write.ts';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DEFAULT_SCHEMA_DIR = join(REPO_ROOT, 'contracts', 'schema');

/** Largest page read, in bytes (the corpus's largest is well under 1 MiB). */
export const MAX_PAGE_BYTES = 16 * 1024 * 1024;

export interface ImportOptions {
  inputs: string[];
  out: string;
  /** Folder holding contract.schema.json and types.schema.json (for the editor comment line). */
  schemaDir?: string;
  /** Progress and per-page lines. */
  log?: (line: string) => void;
}

export interface SkippedPage {
  file: string;
  reason: string;
}

export interface ImportSummary {
  pagesRead: number;
  /** Pages that had a request and a response example that parsed. */
  pagesWithExamples: number;
  /** Contracts produced (after merging duplicate operations). */
  operations: number;
  skipped: SkippedPage[];
  /** Identical duplicates merged into one contract. */
  duplicates: number;
  /** Duplicate operations that differ, and conflicting type evidence. */
  conflicts: string[];
  typesPerVersion: Record<string, number>;
  /** Pages whose contract path held a WSDL-derived contract: its wire kept, the page's description and examples merged in. */
  enriched: number;
  /** Files written (new or changed) and left as they were. */
  written: string[];
  unchanged: number;
}

/** A page read and inferred, before rendering. */
export interface PageImport {
  file: string;
  sha256: string;
  page: DocPage;
  request: InferredMessage;
  response: InferredMessage;
}

export type PageOutcome = { ok: true; value: PageImport } | { ok: false; reason: string };

/** Read one page's text into its inferred request and response. */
export function importPage(text: string, file: string, sha256: string): PageOutcome {
  const r = readDocPage(text);
  if (!r.ok) return { ok: false, reason: r.reason };
  const page = r.page;
  const req = page.examples.find((e) => e.role === 'request');
  const resp = page.examples.find((e) => e.role === 'response');
  if (!req || !resp) {
    if (page.unclosed) return { ok: false, reason: unclosedReason(page.unclosed) };
    return { ok: false, reason: `has ${req ? 'a request' : 'a response'} example but no ${req ? 'response' : 'request'} example` };
  }
  const request = inferExample(req, file);
  if (!request.ok) return { ok: false, reason: request.reason };
  const response = inferExample(resp, file);
  if (!response.ok) return { ok: false, reason: response.reason };
  return { ok: true, value: { file, sha256, page, request: request.message, response: response.message } };
}

function inferExample(ex: XmlExample, file: string): { ok: true; message: InferredMessage } | { ok: false; reason: string } {
  let parsed = parseXml(ex.text);
  if (!parsed.ok) {
    const retry = parseXml(withoutNoiseLines(ex.text));
    if (retry.ok) parsed = retry;
  }
  if (!parsed.ok) {
    const at = parsed.line ? ` at line ${ex.line + parsed.line - 1}${parsed.column ? `, column ${parsed.column}` : ''}` : ` (example starting at line ${ex.line})`;
    return { ok: false, reason: `${ex.role} example does not parse${at}: ${parsed.message}` };
  }
  const inferred = inferMessage(parsed.doc, file);
  if (!inferred.ok) {
    const at = inferred.line ? ` at line ${ex.line + inferred.line - 1}` : '';
    return { ok: false, reason: `${ex.role} example${at}: ${inferred.reason}` };
  }
  return { ok: true, message: inferred.message };
}

// ---------------------------------------------------------------------------------------------

/** Namespaces a contract never writes QNames in (the envelope's own, the encoding's, xsi). */
const NOT_CONTRACT_NS = new Set([SOAP11_ENV_NS, SOAP12_ENV_NS, XSI_NS, 'http://www.w3.org/2003/05/soap-encoding', 'http://schemas.xmlsoap.org/soap/encoding/']);

function contractBindings(p: PageImport): Array<[string, string]> {
  return [...p.request.declarations, ...p.response.declarations].filter(([, uri]) => !NOT_CONTRACT_NS.has(uri));
}

function describeFields(fields: IField[] | undefined, byName: (local: string) => string | undefined): void {
  for (const f of fields ?? []) {
    const d = byName(f.name.local);
    if (d && !f.description) f.description = d;
  }
}

function messageDoc(m: InferredMessage, pm: PrefixMap): MessageDoc {
  const doc: MessageDoc = { body: renderField(m.body, pm) };
  if (m.headers.length) return { headers: m.headers.map((h) => renderField(h, pm)), ...doc };
  return doc;
}

function quirkDocs(p: PageImport, pm: PrefixMap): NonNullable<ContractDoc['source']>['quirks'] {
  const out: NonNullable<NonNullable<ContractDoc['source']>['quirks']> = [];
  for (const [role, m] of [['request', p.request], ['response', p.response]] as const) {
    for (const q of m.quirks) out.push({ code: q.code, message: role, description: q.description, elements: q.elements.map((e: ExpandedName) => pm.qname(e)) });
  }
  return out;
}

/** The contract document of one page (field descriptions from the page's bullets). */
export function contractDocOf(p: PageImport, typesRef: string | undefined): ContractDoc {
  const { page } = p;
  describeFields(p.request.body.fields, (local) => page.params.get(local.toLowerCase()));
  if (page.returns) describeFields(p.response.body.fields, (local) => (local === 'Response' ? page.returns : undefined));
  const pm = new PrefixMap(contractBindings(p));
  const request = messageDoc(p.request, pm);
  const response = messageDoc(p.response, pm);
  const quirks = quirkDocs(p, pm);
  const serviceNs = p.request.body.name.ns;
  const doc: ContractDoc = {
    soapcheck: FORMAT_VERSION,
    kind: 'operation',
    service: page.agent,
    version: page.version,
    operation: page.operation,
    ...(page.description ? { description: page.description } : {}),
    endpoint: page.endpoint ?? `Remote/${page.version}/${page.agent}.svc`,
    soap: { version: p.request.soapVersion, action: `${serviceNs}/${page.agent}/${page.operation}`, actionSource: 'derived' },
    namespaces: pm.usedNamespaces(),
    ...(typesRef ? { types: typesRef } : {}),
    request,
    response,
    source: { importer: 'docs', file: p.file, sha256: p.sha256, ...(quirks?.length ? { quirks } : {}) },
  };
  return doc;
}

/**
 * The part of a contract that "identical" covers: everything but `source`, example values and
 * descriptions (pages of one operation differ in dates of examples and in how much prose they
 * carry; neither changes what a message must look like).
 */
export function contractShape(doc: ContractDoc): unknown {
  return JSON.parse(JSON.stringify(doc, (key, value: unknown) => (key === 'source' || key === 'example' || key === 'description' ? undefined : value)));
}

/** JSON pointer of the first place where two plain JSON values differ, or null when equal. */
export function firstDifference(a: unknown, b: unknown, at = ''): string | null {
  if (a === b) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return at || '/';
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k}`);
    if (d) return d;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------

/** Files under an input (a file, or a folder walked recursively for names matching `pattern`), with paths relative to the input's parent for messages. */
export async function collectFiles(input: string, out: Array<{ path: string; rel: string }>, pattern: RegExp = /\.(md|txt)$/i): Promise<void> {
  const st = await stat(input);
  if (st.isFile()) {
    out.push({ path: input, rel: basename(input) });
    return;
  }
  const root = resolve(input);
  const found: string[] = [];
  // Symbolic links are followed; a folder met again (a link back up the tree) is not walked twice.
  const walked = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const id = await stat(dir).then((d) => `${d.dev}:${d.ino}`);
    if (walked.has(id)) return;
    walked.add(id);
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = join(dir, e.name);
      const target = e.isSymbolicLink() ? await stat(p).catch(() => undefined) : e;
      if (target?.isDirectory()) await walk(p);
      else if (target?.isFile() && pattern.test(e.name)) found.push(p);
    }
  };
  await walk(root);
  const base = basename(root);
  for (const p of found.map((f) => relative(root, f).split(sep).join('/')).sort()) {
    out.push({ path: join(root, p), rel: `${base}/${p}` });
  }
}

/** Write a file only when its text changed; true when written. */
export async function writeIfChanged(file: string, text: string): Promise<boolean> {
  try {
    if ((await readFile(file, 'utf8')) === text) return false;
  } catch {
    /* new file */
  }
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  return true;
}

/** Run the import. Throws only for unusable inputs (a path that does not exist). */
export async function importDocs(opts: ImportOptions): Promise<ImportSummary> {
  const log = opts.log ?? (() => {});
  const schemaDir = opts.schemaDir ?? DEFAULT_SCHEMA_DIR;
  const files: Array<{ path: string; rel: string }> = [];
  for (const input of opts.inputs) await collectFiles(input, files);
  log(`reading ${files.length} page${files.length === 1 ? '' : 's'}`);

  const summary: ImportSummary = { pagesRead: 0, pagesWithExamples: 0, operations: 0, skipped: [], duplicates: 0, conflicts: [], typesPerVersion: {}, enriched: 0, written: [], unchanged: 0 };
  const kept = new Map<string, { imp: PageImport; shape: unknown; doc: ContractDoc }>();
  for (const f of files) {
    let bytes: Buffer | undefined;
    let reason: string | undefined;
    try {
      const size = (await stat(f.path)).size;
      if (size > MAX_PAGE_BYTES) reason = `${size} bytes, over the limit of ${MAX_PAGE_BYTES} bytes for a page`;
      else bytes = await readFile(f.path);
    } catch (e) {
      reason = `cannot read the file: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
    if (!bytes) {
      summary.skipped.push({ file: f.rel, reason: reason! });
      log(`skipped ${f.rel}: ${reason!}`);
      continue;
    }
    summary.pagesRead++;
    const text = decodeUtf8(bytes);
    if (!text.ok) {
      const reason = `not UTF-8 text: invalid byte 0x${text.byte} at line ${text.line}, column ${text.column}`;
      summary.skipped.push({ file: f.rel, reason });
      log(`skipped ${f.rel}: ${reason}`);
      continue;
    }
    const sha = createHash('sha256').update(bytes).digest('hex');
    const r = importPage(text.text, f.rel, sha);
    if (!r.ok) {
      summary.skipped.push({ file: f.rel, reason: r.reason });
      log(`skipped ${f.rel}: ${r.reason}`);
      continue;
    }
    summary.pagesWithExamples++;
    const imp = r.value;
    for (const note of [...imp.request.notes, ...imp.response.notes]) log(`note ${note}`);
    const key = `${imp.page.version}/${imp.page.agent}/${imp.page.operation}`;
    const doc = contractDocOf(imp, '../types.yaml');
    const shape = contractShape(doc);
    const first = kept.get(key);
    if (!first) {
      kept.set(key, { imp, shape, doc });
      continue;
    }
    const diff = firstDifference(first.shape, shape);
    if (diff === null) {
      summary.duplicates++;
      const prose = firstDifference(JSON.parse(JSON.stringify({ ...first.doc, source: undefined })), JSON.parse(JSON.stringify({ ...doc, source: undefined })));
      const what = prose === null ? 'identical' : 'same shape, other descriptions or example values';
      log(`duplicate ${f.rel}: operation ${key} again (${what}); kept ${first.imp.file}`);
    } else {
      const line = `operation ${key}: ${f.rel} differs from ${first.imp.file} at ${diff}; kept ${first.imp.file}`;
      summary.conflicts.push(line);
      log(`conflict ${line}`);
    }
  }

  // A page whose contract path holds a WSDL-derived contract enriches it (the WSDL decides the
  // wire); the others make docs contracts. Every page feeds its version's types (shared by the
  // version's agents), written when some docs contract uses them.
  const outputs: Array<[string, string]> = [];
  const enriching = new Set<PageImport>();
  const byVersion = new Map<string, PageImport[]>();
  for (const { imp, doc } of kept.values()) {
    const file = join(opts.out, imp.page.version, imp.page.agent, `${imp.page.operation}.yaml`);
    const old = await readContractDoc(file);
    if (old?.source?.importer === 'wsdl') {
      mergePages(old, doc);
      outputs.push([file, toYaml(old, schemaComment(file, join(schemaDir, 'contract.schema.json')))]);
      enriching.add(imp);
      summary.enriched++;
      log(`enriched ${relative(opts.out, file).split(sep).join('/')}: a WSDL-derived contract, its wire kept, the page's description and examples taken`);
    }
    const list = byVersion.get(imp.page.version) ?? [];
    list.push(imp);
    byVersion.set(imp.page.version, list);
  }
  for (const version of [...byVersion.keys()].sort()) {
    const pages = byVersion.get(version)!;
    if (pages.every((p) => enriching.has(p))) continue;
    const observations: TypeObservation[] = pages.flatMap((p) => [...p.request.observations, ...p.response.observations]);
    const merged = mergeTypeObservations(observations);
    for (const c of merged.conflicts) {
      summary.conflicts.push(`${version}: ${c}`);
      log(`conflict ${version}: ${c}`);
    }
    summary.typesPerVersion[version] = merged.types.length;
    const typesFile = join(opts.out, version, 'types.yaml');
    if (merged.types.length > 0) {
      const carried = await typesOnlyIn(typesFile, merged.types.map((t) => clark(t.name)));
      if (carried.length > 0) {
        const names = carried.map((c) => clark(c.name));
        log(`kept ${version}: ${carried.length} type${carried.length === 1 ? '' : 's'} of the existing ${typesFile} that no page of this run shows (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`);
      }
      const typesDoc = renderTypesDoc(version, merged.types, new PrefixMap(typesBindings(pages)), carried);
      // Expectations are written by hand (pack-level statements such as SuperOffice's call-succeeded), never imported: keep them.
      const expectations = await expectationsOf(typesFile);
      if (expectations.length > 0) typesDoc.expectations = expectations;
      outputs.push([typesFile, toYaml(typesDoc, schemaComment(typesFile, join(schemaDir, 'types.schema.json')))]);
    }
    for (const p of pages) {
      if (enriching.has(p)) continue;
      const file = join(opts.out, version, p.page.agent, `${p.page.operation}.yaml`);
      const doc = contractDocOf(p, merged.types.length > 0 ? '../types.yaml' : undefined);
      keepHandWritten(doc, await readContractDoc(file));
      outputs.push([file, toYaml(doc, schemaComment(file, join(schemaDir, 'contract.schema.json')))]);
      summary.operations++;
    }
  }
  for (const [file, text] of outputs) {
    if (await writeIfChanged(file, text)) summary.written.push(file);
    else summary.unchanged++;
  }
  return summary;
}

/**
 * What the docs contract at the path says that no page does: its hand-written expectations, and
 * the WSDL import's mark that the binding lacks the operation.
 */
function keepHandWritten(doc: ContractDoc, old: ContractDoc | undefined): void {
  if (!old) return;
  const expectations = carryExpectations(old.expectations, old.namespaces ?? {}, doc.namespaces);
  if (expectations.length > 0) doc.expectations = expectations;
  if (old.source?.documentedOnly === true && doc.source) doc.source = { ...doc.source, documentedOnly: true };
}

/** The `expectations` of an existing types file, as written ([] when there is none or no such file). */
async function expectationsOf(file: string): Promise<ExpectationDoc[]> {
  const old = await readTypesDoc(file);
  return Array.isArray(old?.expectations) ? old.expectations : [];
}

/**
 * The types of an existing types file that this run does not define: kept, so that importing a
 * few pages into an existing pack does not take types away from the contracts already there.
 */
async function typesOnlyIn(file: string, defined: string[]): Promise<CarriedType[]> {
  const old = await readTypesDoc(file);
  if (!old?.types || !old.namespaces) return [];
  const have = new Set(defined);
  const out: CarriedType[] = [];
  for (const [q, def] of Object.entries(old.types)) {
    const name = expandWritten(q, old.namespaces);
    if (name && !have.has(clark(name))) out.push({ name, def, namespaces: old.namespaces });
  }
  return out;
}

/**
 * Prefixes for a version's types file: for each URI the prefix the pages bind to it most often
 * (ties: alphabetical), so the file reads like the pages.
 */
function typesBindings(pages: PageImport[]): Array<[string, string]> {
  const counts = new Map<string, Map<string, number>>();
  for (const p of pages) {
    for (const [prefix, uri] of contractBindings(p)) {
      const m = counts.get(uri) ?? new Map<string, number>();
      m.set(prefix, (m.get(prefix) ?? 0) + 1);
      counts.set(uri, m);
    }
  }
  const ranked: Array<[string, string, number]> = [];
  for (const [uri, m] of counts) {
    const [prefix, n] = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    ranked.push([prefix, uri, n]);
  }
  ranked.sort((a, b) => b[2] - a[2] || (a[1] < b[1] ? -1 : 1));
  return ranked.map(([p, uri]) => [p, uri]);
}
