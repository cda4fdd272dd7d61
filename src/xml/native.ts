/**
 * The engine's own document of a parsed message, kept beside soapcheck's tree when a check needs
 * the engine itself (XPath expectations, XSD validation) — so that the message is not parsed twice.
 * Opaque outside src/xml: callers evaluate and validate through it and must dispose() it.
 */
import type { XmlDocument } from 'libxml2-wasm';
import { xpathsOn, type XPathFailure, type XPathOutcome } from './xpath.ts';
import type { SchemaSet, ValidateOptions, XsdProblem } from './xsd.ts';

export class NativeDocument {
  #doc: XmlDocument | null;
  constructor(doc: XmlDocument) {
    this.#doc = doc;
  }

  /** As evaluateXPaths, on this document. */
  xpaths(exprs: readonly string[], namespaces: Record<string, string>): Array<XPathOutcome | XPathFailure> {
    if (!this.#doc) throw new Error('NativeDocument used after dispose()');
    return xpathsOn(this.#doc, exprs, namespaces);
  }

  /** As SchemaSet.validateEnvelope, on this document. */
  validate(set: SchemaSet, opts: ValidateOptions = {}): XsdProblem[] {
    if (!this.#doc) throw new Error('NativeDocument used after dispose()');
    return set.validateDocument(this.#doc, opts);
  }

  dispose(): void {
    this.#doc?.dispose();
    this.#doc = null;
  }
}
