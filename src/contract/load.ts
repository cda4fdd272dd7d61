/**
 * Contract loading: YAML with source positions, JSON Schema validation (ajv, compiled once),
 * QName and type resolution, and checks across the loaded set (duplicate operations).
 *
 * Types files: a contract uses the file named by its `types:` key (relative to the contract), or
 * else `types.yaml` in its own folder when that exists. Types files are loaded once per path.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { FORMAT_VERSION, type Contract, type ContractDoc, type ContractProblem, type Expectation, type TypeRegistry, type TypesDoc } from './model.ts';
import { resolveContractDoc, resolveTypesDoc } from './resolve.ts';
import { schemaProblems, type DocKind } from './validate.ts';
import { decodeUtf8 } from './utf8.ts';
import { parseYamlSource, type Position, type YamlSource } from './yaml-source.ts';

export interface LoadOutcome {
  contracts: Contract[];
  problems: ContractProblem[];
  /** Contract files that were read (whether or not they had problems), in load order. */
  contractFiles: string[];
  /** Types files that were read (whether or not they had problems), in load order. */
  typesFiles: string[];
}

/** Largest contract or types file read, in bytes. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

/** Default name of the types file beside a contract. */
export const DEFAULT_TYPES_FILE = 'types.yaml';

const NOT_CONTRACTS = [/\.suite\.ya?ml$/, /^soapcheck\.config\.ya?ml$/, /^pack\.ya?ml$/];

interface TypesEntry {
  file: string;
  registry: TypeRegistry;
  expectations?: Expectation[];
  /** False when the file could not be read, parsed, validated or resolved. */
  ok: boolean;
  version?: string;
}

/**
 * Load every contract under the given files/folders. Folders are walked recursively in sorted
 * order for `*.yaml`/`*.yml`, skipping `*.suite.yaml`, `soapcheck.config.yaml`, dot-folders,
 * `node_modules` and `contracts/schema/`; a file whose `kind` is `types` is loaded as a types file.
 * Never throws for bad input: problems are returned with positions.
 */
export async function loadContracts(paths: string[]): Promise<LoadOutcome> {
  const problems: ContractProblem[] = [];
  const files: string[] = [];
  const walked = new Set<string>();
  for (const p of paths) await collect(p, true, files, problems, walked);

  const typesCache = new Map<string, Promise<TypesEntry>>();
  const loadTypes = (file: string): Promise<TypesEntry> => {
    const key = resolve(file);
    let entry = typesCache.get(key);
    if (!entry) {
      entry = readTypesFile(file, problems);
      typesCache.set(key, entry);
    }
    return entry;
  };

  // The types file and schemas that many contracts name are looked at once per load, not once per contract.
  const fileChecks = new Map<string, Promise<boolean>>();
  const exists = (path: string): Promise<boolean> => {
    const key = resolve(path);
    let known = fileChecks.get(key);
    if (!known) fileChecks.set(key, (known = isFile(key)));
    return known;
  };

  const loaded: { contract: Contract; locate: (pointer: string) => Position }[] = [];
  const contractFiles: string[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const key = resolve(file);
    if (seen.has(key)) continue;
    seen.add(key);
    if (basename(file) === DEFAULT_TYPES_FILE) {
      await loadTypes(file);
      continue;
    }
    if (typesCache.has(key)) continue;
    const src = await readYaml(file, problems);
    if (!src) {
      contractFiles.push(file);
      continue;
    }
    const kind = kindOf(src.data);
    if (kind === 'types') {
      await loadTypes(file);
      continue;
    }
    contractFiles.push(file);
    const schema = schemaProblems('operation', src);
    if (schema.length > 0) {
      problems.push(...schema);
      continue;
    }
    const doc = src.data as ContractDoc;
    const types = await typesFor(doc, file, src, loadTypes, exists, problems);
    if (types === null) continue;
    const { contract, problems: resolution } = resolveContractDoc(doc, file, types, src.locate);
    problems.push(...resolution);
    problems.push(...(await missingSchemas(doc, file, src, exists)));
    if (contract) loaded.push({ contract, locate: src.locate });
  }
  const { unique, problems: dup } = withoutDuplicates(loaded);
  problems.push(...dup);
  const typesFiles = (await Promise.all(typesCache.values())).map((e) => e.file);
  return { contracts: unique, problems, contractFiles, typesFiles };
}

