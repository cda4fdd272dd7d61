/**
 * Message building: a contract (and values) → a SOAP envelope, in the contract's SOAP version.
 *
 * - Namespaces are declared once, on the Envelope, with the contract's own prefixes (plus xsi and
 *   xsd, and `ns1`, `ns2`… for a URI that only a types file names).
 * - Header blocks go inside soap:Header (written only when the message has any), the body
 *   element inside soap:Body, fields in contract order.
 * - `xsi:type`: for a contract imported from a WSDL, only where the schema needs one (a value in a
 *   field declared `xsd:anyType`); for other contracts on every field below a header block or the
 *   body element that declares a type (not on those top elements, which are element declarations).
 * - Optional fields (minOccurs 0) of a WSDL contract are written only when a value or an example
 *   (theirs or one below them) gives them content — a recursive one (its type already open on the
 *   path) only when a value does; a required field with nothing given is nil when nillable. Other
 *   contracts write every field.
 * - A field's text: `values[path]`, else its example, else a sample of its type. `path` is the
 *   dotted chain of local names from the header block or body element, e.g.
 *   `SaveGadget.Gadget.Label`; a `null` value writes `xsi:nil="true"`.
 * - An array (maxOccurs > 1) gets one item (or minOccurs items). A field whose complex type is
 *   already open `maxTypeRepeat` times on its path, or that stands `maxDepth` levels below the top
 *   element, is not expanded: nil when nillable, left out when optional, else empty.
 * - A message that would have more than `maxElements` elements (nested fields with large minOccurs
 *   multiply) is refused with a MessageTooLargeError naming the contract and the field.
 * The output is deterministic: the same contract and options give the same bytes.
 */
import type { Contract, Field, Message, TypeRegistry } from '../contract/model.ts';
import { escapeAttr, escapeText, stripInvalidXmlChars } from '../xml/escape.ts';
import { clark, XSD_NS, XSI_NS, type ExpandedName } from '../xml/qname.ts';
import { sampleValue } from './sample-values.ts';
import { soapVersionInfo } from './versions.ts';

export type Direction = 'request' | 'response';

export interface BuildOptions {
  /** Values by dotted local-name path; `null` = send the element as `xsi:nil="true"`. */
  values?: Readonly<Record<string, string | null>>;
  /**
   * `xsi:type` on typed fields: true = on every one, false = on none, `needed` = only where the
   * schema needs it (a value in an `xsd:anyType` field). Default: `needed` for a contract
   * imported from a WSDL, else true.
   */
  xsiTypes?: boolean | 'needed';
  /**
   * Which optional fields (minOccurs 0) to write: `all`, or `given` — only those a value or an
   * example (theirs or one below them) gives content; a required field with nothing given is then
   * nil when nillable. Default: `given` for a contract imported from a WSDL, else `all`.
   */
  optionalFields?: 'all' | 'given';
  /** How often a complex type may nest inside itself on one path (default 2). */
  maxTypeRepeat?: number;
  /** Deepest element below the header block or body element that is expanded (default 32). */
  maxDepth?: number;
  /** Start with `<?xml version="1.0" encoding="UTF-8"?>` (default true). */
  xmlDeclaration?: boolean;
  /** Indentation per level; '' writes everything on one line (default two spaces). */
  indent?: string;
  /**
   * Most elements one message may have (default 100,000): nested fields with a large minOccurs
   * multiply, and a message past this is refused with an error rather than filling the memory.
   */
  maxElements?: number;
  /** Header blocks written after the contract's, as given (complete elements declaring their own namespaces, e.g. WS-Security). */
  extraHeaderBlocks?: readonly string[];
}

/** Thrown when a message would be larger than `maxElements`. */
export class MessageTooLargeError extends Error {
  override name = 'MessageTooLargeError';
}

/** A full SOAP envelope for the contract's request or response. */
export function buildMessage(contract: Contract, direction: Direction, opts: BuildOptions = {}): string {
  const w = new Writer(contract, opts, direction);
  const envNs = soapVersionInfo(contract.soapVersion).envelopeNs;
  const env = w.prefixFor(envNs, 'soap');
  const msg: Message = contract[direction];
  const nl = w.indent === '' ? '' : '\n';

  const headerLines: string[] = [];
  for (const h of msg.headers) w.field(h, h.name.local, 2, TOP, headerLines);
  const bodyLines: string[] = [];
  w.field(msg.body, msg.body.name.local, 2, TOP, bodyLines, true);

  const parts: string[] = [];
  if (opts.xmlDeclaration ?? true) parts.push('<?xml version="1.0" encoding="UTF-8"?>');
  parts.push(`<${env}:Envelope${w.declarations()}>`);
  for (const block of opts.extraHeaderBlocks ?? []) headerLines.push(`${w.pad(2)}${block}`);
  if (msg.headers.length > 0 || headerLines.length > 0) {
    parts.push(headerLines.length > 0 ? `${w.pad(1)}<${env}:Header>` : `${w.pad(1)}<${env}:Header/>`);
    if (headerLines.length > 0) parts.push(...headerLines, `${w.pad(1)}</${env}:Header>`);
  }
  parts.push(`${w.pad(1)}<${env}:Body>`, ...bodyLines, `${w.pad(1)}</${env}:Body>`, `</${env}:Envelope>`);
  return parts.join(nl) + nl;
}

