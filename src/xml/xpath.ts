/**
 * XPath over a message, with namespaces — for scenario captures and assertions.
 *
 * Input is screened by parseXml first (DOCTYPE refused, size/depth limits), then the engine
 * parses it with NONET/NO_XXE and evaluates the expression. Prefixes in the expression are
 * bound by the caller's map (never by the message's own prefixes).
 */
import { ParseOption, XmlDocument, XmlElement, XmlLibError, XmlXPathError, type XmlNode } from 'libxml2-wasm';
import { parseXml, type ParseLimits } from './parse.ts';

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

const OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_NO_SYS_CATALOG;

/** Evaluate `expr` on `xml`, prefixes bound by `namespaces`. Never throws for bad input or a bad expression. */
export function evaluateXPath(xml: string, expr: string, namespaces: Record<string, string> = {}, limits: ParseLimits = {}): XPathOutcome | XPathFailure {
  const screened = parseXml(xml, limits);
  if (!screened.ok) return { ok: false, message: `message could not be parsed: ${screened.message}` };
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromString(xml, { option: OPTIONS });
  } catch (e) {
    return { ok: false, message: `message could not be parsed: ${errorText(e)}` };
  }
  try {
    const r = doc.eval(expr, namespaces);
    if (Array.isArray(r)) return { ok: true, value: r.map(stringValue) };
    return { ok: true, value: r };
  } catch (e) {
    const why = e instanceof XmlXPathError || e instanceof XmlLibError ? e.message : errorText(e);
    return { ok: false, message: `invalid XPath ${JSON.stringify(expr)}: ${why}` };
  } finally {
    doc.dispose();
  }
}

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