/** Resolve an in-memory contract (and its types) — for tests and for importers. */
export function resolveContract(doc: ContractDoc, file: string, types?: { doc: TypesDoc; file: string }): { contract?: Contract; problems: ContractProblem[] } {
  if (!types) return resolveContractDoc(doc, file, { registry: new Map() });
  const resolved = resolveTypesDoc(types.doc, types.file);
  const out = resolveContractDoc(doc, file, { registry: resolved.registry, file: types.file, expectations: resolved.expectations });
  if (resolved.problems.length === 0) return out;
  const { contract: _dropped, ...rest } = out;
  return { ...rest, problems: [...resolved.problems, ...out.problems] };
}

function kindOf(data: unknown): DocKind {
  return data !== null && typeof data === 'object' && (data as { kind?: unknown }).kind === 'types' ? 'types' : 'operation';
}

/** `walked` holds the folders (device:inode) already listed, so that a symbolic link back up the tree is not followed again. */
async function collect(path: string, explicit: boolean, out: string[], problems: ContractProblem[], walked: Set<string>): Promise<void> {
  let st;
  try {
    st = await stat(path);
  } catch (e) {
    problems.push({ file: path, code: 'io', message: `cannot read ${path}: ${ioReason(e)}` });
    return;
  }
  if (st.isFile()) {
    if (explicit || isContractFileName(path)) out.push(path);
    return;
  }
  if (!st.isDirectory()) return;
  if (!explicit && isSkippedDir(path)) return;
  const id = `${st.dev}:${st.ino}`;
  if (walked.has(id)) return;
  walked.add(id);
  let names: string[];
  try {
    names = (await readdir(path)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  } catch (e) {
    problems.push({ file: path, code: 'io', message: `cannot list ${path}: ${ioReason(e)}` });
    return;
  }
  for (const name of names) await collect(join(path, name), false, out, problems, walked);
}

function isContractFileName(path: string): boolean {
  const name = basename(path);
  return /\.ya?ml$/.test(name) && !NOT_CONTRACTS.some((re) => re.test(name));
}

function isSkippedDir(path: string): boolean {
  const name = basename(path);
  return name.startsWith('.') || name === 'node_modules' || (name === 'schema' && basename(dirname(resolve(path))) === 'contracts');
}

async function readYaml(file: string, problems: ContractProblem[]): Promise<YamlSource | null> {
  let text: string;
  try {
    const st = await stat(file);
    if (st.size > MAX_FILE_BYTES) {
      problems.push({ file, code: 'io', message: `${file} is ${st.size} bytes, over the limit of ${MAX_FILE_BYTES} bytes for a contract file` });
      return null;
    }
    const bytes = await readFile(file);
    const decoded = decodeUtf8(bytes);
    if (!decoded.ok) {
      problems.push({ file, line: decoded.line, column: decoded.column, code: 'encoding', message: `${file} is not UTF-8 text: invalid byte 0x${decoded.byte} at line ${decoded.line}, column ${decoded.column} (save the file as UTF-8)` });
      return null;
    }
    text = decoded.text;
  } catch (e) {
    problems.push({ file, code: 'io', message: `cannot read ${file}: ${ioReason(e)}` });
    return null;
  }
  const parsed = parseYamlSource(text, file);
  if (!parsed.ok) {
    problems.push(...parsed.problems);
    return null;
  }
  const data = parsed.source.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    problems.push({ file, line: 1, column: 1, pointer: '/', code: 'schema', message: `${file} is not a contract: expected a mapping with \`soapcheck: 1\` and \`kind\` at the top level` });
    return null;
  }
  if (!('soapcheck' in data) && !('kind' in data)) {
    // Some other YAML (or JSON) file: one line saying so, not a schema error for each of its keys.
    problems.push({ file, line: 1, column: 1, pointer: '/', code: 'schema', message: `${file} is not a contract or types file: it has neither \`soapcheck: 1\` nor \`kind\` at the top level` });
    return null;
  }
  const kind = (data as { kind?: unknown }).kind;
  if (kind !== undefined && kind !== 'operation' && kind !== 'types') {
    problems.push({ file, ...parsed.source.locate('/kind'), pointer: '/kind', code: 'schema', message: `\`kind\` must be \`operation\` (a contract) or \`types\` (a types file) — got ${JSON.stringify(kind)}` });
    return null;
  }
  const format = (data as { soapcheck?: unknown }).soapcheck;
  if (typeof format === 'number' && format !== FORMAT_VERSION) {
    problems.push({ file, ...parsed.source.locate('/soapcheck'), pointer: '/soapcheck', code: 'format-version', message: `${file} is in contract format ${format}; this soapcheck reads format ${FORMAT_VERSION}` });
    return null;
  }
  return parsed.source;
}

