/**
 * XPath over a message, with namespaces — for scenario captures and assertions.
 *
 * Input goes through the one door to the engine (./engine.ts: DOCTYPE refused, size and element
 * limits, NONET/NO_XXE); bytes are decoded as the document declares (byte order mark, XML
 * declaration), as the checks read them. Then the expression is evaluated. Prefixes in the expression are
 * bound by the caller's map (never by the message's own prefixes).
 */
import { XmlDocument, XmlElement, XmlLibError, XmlXPathError, type XmlNode } from 'libxml2-wasm';
import { DEFAULT_LIMITS, type ParseLimits } from './parse.ts';
import { openDocument } from './engine.ts';

export type XPathValue = string[] | string | number | boolean;

export interface XPathOutcome {
  ok: true;
  /** Node-set results as their string values (element text content, attribute values) — or a scalar. */
  value: XPathValue;
}

export interface XPathFailure {
  ok: false;
  message: string;
}

/** Evaluate `expr` on `xml`, prefixes bound by `namespaces`. Never throws for bad input or a bad expression. */
export function evaluateXPath(xml: string | Uint8Array, expr: string, namespaces: Record<string, string> = {}, limits: ParseLimits = {}): XPathOutcome | XPathFailure {
  return evaluateXPaths(xml, [expr], namespaces, limits)[0]!;
}

/**
 * Evaluate several expressions on one message, parsing it once. `namespaces` may bind `*envelope*`
 * as a prefix's URI: it is replaced by the namespace of the message's root element (so one
 * expression serves SOAP 1.1 and 1.2). Per expression the same outcome as evaluateXPath; when the
 * message does not parse, every expression fails with that reason.
 */
export function evaluateXPaths(xml: string | Uint8Array, exprs: readonly string[], namespaces: Record<string, string> = {}, limits: ParseLimits = {}): Array<XPathOutcome | XPathFailure> {
  const opened = openDocument(xml, { ...DEFAULT_LIMITS, ...limits });
  if (!opened.ok) return exprs.map(() => ({ ok: false, message: `message could not be parsed: ${opened.message}` }));
  try {
    return xpathsOn(opened.doc, exprs, namespaces);
  } finally {
    opened.doc.dispose();
  }
}

/** evaluateXPaths on an open engine document (src/xml only). */
export function xpathsOn(doc: XmlDocument, exprs: readonly string[], namespaces: Record<string, string>): Array<XPathOutcome | XPathFailure> {
  const envNs = doc.root.namespaceUri;
  const ns: Record<string, string> = {};
  for (const [p, u] of Object.entries(namespaces)) ns[p] = u === ENVELOPE_NS_MARK ? envNs : u;
  return exprs.map((expr) => {
    try {
      const r = doc.eval(expr, ns);
      return { ok: true as const, value: Array.isArray(r) ? r.map(stringValue) : r };
    } catch (e) {
      const why = e instanceof XmlXPathError || e instanceof XmlLibError ? e.message : errorText(e);
      return { ok: false as const, message: `invalid XPath ${JSON.stringify(expr)}: ${why}` };
    }
  });
}

/** In evaluateXPaths' namespaces: "the message's envelope namespace". */
export const ENVELOPE_NS_MARK = '*envelope*';

function stringValue(n: XmlNode): string {
  if (n instanceof XmlElement) return n.content;
  const v = (n as unknown as { content?: unknown; value?: unknown });
  if (typeof v.value === 'string') return v.value;
  if (typeof v.content === 'string') return v.content;
  return '';
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Why an XPath expression cannot be evaluated whatever the message (a syntax error, a prefix the map
 * does not bind, an unknown function), or undefined when it can: it is evaluated once on an empty
 * document. For `lint`.
 */
export function xpathSyntaxProblem(expr: string, namespaces: Record<string, string>): string | undefined {
  const r = evaluateXPath('<x xmlns="urn:soapcheck:xpath-syntax"/>', expr, namespaces);
  return r.ok ? undefined : r.message;
}
