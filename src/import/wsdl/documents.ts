/**
 * Reading WSDL and XSD documents for `import wsdl`: a `.wsdl`/`.xml`/`.xsd` file, or a markdown
 * page holding the WSDL in an ```xml fence (as the SuperOffice `ServicesNN-User.md` pages do),
 * then every `wsdl:import` / `xs:import` / `xs:include` with a `location`/`schemaLocation` that
 * names a local file inside the folder of the document that started it. Never a network fetch;
 * at most MAX_DOCUMENTS documents and MAX_TOTAL_BYTES bytes in all; every parse goes through
 * src/xml (no DTD, no entities, size and depth limits).
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { attribute, childElements, parseXml, type XElement } from '../../xml/index.ts';
import { decodeUtf8 } from '../../contract/utf8.ts';

export const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
export const WSDL20_NS = 'http://www.w3.org/ns/wsdl';
export const XS_NS = 'http://www.w3.org/2001/XMLSchema';

/** Most documents one import reads (the WSDL, its imports and their includes). */
export const MAX_DOCUMENTS = 64;
/** Most bytes of all documents of one import together. */
export const MAX_TOTAL_BYTES = 32 * 1024 * 1024;

export interface SourceDocument {
  /** Absolute path of the file. */
  path: string;
  /** Path as shown in messages and written into contracts (relative to the import root). */
  rel: string;
  /** The root element: wsdl:definitions or xs:schema. */
  root: XElement;
  /** Added to element lines to give lines of the file (a markdown page's fence starts below its top). */
  lineOffset: number;
  /** The file's bytes, hashed into `source.sha256`. */
  bytes: Uint8Array;
}

/** A construct the import could not express, or a reference it did not follow. */
export interface ImportNote {
  file: string;
  line?: number;
  message: string;
}

export function noteText(n: ImportNote): string {
  return `${n.file}${n.line !== undefined ? `:${n.line}` : ''}: ${n.message}`;
}

export class DocumentSet {
  readonly docs: SourceDocument[] = [];
  readonly notes: ImportNote[] = [];
  private seen = new Set<string>();
  private bytes = 0;

  constructor(private readonly rootDir: string, private readonly rootRel: string) {}

  /** Where an element is, for notes. */
  at(doc: SourceDocument, el: XElement): { file: string; line: number } {
    return { file: doc.rel, line: el.line + doc.lineOffset };
  }

  note(doc: SourceDocument, el: XElement | undefined, message: string): void {
    this.notes.push(el ? { ...this.at(doc, el), message } : { file: doc.rel, message });
  }

  /**
   * Read one file (and what it imports). Returns an error message for a file that is not a WSDL or
   * schema at all, or cannot be read; imported files with trouble become notes instead.
   */
  async load(path: string, from?: { doc: SourceDocument; el: XElement }): Promise<SourceDocument | string> {
    const abs = resolve(path);
    if (this.seen.has(abs)) return this.docs.find((d) => d.path === abs) ?? 'already being read';
    if (this.docs.length >= MAX_DOCUMENTS) return `more than ${MAX_DOCUMENTS} documents: not read`;
    this.seen.add(abs);
    const rel = from ? this.relName(abs) : this.rootRel;
    let bytes: Uint8Array;
    try {
      const size = (await stat(abs)).size;
      if (this.bytes + size > MAX_TOTAL_BYTES) return `over ${MAX_TOTAL_BYTES} bytes of documents in all: not read`;
      bytes = await readFile(abs);
      this.bytes += size;
    } catch (e) {
      return `cannot read ${rel}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    }
    // A page: the WSDL is the text of its fence; a WSDL or schema file: the bytes, so that the
    // engine honours a BOM and the declared encoding.
    let input: string | Uint8Array = bytes;
    let lineOffset = 0;
    if (/\.(md|markdown|txt)$/i.test(abs)) {
      const decoded = decodeUtf8(bytes);
      if (!decoded.ok) return `${rel} is not UTF-8 text (line ${decoded.line})`;
      const fence = wsdlFence(decoded.text);
      if (!fence) return `${rel} holds no WSDL: no \`\`\`xml fence with a wsdl:definitions element`;
      input = fence.text;
      lineOffset = fence.lineOffset;
    }
    const parsed = parseXml(input);
    if (!parsed.ok) return `${rel}${parsed.line ? `:${parsed.line + lineOffset}` : ''}: not XML that can be read (${parsed.message})`;
    const root = parsed.doc.root;
    if (root.ns === WSDL20_NS) return `${rel}:${root.line + lineOffset}: a WSDL 2.0 description; only WSDL 1.1 (wsdl:definitions) is supported`;
    if (!(root.ns === WSDL_NS && root.local === 'definitions') && !(root.ns === XS_NS && root.local === 'schema')) {
      return `${rel}:${root.line + lineOffset}: not a WSDL: the root element is ${root.prefix ? `${root.prefix}:` : ''}${root.local}${root.ns ? ` in ${root.ns}` : ''}, not wsdl:definitions (${WSDL_NS})`;
    }
    const doc: SourceDocument = { path: abs, rel, root, lineOffset, bytes };
    this.docs.push(doc);
    await this.followImports(doc);
    return doc;
  }

