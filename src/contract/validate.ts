/**
 * JSON Schema validation of contract and types files against contracts/schema/ (validators
 * compiled ahead of time by scripts/compile-schemas.ts); every ajv error becomes a ContractProblem with
 * the position of the offending value, its JSON pointer and a plain-English message.
 */
import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv';
import type { ContractProblem } from './model.ts';
import { validateContractDoc, validateTypesDoc } from './schema-validators.generated.ts';
import { pointerSegments, type YamlSource } from './yaml-source.ts';

// The validators are compiled from contracts/schema/ ahead of time (scripts/compile-schemas.ts), with
// `verbose`: each error carries its parent schema, which the messages below read.

/** The QName pattern of the contract schema, read when a message needs it (only files with problems). */
let qnamePattern: string | undefined;
function qnamePatternOf(): string {
  qnamePattern ??= (JSON.parse(readFileSync(new URL('../../contracts/schema/contract.schema.json', import.meta.url), 'utf8')) as { definitions: { qname: { pattern: string } } }).definitions.qname.pattern;
  return qnamePattern;
}

export type DocKind = 'operation' | 'types';

/** Validate a parsed file against the schema for its kind; [] when valid. */
export function schemaProblems(kind: DocKind, src: YamlSource): ContractProblem[] {
  const validate = kind === 'types' ? validateTypesDoc : validateContractDoc;
  if (validate(src.data)) return [];
  return groupRequired(dropNoise(validate.errors ?? [])).map((e) => toProblem(e, src));
}

/** One `required` error per object, naming every missing key. */
function groupRequired(errors: ErrorObject[]): ErrorObject[] {
  const out: ErrorObject[] = [];
  const byPath = new Map<string, ErrorObject>();
  for (const e of errors) {
    if (e.keyword !== 'required') {
      out.push(e);
      continue;
    }
    const first = byPath.get(e.instancePath);
    const key = String((e.params as { missingProperty: string }).missingProperty);
    if (first) (first.params as { missing: string[] }).missing.push(key);
    else {
      const grouped = { ...e, params: { ...e.params, missing: [key] } };
      byPath.set(e.instancePath, grouped);
      out.push(grouped);
    }
  }
  return out;
}

/**
 * With allErrors, a failed `anyOf` also reports each branch's failure: keep only the anyOf. A failed
 * `if`/`then`/`else` (how a field-list entry picks field, group or wildcard) adds an `if` error
 * beside the branch's own: keep only the branch's.
 */
function dropNoise(errors: ErrorObject[]): ErrorObject[] {
  const anyOfs = errors.filter((e) => e.keyword === 'anyOf');
  return errors.filter(
    (e) => e.keyword === 'if' ? false : e.keyword === 'anyOf' || !anyOfs.some((a) => a.instancePath === e.instancePath && e.schemaPath.startsWith(a.schemaPath.replace(/\/anyOf$/, '/anyOf/'))),
  );
}

