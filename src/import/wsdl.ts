/**
 * `import wsdl`: WSDL 1.1 documents (files, markdown pages holding one in an ```xml fence, or
 * folders of them) → one contract per operation of a SOAP binding, the named types of the WSDL's
 * schemas, and the schemas themselves as `.xsd` files for the `schema/xsd` rule:
 *
 *   out/<Version>/<PortType>/<Operation>.yaml     (types: types.yaml, schemas: [schemas/….xsd])
 *   out/<Version>/<PortType>/types.yaml
 *   out/<Version>/<PortType>/schemas/<Name>-<n>.xsd
 *
 * <Version> is the last word of the WSDL's targetNamespace (`…/Services88` → `Services88`), else
 * the definitions' name, else the file's stem. A port type bound more than once (SOAP 1.1 and
 * SOAP 1.2) follows one binding — `binding` when given, else the first in the document — and says
 * so. A contract already at the target path (the docs importer's, or an earlier import's) lends
 * the new one what the WSDL does not decide: description, endpoint, example values and field
 * descriptions (also of the types, from the types file there or else the docs one beside the
 * service folder), and its hand-written expectations (keep.ts); an operation the pages document
 * but the binding lacks keeps its docs contract, marked `source.documentedOnly`. Output is
 * deterministic and written only where it changed.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { ContractDoc, ExpectationDoc, MessageDoc, TypeDefDoc, TypesDoc } from '../contract/model.ts';
import { FORMAT_VERSION } from '../contract/model.ts';
import { clark, serializeElement, XSD_NS, type XElement } from '../xml/index.ts';
import { collectFiles, DEFAULT_SCHEMA_DIR, writeIfChanged } from './docs.ts';
import { PrefixMap } from './docs/render.ts';
import { carryExpectations, mergePages, mergeTypePages, packEndpoint, readContractDoc, readTypesDoc } from './keep.ts';
import { DocumentSet, noteText, XS_NS, type ImportNote, type SourceDocument } from './wsdl/documents.ts';
import { WsdlReader, type BindingInfo, type WMessage, type WOperation } from './wsdl/operations.ts';
import { renderField, renderType } from './wsdl/render.ts';
import { SchemaSet } from './wsdl/schema.ts';
import { schemaTexts } from './wsdl/xsd-files.ts';
import { schemaComment, toYaml } from './yaml-write.ts';

export interface WsdlImportOptions {
  inputs: string[];
  out: string;
  /** Name of the binding to follow where a port type is bound more than once. */
  binding?: string;
  schemaDir?: string;
  log?: (line: string) => void;
}

export interface WsdlImportSummary {
  /** WSDL documents imported (files and pages holding one). */
  wsdls: number;
  operations: number;
  /** Operations the pages document but the binding lacks, kept from docs contracts. */
  documentedOnly: number;
  /** Inputs that could not be imported at all, with the reason. */
  errors: string[];
  /** Constructs not expressed and references not followed: file, line, what. */
  notes: ImportNote[];
  written: string[];
  unchanged: number;
}

/** One WSDL read: its bindings, schemas and where it came from. */
export interface WsdlRead {
  root: SourceDocument;
  docs: DocumentSet;
  schemas: SchemaSet;
  reader: WsdlReader;
  bindings: BindingInfo[];
}

/** Read one WSDL (file or page) with what it imports; a string is the reason it could not be. */
export async function readWsdl(path: string, rel: string): Promise<WsdlRead | string> {
  const docs = new DocumentSet(dirname(resolve(path)), rel);
  const root = await docs.load(path);
  if (typeof root === 'string') return root;
  if (!(root.root.local === 'definitions')) return `${rel}: an XML Schema, not a WSDL (its root is xs:schema): nothing to import`;
  const schemas = new SchemaSet(docs);
  const reader = new WsdlReader(docs, schemas);
  for (const d of docs.docs) {
    schemas.addDocument(d);
    reader.addDocument(d);
  }
  const bindings = reader.readBindings();
  schemas.translateAll();
  return { root, docs, schemas, reader, bindings };
}

