/**
 * The one pipeline for soapcheck's YAML files — contracts, types files, packs, suites and
 * soapcheck.config.yaml: YAML read with positions (yaml-source.ts), checked against its JSON Schema
 * (validators compiled ahead of time by scripts/compile-schemas.ts, with `verbose` so that an error
 * carries its schema), every problem a `file:line:col: message` in the same words, whichever file it is
 * in: an unknown key, a value of the wrong type and bad YAML read alike in a contract, a suite and a
 * config file.
 */
import type { ErrorObject } from 'ajv';
import type { ContractProblem } from './model.ts';
import { parseWithPositions, parseYamlSource, pointerSegments, type YamlSource } from './yaml-source.ts';

/** An ajv validator: compiled ahead of time, with `allErrors` and `verbose`. */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** A kind of file's own wording for a `pattern` error (`at`: the dotted place; `got`: the value described); undefined for the generic one. */
export type PatternMessage = (e: ErrorObject, at: string, got: string, src: YamlSource) => string | undefined;

export type CheckedYaml = { ok: true; source: YamlSource } | { ok: false; problems: ContractProblem[] };

/**
 * Read YAML text and check it against a schema. `positions: 'eager'` parses with positions at once (a
 * caller that asks for many places anyway); by default the fast reader is used and positions are worked
 * out only when a problem asks where.
 */
export function readCheckedYaml(text: string, file: string, validate: SchemaValidator, opts: { positions?: 'eager' | 'lazy'; patternMessage?: PatternMessage } = {}): CheckedYaml {
  const parsed = opts.positions === 'eager' ? parseWithPositions(text, file) : parseYamlSource(text, file);
  if (!parsed.ok) return parsed;
  const problems = schemaProblemsOf(validate, parsed.source, opts.patternMessage);
  return problems.length ? { ok: false, problems } : parsed;
}

/** `file:line:col: message` (the position where known). */
export function formatYamlProblem(p: Pick<ContractProblem, 'file' | 'line' | 'column' | 'message'>): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}${p.column !== undefined ? `:${p.column}` : ''}` : ''}: ${p.message}`;
}

/** Validate parsed data against a schema; [] when valid. Each error becomes a problem at the place of the offending value (or key). */
export function schemaProblemsOf(validate: SchemaValidator, src: YamlSource, patternMessage?: PatternMessage): ContractProblem[] {
  if (validate(src.data)) return [];
  return groupRequired(dropNoise(validate.errors ?? [])).map((e) => toProblem(e, src, patternMessage));
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
 * With allErrors, a failed `anyOf`/`oneOf` also reports each branch's failure: keep only the anyOf/oneOf.
 * A failed `if`/`then`/`else` (how a field-list entry picks field, group or wildcard) adds an `if` error
 * beside the branch's own: keep only the branch's. The same error twice (a `$ref` reached two ways) once.
 */
function dropNoise(errors: ErrorObject[]): ErrorObject[] {
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf');
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (e.keyword === 'if') return false;
    if (e.keyword !== 'anyOf' && e.keyword !== 'oneOf' && alternatives.some((a) => a.instancePath === e.instancePath && e.schemaPath.startsWith(`${a.schemaPath}/`))) return false;
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function toProblem(e: ErrorObject, src: YamlSource, patternMessage: PatternMessage | undefined): ContractProblem {
  const params = e.params as Record<string, unknown>;
  const at = label(e.instancePath);
  const what = at === '' ? 'the file' : `\`${at}\``;
  const got = describeValue(valueAt(src.data, e.instancePath));
  let pointer = e.instancePath;
  let pos = src.locate(e.instancePath);
  let message: string;
  switch (e.keyword) {
    case 'required': {
      const missing = (params.missing as string[] | undefined) ?? [String(params.missingProperty)];
      const keys = missing.map((k) => `\`${k}\``).join(', ');
      message = `${what} is missing the required key${missing.length > 1 ? 's' : ''} ${keys}`;
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
      message = `${what} must be one of ${uniqueTexts(params.allowedValues as unknown[]).join(', ')} — got ${got}`;
      break;
    case 'const':
      message = `${what} must be ${String(params.allowedValue)} — got ${got}`;
      break;
    case 'type':
      message = `${what} must be ${article(String(params.type))} — got ${got}`;
      break;
    case 'pattern':
      message = patternMessage?.(e, at, got, src)
        ?? (e.propertyName !== undefined
          ? `${JSON.stringify(e.propertyName)} in \`${at}\` is not a valid name (it must match ${String(params.pattern)})`
          : `${what} ${(e.parentSchema as { description?: string } | undefined)?.description ? `has an invalid value — got ${got}${alternativesText(e)}` : `must match ${String(params.pattern)} — got ${got}`}`);
      if (e.propertyName !== undefined) {
        pointer = `${e.instancePath}/${e.propertyName}`;
        pos = src.locateKey(e.instancePath, e.propertyName);
      }
      break;
    case 'propertyNames':
      // The error beside it says what is wrong.
      message = `${what} has an invalid key ${JSON.stringify(params.propertyName)}`;
      break;
    case 'anyOf':
    case 'oneOf':
      message = at.endsWith('maxOccurs')
        ? `${what} must be a whole number of at least 1, or \`unbounded\` — got ${got}`
        : `${what} has an invalid value — got ${got}${alternativesText(e)}`;
      break;
    case 'minimum':
      message = `${what} must be at least ${String(params.limit)} — got ${got}`;
      break;
    case 'minLength':
      message = `${what} must not be empty`;
      break;
    case 'minItems':
      message = `${what} must have at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`;
      break;
    case 'minProperties':
    case 'maxProperties':
      message = `${what} must have ${e.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(params.limit)} key${params.limit === 1 ? '' : 's'}${keysText(e)}`;
      break;
    case 'not':
      if (at.endsWith('file') || at === 'types') message = `\`${at}\` must be a relative path — got ${got}`;
      else message = `${what} has a value that is not allowed — got ${got}`;
      break;
    default:
      message = `${what} ${e.message ?? 'is invalid'}`;
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

export function valueAt(data: unknown, pointer: string): unknown {
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
  // null is how YAML writes an empty value: "a mapping", not "a mapping or a null".
  const types = type.split(',');
  const names = (types.length > 1 ? types.filter((t) => t !== 'null') : types).map((t) => (t === 'object' ? 'a mapping' : t === 'array' ? 'a list' : t === 'integer' ? 'a whole number' : `a ${t}`));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)!}`;
}

function uniqueTexts(values: unknown[]): string[] {
  return [...new Set(values.map((v) => String(v)))];
}

function allowedKeys(e: ErrorObject): string {
  const props = (e.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return props ? Object.keys(props).join(', ') : '(none)';
}

/** A schema's own description of what a value may be, where it gives one. */
function alternativesText(e: ErrorObject): string {
  const d = (e.parentSchema as { description?: string } | undefined)?.description;
  return d ? ` (${d})` : '';
}

/** What an object with a bounded number of keys may hold: its schema's description, else its keys. */
function keysText(e: ErrorObject): string {
  const schema = e.parentSchema as { description?: string; properties?: Record<string, unknown> } | undefined;
  if (schema?.description) return `: ${schema.description}`;
  return schema?.properties ? ` (of ${Object.keys(schema.properties).join(', ')})` : '';
}