function toProblem(e: ErrorObject, src: YamlSource): ContractProblem {
  const params = e.params as Record<string, unknown>;
  const at = label(e.instancePath);
  const got = describeValue(valueAt(src.data, e.instancePath));
  let pointer = e.instancePath;
  let pos = src.locate(e.instancePath);
  let message: string;
  switch (e.keyword) {
    case 'required': {
      const missing = (params.missing as string[] | undefined) ?? [String(params.missingProperty)];
      const keys = missing.map((k) => `\`${k}\``).join(', ');
      message = `${at === '' ? 'the file' : `\`${at}\``} is missing the required key${missing.length > 1 ? 's' : ''} ${keys}`;
      break;
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      pointer = `${e.instancePath}/${key}`;
      pos = src.locateKey(e.instancePath, key);
      message = `unknown key \`${key}\`${at === '' ? ' at the top level' : ` in \`${at}\``}; allowed: ${allowedKeys(e)}`;
      break;
    }
    case 'enum':
      message = `\`${at}\` must be one of ${uniqueTexts(params.allowedValues as unknown[]).join(', ')} — got ${got}`;
      break;
    case 'const':
      message = at === 'kind'
        ? `\`kind\` must be \`operation\` (a contract) or \`types\` (a types file) — got ${got}`
        : `\`${at}\` must be ${String(params.allowedValue)} — got ${got}`;
      break;
    case 'type':
      message = `\`${at}\` must be ${article(String(params.type))} — got ${got}`;
      break;
    case 'pattern':
      if (params.pattern === qnamePatternOf() || (e.propertyName !== undefined && e.schemaPath.includes('qname'))) {
        message = e.propertyName !== undefined
          ? `type name ${JSON.stringify(e.propertyName)} in \`${at}\` is not a QName (prefix:local)`
          : `\`${at}\` must be a QName (prefix:local, or local for no namespace) — got ${got}`;
      } else if (e.propertyName !== undefined) {
        message = `namespace prefix ${JSON.stringify(e.propertyName)} in \`${at}\` is not a valid prefix (letters, digits, _ . -; not starting with a digit)`;
      } else if (at.endsWith('sha256')) {
        message = `\`${at}\` must be 64 lower-case hex digits — got ${got}`;
      } else if (at === 'types') {
        message = `\`types\` must name a .yaml or .yml file — got ${got}`;
      } else if (at.endsWith('code')) {
        message = `\`${at}\` must be a lower-case-dashed code like \`header-blocks-outside-header\` — got ${got}`;
      } else if (at === 'endpoint') {
        // The one pattern keeps every request under the base URL's origin and path (issue 10).
        message = /^[A-Za-z][A-Za-z0-9+.-]*:/.test(String(valueAt(src.data, e.instancePath)))
          ? `\`endpoint\` must be a path relative to the base URL (e.g. Remote/Services88/User.svc), not a full URL — got ${got}`
          : `\`endpoint\` must be a path under the base URL (e.g. Remote/Services88/User.svc): segments of URL path characters, no space, backslash, \`.\` or \`..\` segment, no \`:\` in the first — got ${got}`;
      } else {
        message = `\`${at}\` must match ${String(params.pattern)} — got ${got}`;
      }
      if (e.propertyName !== undefined) {
        pointer = `${e.instancePath}/${e.propertyName}`;
        pos = src.locateKey(e.instancePath, e.propertyName);
      }
      break;
    case 'propertyNames':
      // The pattern error beside it says what is wrong.
      message = `\`${at}\` has an invalid key ${JSON.stringify(params.propertyName)}`;
      break;
    case 'anyOf':
      message = at.endsWith('maxOccurs')
        ? `\`${at}\` must be a whole number of at least 1, or \`unbounded\` — got ${got}`
        : `\`${at}\` has an invalid value — got ${got}`;
      break;
    case 'minimum':
      message = `\`${at}\` must be at least ${String(params.limit)} — got ${got}`;
      break;
    case 'minLength':
      message = `\`${at}\` must not be empty`;
      break;
    case 'not':
      if (at.endsWith('file') || at === 'types') message = `\`${at}\` must be a relative path — got ${got}`;
      else message = `\`${at}\` has a value that is not allowed — got ${got}`;
      break;
    default:
      message = `\`${at}\` ${e.message ?? 'is invalid'}`;
  }
  return { file: src.file, ...pos, pointer: pointer || '/', code: 'schema', message };
}

/** `/request/body/fields/0/type` → `request.body.fields[0].type`. */
export function label(pointer: string): string {
  let out = '';
  for (const seg of pointerSegments(pointer)) {
    if (/^\d+$/.test(seg)) out += `[${seg}]`;
    else out += (out ? '.' : '') + seg;
  }
  return out;
}

function valueAt(data: unknown, pointer: string): unknown {
  let cur = data;
  for (const seg of pointerSegments(pointer)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur;
}

function describeValue(v: unknown): string {
  if (v === null) return 'null (an empty value)';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? v.slice(0, 57) + '...' : v);
  return String(v);
}

function article(type: string): string {
  const names = type.split(',').map((t) => (t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : t === 'integer' ? 'a whole number' : `a ${t}`));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
}

function uniqueTexts(values: unknown[]): string[] {
  return [...new Set(values.map((v) => String(v)))];
}

function allowedKeys(e: ErrorObject): string {
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props).join(', ') : '(none)';
}