/**
 * Only the body element (the single child of soap:Body) of the request or response, with every
 * namespace it uses declared on itself — for embedding in an envelope written elsewhere.
 */
export function buildBodyElement(contract: Contract, direction: Direction, opts: BuildOptions = {}): string {
  const w = new Writer(contract, opts, direction);
  const lines: string[] = [];
  const body = contract[direction].body;
  w.field(body, body.name.local, 0, TOP, lines, true);
  // Declarations go on the body element's start tag (the first line), after its name.
  const first = lines[0]!;
  const m = /^(\s*<[^\s/>]+)/.exec(first)!;
  lines[0] = m[1] + w.declarations() + first.slice(m[1]!.length);
  return lines.join(w.indent === '' ? '' : '\n');
}

/** Where a field stands: its depth below the top element, the complex types around it. */
interface Place {
  depth: number;
  typeStack: readonly string[];
}

const TOP: Place = { depth: 0, typeStack: [] };

class Writer {
  readonly indent: string;
  private readonly values: Readonly<Record<string, string | null>>;
  private readonly xsiTypes: boolean | 'needed';
  private readonly onlyGiven: boolean;
  /** Value paths given, and every dotted prefix of one (an optional field above a given value is written). */
  private readonly givenPrefixes = new Set<string>();
  private readonly maxTypeRepeat: number;
  private readonly maxDepth: number;
  private readonly types: TypeRegistry;
  /** Declarations in order: [prefix, uri]. */
  private readonly decls: [string, string][] = [];
  private readonly byUri = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly xsi: string;
  private readonly maxElements: number;
  private elements = 0;

  constructor(
    private readonly contract: Contract,
    opts: BuildOptions,
    private readonly direction: Direction,
  ) {
    this.maxElements = opts.maxElements ?? 100_000;
    this.indent = opts.indent ?? '  ';
    this.values = opts.values ?? {};
    const fromWsdl = contract.source?.importer === 'wsdl';
    this.xsiTypes = opts.xsiTypes ?? (fromWsdl ? 'needed' : true);
    this.onlyGiven = (opts.optionalFields ?? (fromWsdl ? 'given' : 'all')) === 'given';
    for (const key of Object.keys(this.values)) {
      for (let i = key.indexOf('.'); i > 0; i = key.indexOf('.', i + 1)) this.givenPrefixes.add(key.slice(0, i));
    }
    this.maxTypeRepeat = opts.maxTypeRepeat ?? 2;
    this.maxDepth = opts.maxDepth ?? 32;
    this.types = contract.types;
    for (const [prefix, uri] of Object.entries(contract.namespaces)) {
      this.taken.add(prefix);
      this.decls.push([prefix, uri]);
      if (!this.byUri.has(uri)) this.byUri.set(uri, prefix);
    }
    this.xsi = this.prefixFor(XSI_NS, 'xsi');
    this.prefixFor(XSD_NS, 'xsd');
  }

  pad(level: number): string {
    return this.indent.repeat(level);
  }

  /** The prefix bound to `uri`, declaring one (`preferred`, else `ns1`, `ns2`…) when there is none. */
  prefixFor(uri: string, preferred = 'ns'): string {
    const known = this.byUri.get(uri);
    if (known !== undefined) return known;
    let prefix = preferred;
    for (let i = 1; this.taken.has(prefix) || prefix === 'ns' || /^xml/i.test(prefix); i++) prefix = `${preferred === 'ns' ? 'ns' : preferred}${i}`;
    this.taken.add(prefix);
    this.byUri.set(uri, prefix);
    this.decls.push([prefix, uri]);
    return prefix;
  }

  declarations(): string {
    return this.decls.map(([p, u]) => ` xmlns:${p}="${escapeAttr(u)}"`).join('');
  }

  private qname(name: ExpandedName): string {
    return name.ns === '' ? name.local : `${this.prefixFor(name.ns)}:${name.local}`;
  }