async function readTypesFile(file: string, problems: ContractProblem[]): Promise<TypesEntry> {
  const failed: TypesEntry = { file, registry: new Map(), ok: false };
  const src = await readYaml(file, problems);
  if (!src) return failed;
  if (kindOf(src.data) !== 'types') {
    problems.push({ file, ...src.locate('/kind'), pointer: '/kind', code: 'schema', message: `${file} is used as a types file but its \`kind\` is not \`types\`` });
    return failed;
  }
  const schema = schemaProblems('types', src);
  if (schema.length > 0) {
    problems.push(...schema);
    return failed;
  }
  const doc = src.data as TypesDoc;
  const resolved = resolveTypesDoc(doc, file, src.locate);
  problems.push(...resolved.problems);
  return { file, registry: resolved.registry, expectations: resolved.expectations, ok: resolved.problems.length === 0, version: doc.version };
}

/** The types registry for a contract; null when its types file is broken (reported once, there). */
async function typesFor(
  doc: ContractDoc,
  file: string,
  src: YamlSource,
  loadTypes: (file: string) => Promise<TypesEntry>,
  exists: (path: string) => Promise<boolean>,
  problems: ContractProblem[],
): Promise<{ registry: TypeRegistry; file?: string; expectations?: Expectation[] } | null> {
  let typesPath: string;
  if (doc.types !== undefined) {
    typesPath = join(dirname(file), doc.types);
    if (!(await exists(typesPath))) {
      problems.push({ file, ...src.locate('/types'), pointer: '/types', code: 'io', message: `types file ${doc.types} (${typesPath}) does not exist` });
      return null;
    }
  } else {
    typesPath = join(dirname(file), DEFAULT_TYPES_FILE);
    if (!(await exists(typesPath))) return { registry: new Map() };
  }
  const entry = await loadTypes(typesPath);
  if (!entry.ok) {
    problems.push({ file, ...src.locate(doc.types !== undefined ? '/types' : '/'), pointer: doc.types !== undefined ? '/types' : '/', code: 'types-file', message: `not checked further: its types file ${typesPath} has problems (reported there)` });
    return null;
  }
  if (entry.version !== undefined && entry.version !== doc.version) {
    problems.push({ file, ...src.locate('/version'), pointer: '/version', code: 'types-version', message: `contract version \`${doc.version}\` differs from the version \`${entry.version}\` of its types file ${typesPath}` });
  }
  return { registry: entry.registry, file: typesPath, ...(entry.expectations ? { expectations: entry.expectations } : {}) };
}

/** Same version+service+operation, or same endpoint+action, loaded twice: the first one is kept. */
function withoutDuplicates(loaded: readonly { contract: Contract; locate: (pointer: string) => Position }[]): { unique: Contract[]; problems: ContractProblem[] } {
  const problems: ContractProblem[] = [];
  const unique: Contract[] = [];
  const byName = new Map<string, Contract>();
  const byAction = new Map<string, Contract>();
  for (const { contract: c, locate } of loaded) {
    const nameKey = `${c.version}\u0000${c.service}\u0000${c.operation}`;
    const actionKey = `${c.endpoint}\u0000${c.action}`;
    const first = byName.get(nameKey);
    const firstAction = byAction.get(actionKey);
    if (first) {
      problems.push({ file: c.file, ...locate('/operation'), pointer: '/operation', code: 'duplicate-operation', message: `operation ${c.service}.${c.operation} of ${c.version} is also defined in ${first.file}` });
      continue;
    }
    if (firstAction) {
      problems.push({ file: c.file, ...locate('/soap/action'), pointer: '/soap/action', code: 'duplicate-operation', message: `endpoint ${c.endpoint} with action ${c.action} is also used by ${firstAction.file}` });
      continue;
    }
    byName.set(nameKey, c);
    byAction.set(actionKey, c);
    unique.push(c);
  }
  return { unique, problems };
}

/** `schemas` entries that name no file. */
async function missingSchemas(doc: ContractDoc, file: string, src: YamlSource, exists: (path: string) => Promise<boolean>): Promise<ContractProblem[]> {
  const out: ContractProblem[] = [];
  for (const [i, s] of (doc.schemas ?? []).entries()) {
    const path = join(dirname(file), s);
    if (!(await exists(path))) out.push({ file, ...src.locate(`/schemas/${i}`), pointer: `/schemas/${i}`, code: 'io', message: `schema file ${s} (${path}) does not exist` });
  }
  return out;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function ioReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return e instanceof Error ? e.message : String(e);
}
