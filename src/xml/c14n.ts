/**
 * Canonical XML (W3C C14N 1.0 and Exclusive C14N 1.0) by the engine's own canonicalizer
 * (libxml2's xmlC14NDocDumpMemory, through libxml2-wasm). Input is screened and parsed exactly
 * as parseXml does (no DTD, no entities, size/element limits). See docs/decisions/0002-canonical-xml.md.
 */
import { XmlC14NMode } from 'libxml2-wasm';
import { openDocument } from './engine.ts';
import { DEFAULT_LIMITS, type ParseFailure, type ParseLimits } from './parse.ts';

export interface CanonicalizeOptions {
  /** Exclusive C14N (xml-exc-c14n, as WS-Security signs with) instead of inclusive C14N 1.0. Default false. */
  exclusive?: boolean;
  /** Keep comments (the `#WithComments` variants). Default false. */
  withComments?: boolean;
  /** Exclusive only: prefixes treated as in inclusive C14N (the InclusiveNamespaces PrefixList). */
  inclusivePrefixes?: readonly string[];
  limits?: ParseLimits;
}

export type CanonicalizeResult = { ok: true; text: string } | ParseFailure;

/** The canonical form of a document. Never throws for bad input; returns the parse failure instead. */
export function canonicalize(xml: string | Uint8Array, options: CanonicalizeOptions = {}): CanonicalizeResult {
  const opened = openDocument(xml, { ...DEFAULT_LIMITS, ...options.limits });
  if (!opened.ok) return opened;
  const { doc } = opened;
  try {
    const text = doc.canonicalizeToString({
      mode: options.exclusive ? XmlC14NMode.XML_C14N_EXCLUSIVE_1_0 : XmlC14NMode.XML_C14N_1_0,
      withComments: options.withComments ?? false,
      ...(options.exclusive && options.inclusivePrefixes?.length ? { inclusiveNamespacePrefixes: [...options.inclusivePrefixes] } : {}),
    });
    return { ok: true, text };
  } catch (e) {
    const relative = relativeNamespace(opened.text);
    const why = relative
      ? `namespace URI ${JSON.stringify(relative)} is relative, which C14N does not allow`
      : e instanceof Error ? e.message : String(e);
    return { ok: false, kind: 'malformed', message: `cannot canonicalize: ${why}` };
  } finally {
    doc.dispose();
  }
}

/** The first namespace declaration whose URI is relative (no scheme), which libxml2's C14N refuses. */
function relativeNamespace(text: string): string | null {
  for (const m of text.matchAll(/\bxmlns(?::[\w.-]+)?\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
    const uri = m[1] ?? m[2] ?? '';
    if (uri !== '' && !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(uri)) return uri;
  }
  return null;
}