/** The bindings the contracts follow: one per port type (`binding` by name, else the first), with a line for each choice made. */
export function chooseBindings(bindings: BindingInfo[], wanted: string | undefined): { chosen: BindingInfo[]; lines: string[] } {
  const byPortType = new Map<string, BindingInfo[]>();
  for (const b of bindings) {
    const list = byPortType.get(clark(b.portType)) ?? [];
    list.push(b);
    byPortType.set(clark(b.portType), list);
  }
  const chosen: BindingInfo[] = [];
  const lines: string[] = [];
  for (const list of byPortType.values()) {
    const pick = list.find((b) => b.name.local === wanted) ?? list[0]!;
    chosen.push(pick);
    if (list.length > 1) {
      const all = list.map((b) => `${b.name.local} (SOAP ${b.soapVersion})`).join(', ');
      lines.push(`port type ${pick.portType.local} is bound by ${all}: the contracts follow ${pick.name.local}${wanted && pick.name.local === wanted ? ' (--binding)' : '; choose another with --binding'}`);
    }
  }
  return { chosen, lines };
}

const WORD = /^[A-Za-z][A-Za-z0-9_.-]*$/;

function versionOf(read: WsdlRead, file: string): string {
  const words = read.reader.targetNamespace.split(/[/:#]+/).filter((w) => WORD.test(w));
  const last = words.at(-1);
  if (last && !/^(www\.)?[\w-]+\.(com|org|net)$/.test(last) && last !== 'tempuri.org') return last;
  if (WORD.test(read.reader.definitionsName)) return read.reader.definitionsName;
  const stem = basename(file).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_.-]/g, '_');
  return WORD.test(stem) ? stem : `wsdl_${stem}`;
}

/**
 * Prefixes as the WSDL declares them on its root (xsd for XML Schema, tns first) — after those of
 * an existing file at the target path (`preferred`), so that a re-import keeps the prefixes that
 * suites' XPath assertions and people already use.
 */
