/**
 * The one door to the XML engine's parser (libxml2 via libxml2-wasm), for the modules of src/xml/
 * only; index.ts does not export it. Screens hostile input before the engine sees it and maps the
 * engine's refusals to soapcheck's failure kinds. See parse.ts for the rules it enforces.
 */
import { ParseOption, XmlDocument, XmlLibError } from 'libxml2-wasm';
import type { ParseFailure, ParseLimits } from './parse.ts';

const PARSE_OPTIONS =
  ParseOption.XML_PARSE_NONET |
  ParseOption.XML_PARSE_NO_XXE |
  ParseOption.XML_PARSE_NO_SYS_CATALOG |
  ParseOption.XML_PARSE_BIG_LINES;
/** For text: it is already decoded, so the declaration's encoding must not be applied again. */
const TEXT_PARSE_OPTIONS = PARSE_OPTIONS | ParseOption.XML_PARSE_IGNORE_ENC;


export interface OpenedDocument {
  ok: true;
  /** The engine's document: the caller must dispose() it. */
  doc: XmlDocument;
  /** The input as text (for bytes: a lenient decoding, for position and declaration lookups only). */
  text: string;
  /** The line where each element's start tag begins, in document order (empty if it could not be worked out). */
  elementLines: readonly number[];
}

/** Screen the input, then parse it with the hardened options. Never throws for bad input. */
export function openDocument(input: string | Uint8Array, lim: Required<ParseLimits>): OpenedDocument | ParseFailure {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (size > lim.maxBytes) {
    return { ok: false, kind: 'too-large', message: `message is ${size} bytes, over the limit of ${lim.maxBytes} bytes` };
  }
  // For bytes, `text` serves the checks below only; the engine decodes the bytes itself.
  const text = typeof input === 'string' ? input : sniffText(input);
  const pre = precheck(text, lim.mask);
  if (pre) return pre;
  const scanned = startTagLines(text, lim.maxNodes);
  if (scanned && !Array.isArray(scanned)) return scanned;
  try {
    // Text goes in as its UTF-8 bytes, encoded natively (the engine's fromString encodes in JS, a
    // char at a time). A lone surrogate has no UTF-8 form (Buffer would make it U+FFFD): such text
    // takes fromString, where the engine refuses it as the malformed input it is.
    const doc =
      typeof input !== 'string'
        ? XmlDocument.fromBuffer(input, { option: PARSE_OPTIONS })
        : wellFormedUtf16(text)
          ? XmlDocument.fromBuffer(Buffer.from(text, 'utf8'), { option: TEXT_PARSE_OPTIONS })
          : XmlDocument.fromString(text, { option: TEXT_PARSE_OPTIONS });
    return { ok: true, doc, text, elementLines: scanned ?? [] };
  } catch (e) {
    return engineRefusal(e, lim);
  }
}

/** No lone surrogate (String.prototype.isWellFormed, Node 20+; the ES2023 typings lack it). */
function wellFormedUtf16(s: string): boolean {
  return (s as { isWellFormed?(): boolean }).isWellFormed?.() ?? !/\p{Cs}/u.test(s);
}

/** Bytes as text for the pre-parse checks: UTF-16 by its BOM or its first '<', else UTF-8 (lenient). */
function sniffText(bytes: Uint8Array): string {
  const [a, b] = [bytes[0], bytes[1]];
  const le = (a === 0xff && b === 0xfe) || (a === 0x3c && b === 0x00);
  const be = (a === 0xfe && b === 0xff) || (a === 0x00 && b === 0x3c);
  return (le ? DECODERS.le : be ? DECODERS.be : DECODERS.utf8).decode(bytes);
}

/** Made once: a decoder costs more to make than to decode a small message with (decode() keeps no state between calls). */
const DECODERS = {
  utf8: new TextDecoder('utf-8', { fatal: false }),
  le: new TextDecoder('utf-16le', { fatal: false }),
  be: new TextDecoder('utf-16be', { fatal: false }),
};

