/**
 * Deterministic YAML for generated contract and types files: the text the `yaml` package's
 * stringify gives with fixed options (block style, two-space indent, no line folding, no
 * anchors), keys in the order the caller built them, `undefined` values left out, and a first line
 * pointing editors at the JSON Schema. Same document → byte-identical text.
 *
 * Generated documents are plain maps, lists and one-line scalars, and rendering them through the
 * package's document model took half of `import wsdl`. So those are written here directly: the
 * layout is the package's block layout, and every scalar's text is the package's own (rendered
 * once per distinct value and remembered). Anything else — a multi-line string, a list in a
 * list, a value that is not plain data — goes to the package whole. A test holds the two equal
 * on every document the importers write from the real material and on generated ones
 * (docs/decisions/0007-import-wsdl-speed.md).
 */
import { dirname, relative, sep } from 'node:path';
import { stringify } from 'yaml';

const OPTIONS = {
  indent: 2,
  indentSeq: true,
  lineWidth: 0,
  minContentWidth: 0,
  aliasDuplicateObjects: false,
  defaultStringType: 'PLAIN',
  defaultKeyType: 'PLAIN',
  singleQuote: false,
  version: '1.2',
} as const;

/** The `# yaml-language-server: $schema=…` line for a file, with the schema path relative to it. */
export function schemaComment(file: string, schemaFile: string): string {
  let rel = relative(dirname(file), schemaFile).split(sep).join('/');
  if (!rel.startsWith('.')) rel = `./${rel}`;
  return `# yaml-language-server: $schema=${rel}`;
}

/** Render a document as YAML text, with the schema comment line first when given. */
export function toYaml(doc: unknown, comment?: string): string {
  const body = fastYaml(doc) ?? stringify(doc, OPTIONS);
  return comment ? `${comment}\n${body}` : body;
}

/** The package's rendering of the document (the reference the fast path is held to). */
export function toYamlByPackage(doc: unknown): string {
  return stringify(doc, OPTIONS);
}

/** Thrown (and caught) where the document holds something the fast path leaves to the package. */
class NotPlain extends Error {}
const NOT_PLAIN = new NotPlain();

/** The package's text of each scalar met so far, by kind and value (`s…` a string, `n…` a number, `b…` a boolean). Bounded. */
const scalars = new Map<string, string>();
const MAX_CACHED = 50_000;
/** Longest string the fast path writes (the package writes keys over 1024 characters as explicit keys). */
const MAX_SCALAR = 1000;

function scalarText(v: unknown): string {
  let key: string;
  if (typeof v === 'string') {
    if (v.length > MAX_SCALAR) throw NOT_PLAIN;
    key = `s${v}`;
  } else if (typeof v === 'number') key = `n${Object.is(v, -0) ? '-0' : String(v)}`;
  else if (typeof v === 'boolean') key = `b${String(v)}`;
  else if (v === null) return 'null';
  else throw NOT_PLAIN;
  const hit = scalars.get(key);
  if (hit !== undefined) return hit;
  // A scalar alone is rendered as in a block map or list, except that the package writes one
  // starting a line with a document marker as a block at the top level: such text has a line break.
  const text = stringify(v, OPTIONS).slice(0, -1);
  if (text.includes('\n')) throw NOT_PLAIN;
  if (scalars.size >= MAX_CACHED) scalars.clear();
  scalars.set(key, text);
  return text;
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;
const isEmpty = (v: unknown): '[]' | '{}' | null => (Array.isArray(v) ? (v.length === 0 ? '[]' : null) : isMap(v) ? (Object.keys(v).some((k) => v[k] !== undefined) ? null : '{}') : null);

function writeMap(map: Record<string, unknown>, indent: string, out: string[]): void {
  for (const k of Object.keys(map)) {
    const v = map[k];
    if (v === undefined) continue;
    const key = scalarText(k);
    if (Array.isArray(v) || isMap(v)) {
      const empty = isEmpty(v);
      if (empty) out.push(`${indent}${key}: ${empty}\n`);
      else {
        out.push(`${indent}${key}:\n`);
        if (Array.isArray(v)) writeList(v, `${indent}  `, out);
        else writeMap(v, `${indent}  `, out);
      }
    } else out.push(`${indent}${key}: ${scalarText(v)}\n`);
  }
}

function writeList(list: readonly unknown[], indent: string, out: string[]): void {
  for (const v of list) {
    if (v === undefined || Array.isArray(v) && v.length > 0) throw NOT_PLAIN;
    const empty = isEmpty(v);
    if (empty) out.push(`${indent}- ${empty}\n`);
    else if (isMap(v)) {
      // A map in a list: its first entry on the dash's line, the others below it.
      const start = out.length;
      writeMap(v, `${indent}  `, out);
      out[start] = `${indent}- ${out[start]!.slice(indent.length + 2)}`;
    } else out.push(`${indent}- ${scalarText(v)}\n`);
  }
}

/** The document's text by the fast path, or null where it must go to the package (exported for the test that holds it to the package). */
export function fastYaml(doc: unknown): string | null {
  if (!isMap(doc) || isEmpty(doc)) return null;
  const out: string[] = [];
  try {
    writeMap(doc, '', out);
  } catch (e) {
    if (e instanceof NotPlain) return null;
    throw e;
  }
  return out.join('');
}
