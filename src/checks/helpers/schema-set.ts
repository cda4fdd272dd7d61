/**
 * The compiled schema set of a contract's `schemas:` list, made once per list of files and kept
 * for the process (compiling the Services88 User schemas takes ~0.5 s; validating a message, well
 * under a millisecond). Documents the listed ones include or import by a relative schemaLocation
 * are read when they lie in the folder of a listed one or below it; nothing else is read.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { compileSchemaSet, type SchemaSetResult } from '../../xml/xsd.ts';

/** Largest schema document read (bytes). */
export const MAX_SCHEMA_BYTES = 8 * 1024 * 1024;

const cache = new Map<string, SchemaSetResult>();

function readBounded(path: string): Buffer | undefined {
  try {
    if (statSync(path).size > MAX_SCHEMA_BYTES) return undefined;
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** The schema set of these files (absolute paths, or relative to the working directory), or why there is none. */
export function schemaSetOf(files: readonly string[]): SchemaSetResult {
  const paths = files.map((f) => resolve(f));
  const key = paths.join('\n');
  const hit = cache.get(key);
  if (hit) return hit;
  const sources = [];
  for (const p of paths) {
    const bytes = readBounded(p);
    if (!bytes) {
      const r: SchemaSetResult = { ok: false, message: `cannot read schema ${p} (missing, unreadable or over ${MAX_SCHEMA_BYTES} bytes)` };
      cache.set(key, r);
      return r;
    }
    sources.push({ location: p, text: bytes.toString('utf8') });
  }
  const roots = [...new Set(paths.map((p) => dirname(p) + sep))];
  const r = compileSchemaSet(sources, {
    readLocal: (p) => (roots.some((root) => resolve(p).startsWith(root)) ? readBounded(p) : undefined),
  });
  cache.set(key, r);
  return r;
}
