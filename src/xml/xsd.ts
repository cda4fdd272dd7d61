/**
 * XML Schema validation with libxml2's own validator — a second opinion beside the contract rules.
 *
 * A schema set is the `.xsd` files a contract lists (one per namespace of a WSDL's `types`,
 * usually, plus whatever they include). It is compiled once, through a wrapper schema that
 * imports each file, so that the files' location-less `xs:import namespace="…"` (as WSDLs write
 * them) find each other. Schema documents are read only through an in-memory provider: a file
 * neither given nor allowed by the caller's `readLocal` (never anything over a network) is not
 * found, and the compile reports it. A namespace the documents name without defining it, whose
 * schema soapcheck knows (SOAP encoding: src/xml/xsd-known.ts), is added to the set.
 *
 * Messages are screened by the same hostile-input checks as every parse (openDocument), and the
 * header blocks and the body's element(s) are validated one by one (the Envelope itself is
 * SOAP's, not the schemas'), laxly: an element no global declaration matches (a header block the
 * stack adds, an rpc wrapper) is skipped and its children are looked at instead. Problems carry
 * libxml2's message and line, at most `maxProblems`.
 */
import { ParseOption, XmlDocument, XmlElement, XmlLibError, XsdValidator, xmlRegisterInputProvider, type XmlInputProvider } from 'libxml2-wasm';
import { openDocument } from './engine.ts';
import { DEFAULT_LIMITS, type ParseLimits } from './parse.ts';
import { escapeAttr } from './escape.ts';
import { KNOWN_NAMESPACES, knownSchema } from './xsd-known.ts';
import { SOAP11_ENV_NS, SOAP12_ENV_NS } from './qname.ts';

/** One schema document: where it lives (an absolute path, for relative includes and messages) and its text. */
export interface SchemaSource {
  location: string;
  text: string;
}

export interface XsdProblem {
  /** 1-based line in the message, when libxml2 knows it. */
  line?: number;
  /** libxml2's message, one line. */
  message: string;
}

export interface SchemaSetOptions {
  /**
   * Bytes of a schema document a given one refers to (xs:include / xs:import schemaLocation, as an
   * absolute path), or undefined to refuse it. Default: refuse everything not given.
   */
  readLocal?: (absolutePath: string) => Uint8Array | undefined;
  /** Most bytes of all schema documents together (default 16 MiB). */
  maxBytes?: number;
}

export type SchemaSetResult = { ok: true; set: SchemaSet } | { ok: false; message: string };

const SCHEME = 'soapcheck-xsd:';
const XS = 'http://www.w3.org/2001/XMLSchema';
const WRAPPER_NS = 'urn:soapcheck:schema-set';
const OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_NO_SYS_CATALOG | ParseOption.XML_PARSE_BIG_LINES;

/**
 * The documents the provider may hand to libxml2 while a schema set compiles (null between
 * compiles: then it claims no file at all, and the engine's parsing is untouched).
 */
let serving: { files: Map<string, Uint8Array>; readLocal?: (p: string) => Uint8Array | undefined; budget: number } | null = null;
let registered = false;
const open = new Map<number, { data: Uint8Array; pos: number }>();
let nextFd = 1;

const provider: XmlInputProvider = {
  // While compiling, every name is ours: what is not served is refused, never read by other means.
  match: () => serving !== null,
  open(name) {
    if (!serving) return undefined;
    let data = serving.files.get(name);
    if (!data && name.startsWith(SCHEME) && serving.readLocal) {
      const path = decodeURI(name.slice(SCHEME.length));
      data = serving.readLocal(path);
      if (data) {
        serving.budget -= data.byteLength;
        if (serving.budget < 0) return undefined;
        serving.files.set(name, data);
      }
    }
    if (!data) return undefined;
    const fd = nextFd++;
    open.set(fd, { data, pos: 0 });
    return fd;
  },
  read(fd, buf) {
    const f = open.get(fd);
    if (!f) return -1;
    const n = Math.min(buf.byteLength, f.data.byteLength - f.pos);
    buf.set(f.data.subarray(f.pos, f.pos + n));
    f.pos += n;
    return n;
  },
  close(fd) {
    return open.delete(fd);
  },
};

const urlOf = (location: string): string => SCHEME + encodeURI(location.startsWith('/') ? location : `/${location}`);

