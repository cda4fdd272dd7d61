/**
 * soapcheck's own read-only view of a parsed XML document.
 *
 * The XML engine (libxml2 via libxml2-wasm) is used only inside src/xml/. Everything else
 * works on these plain objects: no disposal, no engine types, prefixes kept only for
 * messages — comparisons go through namespace URIs (`ns`) and resolved QNames.
 */
import { XSI_NS } from './qname.ts';

/** Prefix → namespace URI map of the declarations in scope at an element ('' is the default namespace). */
export type NamespaceScope = Readonly<Record<string, string>>;

export interface XAttribute {
  readonly local: string;
  /** Namespace URI, '' when the attribute is unqualified. */
  readonly ns: string;
  readonly prefix: string;
  readonly value: string;
}

export interface XElement {
  readonly kind: 'element';
  readonly local: string;
  /** Namespace URI, '' when the element is in no namespace. */
  readonly ns: string;
  readonly prefix: string;
  readonly attrs: readonly XAttribute[];
  /** Child nodes in document order. */
  readonly children: readonly XNode[];
  /** 1-based line where the element's start tag begins. */
  readonly line: number;
  /** Namespace declarations in scope (own and inherited). */
  readonly scope: NamespaceScope;
  /** Namespace declarations made on this element itself. */
  readonly declared: NamespaceScope;
  readonly parent: XElement | null;
}

export interface XText {
  readonly kind: 'text';
  readonly value: string;
  /** True when the text came from a CDATA section. */
  readonly cdata: boolean;
  readonly line: number;
}

export interface XComment {
  readonly kind: 'comment';
  readonly value: string;
  readonly line: number;
}

export interface XProcessingInstruction {
  readonly kind: 'pi';
  readonly target: string;
  readonly line: number;
}

export type XNode = XElement | XText | XComment | XProcessingInstruction;

export interface XDocument {
  readonly root: XElement;
  /** Processing instructions anywhere in the document (the XML declaration is not one). */
  readonly processingInstructions: readonly XProcessingInstruction[];
  /** Encoding named in the XML declaration, if any. */
  readonly declaredEncoding: string | null;
  /** Encoding named by a byte order mark at the start of the bytes (never for text, which is already decoded). */
  readonly byteOrderMark: 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | null;
}

/** Child elements of an element, in order. */
export function childElements(el: XElement): XElement[] {
  const out: XElement[] = [];
  for (const c of el.children) if (c.kind === 'element') out.push(c);
  return out;
}

/** Concatenated character data directly inside an element (text and CDATA, not descendants). */
export function textContent(el: XElement): string {
  let s = '';
  for (const c of el.children) if (c.kind === 'text') s += c.value;
  return s;
}

/** True when the element has non-whitespace text directly inside it. */
export function hasSignificantText(el: XElement): boolean {
  for (const c of el.children) if (c.kind === 'text' && /\S/.test(c.value)) return true;
  return false;
}

/** Attribute by namespace URI and local name. */
export function attribute(el: XElement, ns: string, local: string): XAttribute | undefined {
  for (const a of el.attrs) if (a.local === local && a.ns === ns) return a;
  return undefined;
}

/**
 * True when the element carries xsi:nil with a true value: `true` or `1` (XML Schema's boolean),
 * surrounding white space ignored. The one reading of nil for checks, mock and importers.
 */
export function isNil(el: XElement): boolean {
  const v = attribute(el, XSI_NS, 'nil')?.value.trim();
  return v === 'true' || v === '1';
}