/**
 * One pass over the text, before parsing: the line of every start tag, in document order, which is
 * the order of the elements in the engine's tree (no entity can add elements: DTDs are refused).
 * libxml2 gives an element the line where its start tag ends and stops counting at 65535; these
 * are the lines where start tags begin, without limit. Refuses a document with more start tags
 * than maxNodes, so a flood of tiny elements never reaches the engine. Comments, CDATA sections
 * and processing instructions are skipped ('<' in them is not markup). Null when the text is
 * unterminated there (the engine then reports it).
 */
function startTagLines(text: string, maxNodes: number): number[] | ParseFailure | null {
  const lines: number[] = [];
  let line = 1;
  let nextNl = text.indexOf('\n'); // first newline not yet counted (-1: none left)
  for (let i = text.indexOf('<'); i >= 0; ) {
    let next = i + 1;
    const c = text.charCodeAt(i + 1);
    if (text.startsWith('<!--', i)) next = text.indexOf('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) next = text.indexOf(']]>', i + 9);
    else if (c === 0x3f /* ? */) next = text.indexOf('?>', i + 2);
    else if (c !== 0x2f /* / */ && c !== 0x21 /* ! */) {
      // Each newline is looked for once (a search from the last counted one would rescan a
      // long single line for every tag: quadratic on a one-line message).
      for (; nextNl >= 0 && nextNl < i; nextNl = text.indexOf('\n', nextNl + 1)) line++;
      if (lines.length >= maxNodes) {
        const { column } = positionOf(text, i);
        return { ok: false, kind: 'too-deep', message: `more than ${maxNodes} elements (refused before parsing)`, line, column };
      }
      lines.push(line);
    }
    if (next < 0) return null;
    i = text.indexOf('<', next);
  }
  return lines;
}

function precheck(text: string, mask: (text: string) => string): ParseFailure | null {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start.length === 0) return { ok: false, kind: 'not-xml', message: 'message is empty' };
  if (!start.startsWith('<')) {
    const what = start.startsWith('{') || start.startsWith('[') ? 'looks like JSON' : 'is plain text';
    return { ok: false, kind: 'not-xml', message: `message is not XML: it ${what} (starts with ${JSON.stringify(mask(start).slice(0, 24))})`, line: 1, column: 1 };
  }
  if (/^<!doctype\s+html|^<html[\s>]/i.test(start)) {
    return { ok: false, kind: 'not-xml', message: 'message is not XML: it is an HTML page', line: 1, column: 1 };
  }
  const dt = text.search(/<!DOCTYPE/i);
  if (dt >= 0) {
    const { line, column } = positionOf(text, dt);
    return { ok: false, kind: 'doctype', message: 'document has a DOCTYPE; DTDs and entity declarations are not allowed in SOAP messages (refused before parsing)', line, column };
  }
  return null;
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lastNl = -1;
  for (let nl = text.indexOf('\n'); nl >= 0 && nl < offset; nl = text.indexOf('\n', nl + 1)) {
    line++;
    lastNl = nl;
  }
  return { line, column: offset - lastNl };
}

/** The engine's refusal as a failure: its resource limits as too-deep / too-large, the rest as malformed. */
function engineRefusal(e: unknown, lim: Required<ParseLimits>): ParseFailure {
  if (e instanceof XmlLibError) {
    const d = e.details?.[0];
    const msg = (d?.message ?? e.message).trim();
    const at = { line: d?.line, column: d?.col };
    if (/^Excessive depth in document/.test(msg)) {
      return { ok: false, kind: 'too-deep', message: `elements nested deeper than ${Math.min(lim.maxDepth, 256)} levels`, ...at };
    }
    const entity = /^Entity '([^']*)' not defined/.exec(msg);
    if (entity) {
      // Only a DTD could declare it, and DTDs are refused: an entity reference SOAP forbids, not a syntax error.
      return { ok: false, kind: 'entity', message: `entity reference &${entity[1]}; is not allowed (no DTD declares it; SOAP allows only the predefined five and character references)`, ...at };
    }
    if (/^Resource limit exceeded|huge text node|too long/i.test(msg)) {
      return { ok: false, kind: 'too-large', message: `a text node, attribute value or name is over the engine's size limit (${msg})`, ...at };
    }
    return { ok: false, kind: 'malformed', message: `not well-formed XML: ${msg}`, ...at };
  }
  return { ok: false, kind: 'malformed', message: `not well-formed XML: ${e instanceof Error ? e.message : String(e)}` };
}
