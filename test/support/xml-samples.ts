/**
 * Every XML document of the shared corpus, as text: the ```xml examples of the seed and
 * SuperOffice documentation pages (requests, responses and the WSDL pages), the XML of the
 * plain-text seed form (fences gone), and node-soap's WSDL, XSD and request/response samples.
 * Used by the XML layer's tests and by bench/xml-engines.ts; it reads ../shared only (or
 * SOAPCHECK_CORPUS, as test/support/corpus.ts does).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The same folders as ./corpus.ts, worked out here without vitest so that the bench can use this module.
const SHARED_DIR = process.env.SOAPCHECK_CORPUS
  ? resolve(process.env.SOAPCHECK_CORPUS)
  : resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared');
const SEEDS_DIR = join(SHARED_DIR, 'seeds');
const SUPEROFFICE_DOCS_DIR = join(SHARED_DIR, 'corpus', 'superoffice-docs');
const NODE_SOAP_DIR = join(SHARED_DIR, 'corpus', 'node-soap');

export type XmlSampleKind = 'page-example' | 'wsdl' | 'xsd' | 'message';

export interface XmlSample {
  /** Where it came from, relative to the shared folder (with `#n` for the n-th example of a page). */
  readonly name: string;
  readonly kind: XmlSampleKind;
  readonly text: string;
}

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d).sort()) {
      const p = join(d, entry);
      if (statSync(p).isDirectory()) walk(p);
      else if (keep(p)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

const FENCE = /^```xml[^\n]*\n([\s\S]*?)^```/gm;
/** The plain-text page form: from an XML declaration to the closing Envelope tag. */
const PLAIN_ENVELOPE = /<\?xml[\s\S]*?<\/[A-Za-z_][\w.-]*:Envelope>/g;

/** The XML examples of one documentation page, fenced or (failing that) plain. */
export function examplesOfPage(page: string): string[] {
  const fenced = [...page.matchAll(FENCE)].map((m) => m[1]!);
  if (fenced.length > 0) return fenced;
  return [...page.matchAll(PLAIN_ENVELOPE)].map((m) => m[0]);
}

function pageSamples(dir: string): XmlSample[] {
  const out: XmlSample[] = [];
  for (const file of filesUnder(dir, (p) => p.endsWith('.md') || p.endsWith('.txt'))) {
    examplesOfPage(readFileSync(file, 'utf8')).forEach((text, i) => {
      const kind: XmlSampleKind = /<wsdl:definitions|<definitions[\s>]/.test(text) ? 'wsdl' : 'page-example';
      out.push({ name: `${relative(SHARED_DIR, file)}#${i + 1}`, kind, text });
    });
  }
  return out;
}

function fileSamples(dir: string, kindOf: (path: string) => XmlSampleKind | null): XmlSample[] {
  const out: XmlSample[] = [];
  for (const file of filesUnder(dir, (p) => kindOf(p) !== null)) {
    out.push({ name: relative(SHARED_DIR, file), kind: kindOf(file)!, text: readFileSync(file, 'utf8') });
  }
  return out;
}

/** All samples, in a stable order. Empty when the shared folder is absent. */
export function loadXmlSamples(): XmlSample[] {
  return [
    ...pageSamples(SEEDS_DIR),
    ...pageSamples(SUPEROFFICE_DOCS_DIR),
    ...fileSamples(join(NODE_SOAP_DIR, 'wsdl'), (p) => (p.endsWith('.wsdl') ? 'wsdl' : p.endsWith('.xsd') ? 'xsd' : null)),
    ...fileSamples(join(NODE_SOAP_DIR, 'request-response-samples'), (p) =>
      p.endsWith('.xml') ? 'message' : p.endsWith('.wsdl') ? 'wsdl' : p.endsWith('.xsd') ? 'xsd' : null,
    ),
  ];
}