  private relName(abs: string): string {
    const r = relative(this.rootDir, abs).split(sep).join('/');
    const base = this.rootRel.includes('/') ? this.rootRel.slice(0, this.rootRel.lastIndexOf('/') + 1) : '';
    return base + r;
  }

  /** wsdl:import location, xs:import / xs:include / xs:redefine schemaLocation: local files inside the root folder only. */
  private async followImports(doc: SourceDocument): Promise<void> {
    const refs: Array<{ el: XElement; location: string }> = [];
    const visit = (el: XElement, depth: number) => {
      if (depth > 3) return;
      for (const c of childElements(el)) {
        const isWsdlImport = c.ns === WSDL_NS && c.local === 'import';
        const isXsRef = c.ns === XS_NS && (c.local === 'import' || c.local === 'include' || c.local === 'redefine');
        if (isWsdlImport || isXsRef) {
          const loc = attribute(c, '', isWsdlImport ? 'location' : 'schemaLocation')?.value;
          if (loc) refs.push({ el: c, location: loc });
          if (c.local === 'redefine') this.note(doc, c, 'xs:redefine is not supported: the redefinitions are ignored and the original schema is used');
        } else if ((c.ns === WSDL_NS && c.local === 'types') || (c.ns === XS_NS && c.local === 'schema')) visit(c, depth + 1);
      }
    };
    visit(doc.root, 0);
    for (const { el, location } of refs) {
      if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(location) && !/^[A-Za-z]:[\\/]/.test(location)) {
        this.note(doc, el, `${location} is not fetched (soapcheck never reads over a network); its definitions are missing unless the document holds them`);
        continue;
      }
      const target = resolve(dirname(doc.path), location.split('?')[0]!);
      const inside = relative(this.rootDir, target);
      if (isAbsolute(location) || inside.startsWith('..') || isAbsolute(inside)) {
        this.note(doc, el, `${location} lies outside the folder of ${this.rootRel}: not read`);
        continue;
      }
      const got = await this.load(target, { doc, el });
      if (typeof got === 'string') this.note(doc, el, `${location}: ${got}`);
    }
  }
}

/** The first ```xml fence of a page that holds a wsdl:definitions element, with the line its text starts on (0-based offset). */
export function wsdlFence(text: string): { text: string; lineOffset: number } | null {
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if (!/^\s*```+\s*xml\b/i.test(lines[i]!)) continue;
    let j = i + 1;
    while (j < lines.length && !/^\s*```+\s*$/.test(lines[j]!)) j++;
    const body = lines.slice(i + 1, j).join('\n');
    if (/<([A-Za-z_][\w.-]*:)?definitions[\s>]/.test(body)) return { text: body, lineOffset: i + 1 };
    i = j;
  }
  return null;
}