/** Compile the schema documents into one set. Never throws for bad schemas: says what is wrong. */
export function compileSchemaSet(sources: readonly SchemaSource[], opts: SchemaSetOptions = {}): SchemaSetResult {
  if (sources.length === 0) return { ok: false, message: 'no schema documents' };
  const budget = opts.maxBytes ?? 16 * 1024 * 1024;
  const files = new Map<string, Uint8Array>();
  const byNs = new Map<string, string[]>();
  let total = 0;
  for (const s of sources) {
    const bytes = Buffer.from(s.text, 'utf8');
    total += bytes.byteLength;
    if (total > budget) return { ok: false, message: `the schema documents are over ${budget} bytes together` };
    const url = urlOf(s.location);
    files.set(url, bytes);
    const ns = targetNamespace(s.text);
    if (ns === null) return { ok: false, message: `${s.location} is not an XML Schema document (no xs:schema root)` };
    byNs.set(ns, [...(byNs.get(ns) ?? []), url]);
  }
  // Namespaces the documents name but do not define, whose schema is known here (SOAP encoding).
  for (const ns of KNOWN_NAMESPACES) {
    if (byNs.has(ns) || !sources.some((s) => s.text.includes(ns))) continue;
    const url = `${SCHEME}/soapcheck-known-${byNs.size}.xsd`;
    files.set(url, Buffer.from(knownSchema(ns)!));
    byNs.set(ns, [url]);
  }
  // One import per namespace; several documents of one namespace are included by a wrapper of it.
  const imports: string[] = [];
  for (const [ns, urls] of byNs) {
    let location = urls[0]!;
    if (urls.length > 1) {
      location = `${SCHEME}/soapcheck-namespace-${imports.length}.xsd`;
      const tns = ns === '' ? '' : ` targetNamespace="${escapeAttr(ns)}"`;
      files.set(location, Buffer.from(`<xs:schema xmlns:xs="${XS}"${tns}>${urls.map((u) => `<xs:include schemaLocation="${escapeAttr(u)}"/>`).join('')}</xs:schema>`));
    }
    imports.push(`<xs:import${ns === '' ? '' : ` namespace="${escapeAttr(ns)}"`} schemaLocation="${escapeAttr(location)}"/>`);
  }
  const wrapper = `<xs:schema xmlns:xs="${XS}" targetNamespace="${WRAPPER_NS}">${imports.join('')}</xs:schema>`;

  if (!registered) registered = xmlRegisterInputProvider(provider);
  serving = { files, readLocal: opts.readLocal, budget: budget - total };
  let doc: XmlDocument | undefined;
  try {
    doc = XmlDocument.fromString(wrapper, { option: OPTIONS, url: `${SCHEME}/soapcheck-schema-set.xsd` });
    return { ok: true, set: new SchemaSet(XsdValidator.fromDoc(doc)) };
  } catch (e) {
    return { ok: false, message: `the schemas do not compile: ${firstLines(e)}` };
  } finally {
    serving = null;
    doc?.dispose();
  }
}

/** The targetNamespace of a schema document ('' for none), or null when its root is not xs:schema. */
function targetNamespace(text: string): string | null {
  let doc: XmlDocument | undefined;
  try {
    doc = XmlDocument.fromString(text, { option: OPTIONS });
    const root = doc.root;
    if (root.name !== 'schema' || root.namespaceUri !== XS) return null;
    return root.attrs.find((a) => a.name === 'targetNamespace' && a.namespaceUri === '')?.value ?? '';
  } catch {
    return null;
  } finally {
    doc?.dispose();
  }
}

function firstLines(e: unknown): string {
  const details = e instanceof XmlLibError ? e.details : undefined;
  const lines = details?.length ? details.map((d) => d.message.trim()) : [e instanceof Error ? e.message : String(e)];
  return lines.slice(0, 3).join('; ') + (lines.length > 3 ? ` (and ${lines.length - 3} more)` : '');
}

export interface ValidateOptions extends ParseLimits {
  /** Most problems reported per message (default 50); the rest are counted in the last one. */
  maxProblems?: number;
}

/** libxml2's word for an element that no global declaration of the schemas matches (validation root). */
const UNDECLARED = 'No matching global declaration available for the validation root';
/** How deep lax validation looks below undeclared elements for declared ones. */
const MAX_LAX_DEPTH = 8;

/** A compiled schema set. Lives as long as the process (it is cached per contract's schema list). */
export class SchemaSet {
  constructor(private readonly validator: XsdValidator) {}

  /**
   * Validate the header blocks and the body's elements of a SOAP message. A message that does not
   * parse, or is no SOAP envelope, gives no problem here (the envelope rules report it).
   */
  validateEnvelope(input: string | Uint8Array, opts: ValidateOptions = {}): XsdProblem[] {
    const opened = openDocument(input, { ...DEFAULT_LIMITS, ...definedLimits(opts) });
    if (!opened.ok) return [];
    try {
      return this.validateDocument(opened.doc, opts);
    } finally {
      opened.doc.dispose();
    }
  }