  /**
   * Write one field (all its occurrences) as lines at `level`. Returns true when something given
   * (a value or an example) was written in it.
   */
  field(f: Field, path: string, level: number, place: Place, out: string[], always = false): boolean {
    const count = Math.max(1, f.minOccurs);
    if (this.onlyGiven && f.minOccurs === 0 && !always) {
      // Optional: written only when something given ends up inside — and, for a type already open
      // on the path (a recursive Parent or Child), only when a value names it or a field below it.
      if (f.type && place.typeStack.includes(clark(f.type)) && !this.givenPrefixes.has(path) && !Object.hasOwn(this.values, path)) return false;
      const trial: string[] = [];
      if (!this.occurrence(f, path, level, place, trial)) return false;
      out.push(...trial);
      return true;
    }
    let given = false;
    for (let i = 0; i < count; i++) given = this.occurrence(f, path, level, place, out) || given;
    return given;
  }

  private occurrence(f: Field, path: string, level: number, place: Place, out: string[]): boolean {
    if (++this.elements > this.maxElements) {
      const c = this.contract;
      throw new MessageTooLargeError(
        `the ${this.direction} of ${c.version} ${c.service}.${c.operation} (${c.file}) would have more than ${this.maxElements} elements: lower the minOccurs of its nested fields (now at ${path}, minOccurs ${f.minOccurs})`,
      );
    }
    const top = place.depth === 0;
    const tag = this.qname(f.name);
    const pad = this.pad(level);
    const given = Object.prototype.hasOwnProperty.call(this.values, path) ? this.values[path] : undefined;
    if (given === null) {
      out.push(`${pad}<${tag} ${this.xsi}:nil="true"/>`);
      return true;
    }
    const def = f.type ? this.types.get(clark(f.type)) : undefined;
    const children = f.fields ?? (def?.kind === 'complex' ? def.fields : undefined);

    if (children === undefined || given !== undefined) {
      const text = given ?? f.example;
      if (text === undefined && this.onlyGiven && f.nillable && !top) {
        out.push(`${pad}<${tag} ${this.xsi}:nil="true"/>`);
        return false;
      }
      out.push(`${pad}<${tag}${this.typeAttr(f, top, text !== undefined)}>${escapeValue(text ?? sampleValue(f.type, this.types))}</${tag}>`);
      return text !== undefined;
    }
    const typeAttr = this.typeAttr(f, top, false);
    const typeKey = def ? clark(def.name) : undefined;
    const repeats = typeKey ? place.typeStack.filter((t) => t === typeKey).length : 0;
    if (place.depth >= this.maxDepth || repeats >= this.maxTypeRepeat) {
      if (f.nillable) out.push(`${pad}<${tag} ${this.xsi}:nil="true"/>`);
      else if (f.minOccurs > 0) out.push(`${pad}<${tag}${typeAttr}/>`);
      return false;
    }
    const inner: string[] = [];
    const below: Place = { depth: place.depth + 1, typeStack: typeKey ? [...place.typeStack, typeKey] : place.typeStack };
    let inside = this.givenPrefixes.has(path);
    for (const c of children) inside = this.field(c, `${path}.${c.name.local}`, level + 1, below, inner) || inside;
    if (!inside && this.onlyGiven && f.nillable && !top) {
      out.push(`${pad}<${tag} ${this.xsi}:nil="true"/>`);
      return false;
    }
    if (inner.length === 0) {
      out.push(`${pad}<${tag}${typeAttr}/>`);
      return inside;
    }
    out.push(`${pad}<${tag}${typeAttr}>`, ...inner, `${pad}</${tag}>`);
    return inside;
  }

  /**
   * The xsi:type attribute a field gets: on every typed field below the top elements, or (`needed`)
   * only on a simple value written into an `xsd:anyType` field, which has no type of its own.
   */
  private typeAttr(f: Field, top: boolean, hasValue: boolean): string {
    if (top || !f.type || this.xsiTypes === false) return '';
    if (this.xsiTypes === 'needed') {
      if (!(hasValue && f.type.ns === XSD_NS && f.type.local === 'anyType')) return '';
      return ` ${this.xsi}:type="${escapeAttr(this.qname({ ns: XSD_NS, local: 'string' }))}"`;
    }
    return ` ${this.xsi}:type="${escapeAttr(this.qname(f.type))}"`;
  }
}

/** Text content: invalid XML characters dropped, markup escaped, CR kept as a character reference. */
function escapeValue(s: string): string {
  return escapeText(stripInvalidXmlChars(s)).replace(/\r/g, '&#13;');
}
