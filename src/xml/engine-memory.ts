/**
 * Direct reads of the engine's parsed tree in WebAssembly memory, for the conversion in
 * ./convert-memory.ts. libxml2-wasm's node wrappers cross into WebAssembly and allocate a JS object
 * for every field they return (name, namespace, attributes, content, next sibling…); reading the
 * C structs (xmlNode, xmlAttr, xmlNs) straight from the heap costs a typed-array load per field.
 *
 * This relies on two things that are libxml2-wasm internals, not its public API:
 * - the heap, reached through an accessor of its own (`XmlNodeSetStruct.nodeTable`, which returns a
 *   view of it), and a document's pointer (`_ptr`);
 * - libxml2's struct layout on wasm32 — the same offsets the library's own accessors use.
 * Both are verified once, on a probe document read both ways (here and through the public wrappers);
 * if anything differs or is missing, `engineMemory()` returns null and parse.ts converts through the
 * public wrappers instead (slower, same tree). The engine's pointers are never written, and reads
 * happen only while the document is alive (between parse and dispose, with no engine call between).
 */
import { XmlCData, XmlComment, XmlDocument, XmlElement, XmlText } from 'libxml2-wasm';
import * as internals from 'libxml2-wasm/lib/libxml2.mjs';

/** libxml2 node types (xmlElementType). */
export const NodeType = {
  element: 1,
  attribute: 2,
  text: 3,
  cdata: 4,
  entityRef: 5,
  pi: 7,
  comment: 8,
} as const;

/* Offsets in libxml2's structs on wasm32 (4-byte pointers), as in libxml2-wasm's accessors. */
/** xmlNode / xmlAttr / xmlDoc common header. */
const TYPE = 4, NAME = 8, CHILDREN = 12, NEXT = 24, NS = 36;
/** xmlNode only. */
const CONTENT = 40, PROPERTIES = 44, NS_DEF = 48, LINE = 56;
/** xmlNs. */
const NS_NEXT = 0, NS_HREF = 8, NS_PREFIX = 12;

/** A read-only view of the engine's heap, valid until the engine next allocates. */
export class EngineMemory {
  private u32: Uint32Array;
  private bytes: Buffer;
  /** Strings by address, for the current document only (names and namespaces are interned). */
  private interned = new Map<number, string>();

  constructor(private readonly heap: () => ArrayBuffer) {
    const b = heap();
    this.u32 = new Uint32Array(b);
    this.bytes = Buffer.from(b);
  }

  /** Take a fresh view of the heap (it is replaced when it grows) and forget the last document's strings. */
  refresh(): this {
    const b = this.heap();
    if (b !== this.bytes.buffer) {
      this.u32 = new Uint32Array(b);
      this.bytes = Buffer.from(b);
    }
    this.interned.clear();
    return this;
  }

  /** The address of a parsed document. */
  docPointer(doc: XmlDocument): number {
    return (doc as unknown as { _ptr: number })._ptr;
  }

  type(p: number): number { return this.u32[(p + TYPE) >> 2]!; }
  firstChild(p: number): number { return this.u32[(p + CHILDREN) >> 2]!; }
  next(p: number): number { return this.u32[(p + NEXT) >> 2]!; }
  /** The node's namespace (an xmlNs address), 0 when it has none. */
  ns(p: number): number { return this.u32[(p + NS) >> 2]!; }
  firstAttr(p: number): number { return this.u32[(p + PROPERTIES) >> 2]!; }
  firstNsDef(p: number): number { return this.u32[(p + NS_DEF) >> 2]!; }
  nextNs(ns: number): number { return this.u32[(ns + NS_NEXT) >> 2]!; }
  /** The engine's line of a node (as the wrappers' `line`). */
  line(p: number): number { return this.u32[(p + LINE) >> 2]! | 0; }

  /** Element, attribute, entity or PI-target name. */
  name(p: number): string { return this.interned1(this.u32[(p + NAME) >> 2]!); }
  nsHref(ns: number): string { return this.interned1(this.u32[(ns + NS_HREF) >> 2]!); }
  /** '' for the default namespace. */
  nsPrefix(ns: number): string { return this.interned1(this.u32[(ns + NS_PREFIX) >> 2]!); }
  /** Character data of a text, CDATA or comment node. */
  content(p: number): string { return this.cString(this.u32[(p + CONTENT) >> 2]!); }

