/**
 * Contract packs: a `pack.yaml` in a folder of contracts says, once for every contract under that
 * folder, which variables they need and which request fields take them (SuperOffice: the
 * ApplicationToken header from SO_APP_TOKEN and Credentials.Ticket from SO_TICKET, both secret).
 * Runs (contract paths and suites alike), `soapcheck example` and the mock read the bindings, so
 * the credentials reach every request without each suite repeating them.
 *
 * A contract's pack is the nearest `pack.yaml` in its folder or above (at most MAX_LEVELS up); a
 * `pack.yaml` whose `kind` is not `pack` belongs to something else and is ignored.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { ContractProblem } from './model.ts';
import { validatePackDoc as validatePack } from './schema-validators.generated.ts';
import { schemaProblemsOf } from './yaml-problems.ts';
import { parseYamlSource } from './yaml-source.ts';

export const PACK_FILE = 'pack.yaml';
/** How many folders above a contract are searched for a pack. */
export const MAX_LEVELS = 8;
/** Largest pack file read. */
const MAX_PACK_BYTES = 256 * 1024;

export interface PackVariable {
  secret: boolean;
  description?: string;
}

export interface Pack {
  /** Absolute path of the pack file. */
  file: string;
  name: string;
  description?: string;
  variables: Readonly<Record<string, PackVariable>>;
  /** Dotted request path → value (may hold `${NAME}`). */
  bindings: Readonly<Record<string, string>>;
}

export interface PackLookup {
  pack?: Pack;
  problems: ContractProblem[];
}


/** Pack file per folder (undefined: none at or above it); pack per file. Packs are few and small. */
const fileOfFolder = new Map<string, string | undefined>();
const packOfFile = new Map<string, PackLookup>();

/** The pack of a contract file: the nearest pack.yaml at or above its folder, loaded once. */
export function packFor(contractFile: string): PackLookup {
  const file = packFileFor(dirname(resolve(contractFile)));
  return file ? loadPack(file) : { problems: [] };
}

function packFileFor(folder: string): string | undefined {
  if (fileOfFolder.has(folder)) return fileOfFolder.get(folder);
  const seen: string[] = [];
  let dir = folder;
  let found: string | undefined;
  for (let level = 0; level <= MAX_LEVELS; level++) {
    if (fileOfFolder.has(dir)) {
      found = fileOfFolder.get(dir);
      break;
    }
    seen.push(dir);
    const candidate = join(dir, PACK_FILE);
    if (isFile(candidate)) {
      found = candidate;
      break;
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  for (const d of seen) fileOfFolder.set(d, found);
  return found;
}

function isFile(path: string): boolean {
  try {
    readFileSync(path, { flag: 'r' }).length;
    return true;
  } catch {
    return false;
  }
}

/** Read, parse and validate one pack file (cached). Problems carry the file and position. */
export function loadPack(file: string): PackLookup {
  const key = resolve(file);
  const hit = packOfFile.get(key);
  if (hit) return hit;
  const made = readPack(key);
  packOfFile.set(key, made);
  return made;
}

function readPack(file: string): PackLookup {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    return { problems: [{ file, code: 'pack', message: `cannot read pack: ${(e as NodeJS.ErrnoException).code ?? String(e)}` }] };
  }
  if (bytes.length > MAX_PACK_BYTES) return { problems: [{ file, code: 'pack', message: `pack file is larger than ${MAX_PACK_BYTES} bytes` }] };
  const parsed = parseYamlSource(bytes.toString('utf8'), file);
  if (!parsed.ok) return { problems: parsed.problems };
  const src = parsed.source;
  // Some other tool's pack.yaml above the contracts is none of ours: no pack, no problem.
  if ((src.data as { kind?: unknown } | null)?.kind !== 'pack') return { problems: [] };
  const problems = schemaProblemsOf(validatePack, src);
  if (problems.length) return { problems };
  const raw = src.data as { name: string; description?: string; variables?: Record<string, { secret?: boolean; description?: string }>; bindings?: Record<string, string> };
  const variables: Record<string, PackVariable> = {};
  for (const [name, v] of Object.entries(raw.variables ?? {})) variables[name] = { secret: v.secret === true, ...(v.description ? { description: v.description } : {}) };
  return {
    pack: { file, name: raw.name, ...(raw.description ? { description: raw.description } : {}), variables, bindings: { ...(raw.bindings ?? {}) } },
    problems: [],
  };
}
