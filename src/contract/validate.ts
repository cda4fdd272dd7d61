/**
 * JSON Schema validation of contract and types files against contracts/schema/ (validators
 * compiled ahead of time by scripts/compile-schemas.ts), through the one YAML-and-schema pipeline
 * (yaml-problems.ts), with the contract format's own words for its patterns (QNames, endpoint paths, …).
 */
import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import type { ContractProblem } from './model.ts';
import { validateContractDoc, validateTypesDoc } from './schema-validators.generated.ts';
import { schemaProblemsOf, valueAt } from './yaml-problems.ts';
import type { YamlSource } from './yaml-source.ts';

/** The QName pattern of the contract schema, read when a message needs it (only files with problems). */
let qnamePattern: string | undefined;
function qnamePatternOf(): string {
  qnamePattern ??= (JSON.parse(readFileSync(new URL('../../contracts/schema/contract.schema.json', import.meta.url), 'utf8')) as { definitions: { qname: { pattern: string } } }).definitions.qname.pattern;
  return qnamePattern;
}

export type DocKind = 'operation' | 'types';

/** Validate a parsed file against the schema for its kind; [] when valid. */
export function schemaProblems(kind: DocKind, src: YamlSource): ContractProblem[] {
  return schemaProblemsOf(kind === 'types' ? validateTypesDoc : validateContractDoc, src, contractPattern).map((p) =>
    p.pointer === '/kind' && p.message.startsWith('`kind` must be') ? { ...p, message: `\`kind\` must be \`operation\` (a contract) or \`types\` (a types file) — got ${p.message.split(' — got ')[1] ?? ''}` } : p,
  );
}

/** The contract format's words for its patterns. */
function contractPattern(e: ErrorObject, at: string, got: string, src: YamlSource): string | undefined {
  const params = e.params as Record<string, unknown>;
  if (params.pattern === qnamePatternOf() || (e.propertyName !== undefined && e.schemaPath.includes('qname'))) {
    return e.propertyName !== undefined
      ? `type name ${JSON.stringify(e.propertyName)} in \`${at}\` is not a QName (prefix:local)`
      : `\`${at}\` must be a QName (prefix:local, or local for no namespace) — got ${got}`;
  }
  if (e.propertyName !== undefined) return `namespace prefix ${JSON.stringify(e.propertyName)} in \`${at}\` is not a valid prefix (letters, digits, _ . -; not starting with a digit)`;
  if (at.endsWith('sha256')) return `\`${at}\` must be 64 lower-case hex digits — got ${got}`;
  if (at === 'types') return `\`types\` must name a .yaml or .yml file — got ${got}`;
  if (at.endsWith('code')) return `\`${at}\` must be a lower-case-dashed code like \`header-blocks-outside-header\` — got ${got}`;
  if (at === 'endpoint') {
    // The one pattern keeps every request under the base URL's origin and path (issue 10).
    return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(String(valueAt(src.data, e.instancePath)))
      ? `\`endpoint\` must be a path relative to the base URL (e.g. Remote/Services88/User.svc), not a full URL — got ${got}`
      : `\`endpoint\` must be a path under the base URL (e.g. Remote/Services88/User.svc): segments of URL path characters, no space, backslash, \`.\` or \`..\` segment, no \`:\` in the first — got ${got}`;
  }
  return undefined;
}