  private interned1(at: number): string {
    let s = this.interned.get(at);
    if (s === undefined) {
      s = this.cString(at);
      this.interned.set(at, s);
    }
    return s;
  }

  /** A NUL-terminated UTF-8 string ('' for a null pointer). */
  private cString(at: number): string {
    if (at === 0) return '';
    const end = this.bytes.indexOf(0, at);
    return this.bytes.toString('utf8', at, end < 0 ? this.bytes.length : end);
  }
}

let memory: EngineMemory | null | undefined;

/** The heap reader, or null when this libxml2-wasm does not match what it expects (see the header). */
export function engineMemory(): EngineMemory | null {
  if (memory === undefined) memory = probe();
  return memory?.refresh() ?? null;
}

const PROBE =
  '<?before one?><p:a xmlns:p="urn:p" xmlns="urn:d" p:x="1" y="a&amp;b&#233;">\n' +
  '<b>t\u00e9xt</b><!--c--><![CDATA[<d>]]><?in two?><c xmlns=""/></p:a>';

/** Read a probe document both ways; the reader if every field agrees. */
function probe(): EngineMemory | null {
  let doc: XmlDocument | null = null;
  try {
    const nodeTable = (internals as unknown as { XmlNodeSetStruct?: { nodeTable?: unknown } }).XmlNodeSetStruct?.nodeTable;
    if (typeof nodeTable !== 'function') return null;
    const heap = () => (nodeTable(0, 0) as Int32Array).buffer as ArrayBuffer;
    if (!(heap() instanceof ArrayBuffer)) return null;
    doc = XmlDocument.fromString(PROBE);
    const m = new EngineMemory(heap).refresh();
    const d = m.docPointer(doc);
    if (typeof d !== 'number' || d === 0) return null;
    return sameTree(m, d, doc) ? m : null;
  } catch {
    return null;
  } finally {
    doc?.dispose();
  }
}

/** Does the heap reading of the probe give what the public wrappers give? */
function sameTree(m: EngineMemory, d: number, doc: XmlDocument): boolean {
  const top: number[] = [];
  for (let c = m.firstChild(d); c; c = m.next(c)) top.push(c);
  if (top.length !== 2 || m.type(top[0]!) !== NodeType.pi || m.name(top[0]!) !== 'before') return false;
  return sameElement(m, top[1]!, doc.root);
}

function sameElement(m: EngineMemory, p: number, el: XmlElement): boolean {
  if (m.type(p) !== NodeType.element || m.name(p) !== el.name || m.line(p) !== el.line) return false;
  const ns = m.ns(p);
  if ((ns ? m.nsHref(ns) : '') !== el.namespaceUri || (ns ? m.nsPrefix(ns) : '') !== el.prefix) return false;
  const decl: Record<string, string> = {};
  for (let n = m.firstNsDef(p); n; n = m.nextNs(n)) decl[m.nsPrefix(n)] = m.nsHref(n);
  if (JSON.stringify(decl) !== JSON.stringify(el.nsDeclarations)) return false;
  const attrs: string[] = [];
  for (let a = m.firstAttr(p); a; a = m.next(a)) {
    const ans = m.ns(a);
    let value = '';
    for (let t = m.firstChild(a); t; t = m.next(t)) value += m.content(t);
    attrs.push(`${ans ? m.nsHref(ans) : ''}|${ans ? m.nsPrefix(ans) : ''}|${m.name(a)}=${value}`);
  }
  if (attrs.join(' ') !== el.attrs.map((a) => `${a.namespaceUri ?? ''}|${a.prefix ?? ''}|${a.name}=${a.value}`).join(' ')) return false;
  let c = m.firstChild(p);
  for (const w of el.find('node()')) {
    if (!c || m.line(c) !== w.line) return false;
    const t = m.type(c);
    if (w instanceof XmlElement) {
      if (!sameElement(m, c, w)) return false;
    } else if (w instanceof XmlText || w instanceof XmlCData || w instanceof XmlComment) {
      const want = w instanceof XmlText ? NodeType.text : w instanceof XmlCData ? NodeType.cdata : NodeType.comment;
      if (t !== want || m.content(c) !== w.content) return false;
    } else if (t !== NodeType.pi || m.name(c) !== 'in') return false;
    c = m.next(c);
  }
  return c === 0;
}