function bindingsOf(read: WsdlRead, preferred: Readonly<Record<string, string>> = {}): Array<[string, string]> {
  const scope = read.root.root.scope;
  const pairs: Array<[string, string]> = [...Object.entries(preferred).sort((a, b) => (a[0] < b[0] ? -1 : 1)), ['xsd', XSD_NS]];
  const tnsPrefix = Object.keys(scope).find((p) => p && scope[p] === read.reader.targetNamespace);
  if (tnsPrefix) pairs.push([tnsPrefix, read.reader.targetNamespace]);
  for (const [p, uri] of Object.entries(scope).sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (p && p !== 'xml' && uri !== XS_NS) pairs.push([p, uri]);
  for (const s of read.schemas.schemas) for (const [p, uri] of Object.entries(s.el.declared)) if (p && uri !== XS_NS) pairs.push([p, uri]);
  return pairs;
}

/** The `.xsd` files of a WSDL read (src/import/wsdl/xsd-files.ts says how they are cut out). */
export function schemaFiles(read: WsdlRead): Array<{ name: string; text: string }> {
  const stem = WORD.test(read.reader.definitionsName) ? read.reader.definitionsName : 'schema';
  return schemaTexts(read.schemas.schemas).map((text, i) => ({ name: `${stem}-${i + 1}.xsd`, text }));
}

/** The contract document of one operation. */
export function wsdlContractDoc(op: WOperation, read: WsdlRead, version: string, schemaNames: string[], sha256: string, preferred?: Readonly<Record<string, string>>): ContractDoc {
  const pm = new PrefixMap(bindingsOf(read, preferred));
  const message = (m: WMessage | undefined): MessageDoc => {
    const body = m?.body ? renderField(m.body, pm) : { name: pm.qname({ ns: read.reader.targetNamespace, local: `${op.name}Response` }), fields: [] };
    return { ...(m && m.headers.length > 0 ? { headers: m.headers.map((h) => renderField(h, pm)) } : {}), body };
  };
  const request = message(op.request);
  const response = message(op.response);
  const faults = op.faults.map((f) => ({ name: pm.qname(f.name), ...(f.type ? { type: pm.qname(f.type) } : {}), ...(f.description ? { description: f.description } : {}) }));
  return {
    soapcheck: FORMAT_VERSION,
    kind: 'operation',
    service: op.portType.local,
    version,
    operation: op.name,
    ...(op.description ? { description: op.description } : {}),
    endpoint: op.endpoint ?? `${op.portType.local}`,
    soap: { version: op.soapVersion, action: op.action, actionSource: op.actionSource, binding: op.binding.local, style: op.style, use: op.use },
    namespaces: pm.usedNamespaces(),
    types: 'types.yaml',
    ...(schemaNames.length > 0 ? { schemas: schemaNames.map((n) => `schemas/${n}`) } : {}),
    request,
    response,
    ...(faults.length > 0 ? { faults } : {}),
    source: { importer: 'wsdl', file: read.root.rel, sha256 },
  };
}

export function wsdlTypesDoc(read: WsdlRead, version: string, preferred?: Readonly<Record<string, string>>): TypesDoc {
  const pm = new PrefixMap(bindingsOf(read, preferred));
  const entries = [...read.schemas.types.values()].map((t) => [clark(t.name), t] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const types: Record<string, TypeDefDoc> = {};
  for (const [, t] of entries) types[pm.qname(t.name)] = renderType(t.def, pm);
  return { soapcheck: FORMAT_VERSION, kind: 'types', version, namespaces: pm.usedNamespaces(), types };
}

/** Run the import. */
export async function importWsdl(opts: WsdlImportOptions): Promise<WsdlImportSummary> {
  const log = opts.log ?? (() => {});
  const schemaDir = opts.schemaDir ?? DEFAULT_SCHEMA_DIR;
  const summary: WsdlImportSummary = { wsdls: 0, operations: 0, documentedOnly: 0, errors: [], notes: [], written: [], unchanged: 0 };
  const files: Array<{ path: string; rel: string; explicit: boolean }> = [];
  for (const input of opts.inputs) {
    const found: Array<{ path: string; rel: string }> = [];
    await collectFiles(input, found, /\.(wsdl|md|markdown)$/i);
    const explicit = found.length === 1 && resolve(found[0]!.path) === resolve(input);
    for (const f of found) files.push({ ...f, explicit });
  }
  const outputs: Array<[string, string]> = [];
  const versionsUsed = new Map<string, string>();
  for (const f of files) {
    if (!f.explicit && /\.(md|markdown)$/i.test(f.path) && !(await holdsWsdl(f.path))) continue;
    const read = await readWsdl(f.path, f.rel);
    if (typeof read === 'string') {
      summary.errors.push(read);
      log(`not imported: ${read}`);
      continue;
    }
    summary.wsdls++;
    summary.notes.push(...read.docs.notes);
    for (const n of read.docs.notes) log(`note ${noteText(n)}`);
    let version = versionOf(read, f.path);
    const other = versionsUsed.get(version);
    if (other && other !== f.rel) version = `${version}_${basename(f.path).replace(/\.[^.]*$/, '').replace(/[^A-Za-z0-9_.-]/g, '_')}`;
    versionsUsed.set(version, f.rel);
    const { chosen, lines } = chooseBindings(read.bindings, opts.binding);
    for (const l of lines) log(`${f.rel}: ${l}`);
    if (opts.binding && !read.bindings.some((b) => b.name.local === opts.binding)) log(`${f.rel}: no binding named ${opts.binding} (bindings: ${read.bindings.map((b) => b.name.local).join(', ') || 'none'})`);
    const sha = createHash('sha256').update(read.root.bytes).digest('hex');
    const xsds = schemaFiles(read);
    for (const b of chosen) {
      const dir = join(opts.out, version, b.portType.local);
      const ops = b.operations.filter((op, i) => {
        if (b.operations.findIndex((o) => o.name === op.name) === i) return true;
        summary.notes.push({ file: op.doc.rel, line: op.line, message: `operation ${op.name} is bound twice in ${b.name.local} (an overload): the first is kept` });
        return false;
      });
      const olds = new Map<string, ContractDoc>();
      for (const op of ops) {
        const old = await readContractDoc(join(dir, `${op.name}.yaml`));
        if (old) olds.set(op.name, old);
      }
      const typesFile = join(dir, 'types.yaml');
      const oldTypes = await readTypesDoc(typesFile);
      const docsTypes = await readTypesDoc(join(opts.out, version, 'types.yaml'));
      const typesDoc = wsdlTypesDoc(read, version, (oldTypes ?? docsTypes)?.namespaces);
      mergeTypePages(typesDoc, oldTypes ?? docsTypes);
      const expectations = oldTypes ? carryExpectations(oldTypes.expectations, oldTypes.namespaces ?? {}, typesDoc.namespaces) : await expectationsUsedBy(dir, [...olds.values()], typesFile, typesDoc.namespaces);
      if (expectations.length > 0) typesDoc.expectations = expectations;
      outputs.push([typesFile, toYaml(typesDoc, schemaComment(typesFile, join(schemaDir, 'types.schema.json')))]);
      for (const x of xsds) outputs.push([join(dir, 'schemas', x.name), x.text]);
      const names = new Set<string>();
      const endpoints = (await contractDocsIn(dir)).map((d) => d.doc.endpoint).filter((e): e is string => typeof e === 'string');
      for (const op of ops) {
        names.add(op.name);
        const file = join(dir, `${op.name}.yaml`);
        const old = olds.get(op.name);
        const doc = wsdlContractDoc(op, read, version, xsds.map((x) => x.name), sha, old?.namespaces);
        if (old) keepFrom(doc, old);
        // An operation the pages do not document takes the endpoint the service's other contracts agree on.
        const shared = packEndpoint(endpoints, op.endpoint);
        if (shared && (!old || old.endpoint === op.endpoint)) doc.endpoint = shared;
        outputs.push([file, toYaml(doc, schemaComment(file, join(schemaDir, 'contract.schema.json')))]);
        summary.operations++;
      }
      for (const kept of await documentedOnly(dir, names)) {
        outputs.push([kept.file, toYaml(kept.doc, schemaComment(kept.file, join(schemaDir, 'contract.schema.json')))]);
        summary.documentedOnly++;
        log(`documented only: ${relative(opts.out, kept.file).split(sep).join('/')} (the pages have ${kept.doc.operation}; binding ${b.name.local} does not)`);
      }
      log(`${f.rel}: ${b.operations.length} operations of ${b.portType.local} (binding ${b.name.local}, SOAP ${b.soapVersion}) → ${relative(opts.out, dir).split(sep).join('/') || '.'}`);
    }
    if (chosen.length === 0) log(`${f.rel}: no SOAP binding: no operation to import`);
  }
  for (const [file, text] of outputs) {
    if (await writeIfChanged(file, text)) summary.written.push(file);
    else summary.unchanged++;
  }
  return summary;
}

async function holdsWsdl(path: string): Promise<boolean> {
  try {
    const text = await readFile(path, 'utf8');
    return /```+\s*xml[\s\S]*?<([A-Za-z_][\w.-]*:)?definitions[\s>]/i.test(text.slice(0, 64 * 1024));
  } catch {
    return false;
  }
}

/** What the contract at the path says that the WSDL does not: the pages' part, and its hand-written expectations. */
function keepFrom(doc: ContractDoc, old: ContractDoc): void {
  mergePages(doc, old);
  const expectations = carryExpectations(old.expectations, old.namespaces ?? {}, doc.namespaces);
  if (expectations.length > 0) doc.expectations = expectations;
}

/**
 * The expectations of the types files that the contracts being replaced used (the docs import's
 * `../types.yaml`), for a service's first types file of its own: a pack-level statement such as
 * SuperOffice's `call-succeeded` goes on applying to the service's contracts.
 */
async function expectationsUsedBy(dir: string, olds: ContractDoc[], typesFile: string, toNs: Record<string, string>): Promise<ExpectationDoc[]> {
  const refs = [...new Set(olds.map((o) => resolve(dir, typeof o.types === 'string' ? o.types : 'types.yaml')))].filter((f) => f !== resolve(typesFile)).sort();
  const out: ExpectationDoc[] = [];
  for (const f of refs) {
    const t = await readTypesDoc(f);
    if (t) out.push(...carryExpectations(t.expectations, t.namespaces ?? {}, toNs, new Set(out.map((e) => e.id))));
  }
  return out;
}

/** The contract documents already in a service folder. */
async function contractDocsIn(dir: string): Promise<Array<{ file: string; doc: ContractDoc }>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.yaml') && n !== 'types.yaml').sort();
  } catch {
    return [];
  }
  const out: Array<{ file: string; doc: ContractDoc }> = [];
  for (const n of names) {
    const doc = await readContractDoc(join(dir, n));
    if (doc) out.push({ file: join(dir, n), doc });
  }
  return out;
}

/** Docs contracts in a service folder whose operation the binding lacks: kept, marked documented-only. */
async function documentedOnly(dir: string, bound: ReadonlySet<string>): Promise<Array<{ file: string; doc: ContractDoc }>> {
  const out: Array<{ file: string; doc: ContractDoc }> = [];
  for (const { file, doc } of await contractDocsIn(dir)) {
    if (bound.has(doc.operation) || !doc.source || doc.source.importer !== 'docs') continue;
    doc.source = { ...doc.source, documentedOnly: true };
    out.push({ file, doc });
  }
  return out;
}