  /** validateEnvelope on an open engine document (src/xml only). */
  validateDocument(doc: XmlDocument, opts: ValidateOptions = {}): XsdProblem[] {
    const max = opts.maxProblems ?? 50;
    const problems: XsdProblem[] = [];
    let more = 0;
    const root = doc.root;
    const envNs = root.namespaceUri;
    if (root.name !== 'Envelope' || (envNs !== SOAP11_ENV_NS && envNs !== SOAP12_ENV_NS)) return [];
    for (const part of elementChildren(root)) {
      if (part.namespaceUri !== envNs || (part.name !== 'Header' && part.name !== 'Body')) continue;
      for (const el of elementChildren(part)) {
        if (part.name === 'Body' && el.namespaceUri === envNs && el.name === 'Fault') continue;
        const envelopes = soapAttributeProblem(envNs, part.name === 'Header' ? el : undefined);
        for (const p of this.validateLax(el, 0)) {
          if (envelopes(p.message)) continue;
          if (problems.length < max) problems.push(p);
          else more++;
        }
      }
    }
    if (more > 0) problems.push({ message: `${more} more schema problem${more === 1 ? '' : 's'} not shown (at most ${max} per message)` });
    return problems;
  }

  /**
   * Validate an element the schemas declare; one they do not declare (a header block the stack
   * adds, such as wsse:Security, or an rpc operation's wrapper) is not theirs to judge: its
   * children are, as XSD's lax processing does it. Nesting is bounded by the parse limits.
   */
  private validateLax(el: XmlElement, depth: number): XsdProblem[] {
    const problems = this.validateElement(el);
    if (!(problems.length === 1 && problems[0]!.message.includes(UNDECLARED))) return problems;
    if (depth >= MAX_LAX_DEPTH) return [];
    const out: XsdProblem[] = [];
    for (const c of elementChildren(el)) out.push(...this.validateLax(c, depth + 1));
    return out;
  }

  private validateElement(el: XmlElement): XsdProblem[] {
    try {
      this.validator.validate(el);
      return [];
    } catch (e) {
      if (!(e instanceof XmlLibError)) return [{ message: e instanceof Error ? e.message : String(e) }];
      return e.details.map((d) => ({ ...(d.line > 0 ? { line: d.line } : {}), message: d.message.trim().replace(/\s*\n\s*/g, ' ') }));
    }
  }
}

/** SOAP's own attributes on a header block (SOAP 1.1 §4.2, SOAP 1.2 part 1 §5.2), and encodingStyle anywhere in Header and Body. */
const BLOCK_ATTRIBUTES: Record<string, readonly string[]> = { [SOAP11_ENV_NS]: ['mustUnderstand', 'actor'], [SOAP12_ENV_NS]: ['mustUnderstand', 'role', 'relay'] };

/**
 * Whether a validator problem is only SOAP's own attribute where SOAP allows it: the envelope's
 * business, not the schemas' (a schema never declares them, so every header block a stack marks
 * `mustUnderstand` would otherwise be "invalid"). Any other attribute in the envelope namespace
 * stays a problem.
 */
function soapAttributeProblem(envNs: string, block: XmlElement | undefined): (message: string) => boolean {
  const attr = (name: string) => `attribute '{${envNs}}${name}': The attribute '{${envNs}}${name}' is not allowed`;
  const anywhere = attr('encodingStyle');
  const blockName = block ? (block.namespaceUri ? `{${block.namespaceUri}}${block.name}` : block.name) : undefined;
  const onBlock = blockName ? (BLOCK_ATTRIBUTES[envNs] ?? []).map((n) => `Element '${blockName}', ${attr(n)}`) : [];
  return (message) => message.includes(anywhere) || onBlock.some((m) => message.startsWith(m));
}

function* elementChildren(el: XmlElement): Generator<XmlElement> {
  for (let c = el.firstChild; c; c = c.next) if (c instanceof XmlElement) yield c;
}

function definedLimits(l: ParseLimits): ParseLimits {
  const out: ParseLimits = {};
  if (l.maxBytes !== undefined) out.maxBytes = l.maxBytes;
  if (l.maxDepth !== undefined) out.maxDepth = l.maxDepth;
  if (l.maxNodes !== undefined) out.maxNodes = l.maxNodes;
  return out;
}
