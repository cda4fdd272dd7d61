/**
 * YAML with source positions: parse a contract or types file into plain data, and map a JSON
 * pointer back to the line and column where that value (or key) is written.
 */
import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import type { ContractProblem } from './model.ts';
import { fastYamlData } from './yaml-fast.ts';

let yamlModule: typeof import('yaml') | undefined;

/**
 * The `yaml` library (positions, errors with places), loaded on first use: most runs read every file
 * the fast way (yaml-fast.ts) and never need it. A CommonJS package, so `require` loads it at once.
 */
export function yamlLibrary(): typeof import('yaml') {
  return (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

/** Aliases allowed per document: contracts need none; a small cap defeats alias-expansion bombs. */
export const MAX_ALIAS_COUNT = 50;

export interface Position {
  line: number;
  column: number;
}

export interface YamlSource {
  file: string;
  /** The document as plain data (numbers/booleans under `example` and `enum` kept as written text). */
  data: unknown;
  /** Where the value at a JSON pointer is written (or the nearest enclosing value that exists). */
  locate(pointer: string): Position;
  /** Where the key `key` of the mapping at `pointer` is written (falls back to the mapping). */
  locateKey(pointer: string, key: string): Position;
}

export type YamlParse = { ok: true; source: YamlSource } | { ok: false; problems: ContractProblem[] };

/**
 * Parse YAML text. Never throws: syntax errors and alias bombs become `yaml` problems with positions.
 * Read the fast way when it can be (yaml-fast.ts): the positions are then worked out only when one is
 * asked for (a problem is being reported).
 */
export function parseYamlSource(text: string, file: string): YamlParse {
  const data = fastYamlData(text);
  if (data === undefined) return parseWithPositions(text, file);
  let slow: YamlSource | undefined;
  const positions = (): YamlSource | undefined => {
    if (!slow) {
      const parsed = parseWithPositions(text, file);
      if (parsed.ok) slow = parsed.source;
    }
    return slow;
  };
  return {
    ok: true,
    source: {
      file,
      data,
      locate: (pointer) => positions()?.locate(pointer) ?? { line: 1, column: 1 },
      locateKey: (pointer, key) => positions()?.locateKey(pointer, key) ?? { line: 1, column: 1 },
    },
  };
}

/** Parse YAML text with the `yaml` library, keeping every node's position. */
export function parseWithPositions(text: string, file: string): YamlParse {
  const { isMap, isScalar, isSeq, LineCounter, parseDocument } = yamlLibrary();
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (e) {
    return { ok: false, problems: [{ file, line: 1, column: 1, code: 'yaml', message: `cannot parse YAML: ${errText(e)}` }] };
  }
  const posAt = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (doc.errors.length > 0) {
    // Bad indentation also leaves two empty keys in the enclosing mapping: that echo is noise.
    const emptyKey = (e: (typeof doc.errors)[number]) => e.code === 'DUPLICATE_KEY' && !text.slice(e.pos[0], e.pos[0] + 1024).split(/[:\n]/)[0]!.trim();
    const errors = doc.errors.some((e) => !emptyKey(e)) ? doc.errors.filter((e) => !emptyKey(e)) : doc.errors;
    return {
      ok: false,
      problems: errors.map((err) => ({ file, ...posAt(err.pos[0]), code: 'yaml', message: `YAML syntax error: ${syntaxMessage(err.code, err.message, text.slice(err.pos[0], err.pos[0] + 1024))}` })),
    };
  }
  keepScalarsAsWritten(doc, text);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    return { ok: false, problems: [{ file, line: 1, column: 1, code: 'yaml', message: `cannot read YAML: ${errText(e)}` }] };
  }

  const nodeAt = (pointer: string): Node | null => {
    let node: unknown = doc.contents;
    for (const seg of pointerSegments(pointer)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === seg);
        if (!pair) return null;
        node = pair.value;
      } else if (isSeq(node)) {
        node = node.items[Number(seg)];
      } else return null;
      if (node === undefined || node === null) return null;
    }
    return (node as Node) ?? null;
  };
  const nearest = (pointer: string): Position => {
    let segs = pointerSegments(pointer);
    for (;;) {
      const n = nodeAt(toPointer(segs));
      if (n?.range) return posAt(n.range[0]);
      if (segs.length === 0) return { line: 1, column: 1 };
      segs = segs.slice(0, -1);
    }
  };
  return {
    ok: true,
    source: {
      file,
      data,
      locate: nearest,
      locateKey(pointer, key) {
        const n = nodeAt(pointer);
        if (isMap(n)) {
          const pair = n.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
          if (pair && isScalar(pair.key) && pair.key.range) return posAt(pair.key.range[0]);
        }
        return nearest(pointer);
      },
    },
  };
}

/**
 * `example: 1.0` and `enum: [01, 02]` mean the text as written, not the number YAML reads:
 * replace non-string scalars under those keys by their source text.
 */
function keepScalarsAsWritten(doc: Document.Parsed, text: string): void {
  const { isPair, isScalar, isSeq, visit } = yamlLibrary();
  const asWritten = (n: unknown) => {
    if (isScalar(n) && n.value !== null && typeof n.value !== 'string' && n.range) {
      n.value = text.slice(n.range[0], n.range[1]);
    }
  };
  visit(doc, {
    Pair(_key, pair) {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      if (pair.key.value === 'example') asWritten(pair.value);
      else if (pair.key.value === 'enum' && isSeq(pair.value)) pair.value.items.forEach(asWritten);
    },
  });
}

export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(segs: readonly (string | number)[]): string {
  return segs.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

function syntaxMessage(code: string, message: string, at: string): string {
  if (code === 'MULTIPLE_DOCS') return 'a contract file holds one YAML document, this one has several (`---` separators)';
  if (/call stack/i.test(message)) return 'the document is nested too deeply';
  if (code === 'DUPLICATE_KEY') {
    const key = at.split(/[:\n]/)[0]!.trim();
    return key ? `the key ${JSON.stringify(key)} is written twice in the same mapping` : 'a mapping has two empty keys';
  }
  if (code === 'TAB_AS_INDENT') return 'a tab is used for indentation; YAML indents with spaces only';
  return message.split('\n')[0]!.trim();
}

function errText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
