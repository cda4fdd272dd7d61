/**
 * Deterministic YAML for generated contract and types files: the `yaml` package's stringify with
 * fixed options (block style, two-space indent, no line folding, no anchors), keys in the order
 * the caller built them, `undefined` values left out, and a first line pointing editors at the
 * JSON Schema. Same document → byte-identical text.
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
  const body = stringify(doc, OPTIONS);
  return comment ? `${comment}\n${body}` : body;
}
