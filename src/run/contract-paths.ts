/**
 * Contract paths of a suite: plain files and folders (the loader walks folders), and globs with
 * `*`, `?` (within one path segment) and `**` (any number of folders), matched in sorted order.
 * Hidden entries are skipped.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/**
 * Expand contract paths: plain files and folders stay as they are (the loader walks folders);
 * entries with `*`, `?` or `**` are matched against the file system. A pattern that matches
 * nothing is returned in `unmatched`.
 */
export function expandContractPaths(patterns: readonly string[]): { paths: string[]; unmatched: string[] } {
  const paths: string[] = [];
  const unmatched: string[] = [];
  for (const p of patterns) {
    if (!/[*?]/.test(p)) {
      try {
        statSync(p);
        paths.push(p);
      } catch {
        unmatched.push(p);
      }
      continue;
    }
    const found = glob(p);
    if (found.length === 0) unmatched.push(p);
    paths.push(...found);
  }
  return { paths: [...new Set(paths)], unmatched };
}

function glob(pattern: string): string[] {
  const abs = resolve(pattern);
  const parts = abs.split(sep);
  let i = 0;
  while (i < parts.length && !/[*?]/.test(parts[i]!)) i++;
  const root = parts.slice(0, i).join(sep) || sep;
  const rest = parts.slice(i);
  const out: string[] = [];
  walk(root, rest, out, 0);
  return out.sort();
}

function walk(dir: string, rest: string[], out: string[], depth: number): void {
  if (depth > 32) return;
  if (rest.length === 0) {
    out.push(dir);
    return;
  }
  const [head, ...tail] = rest as [string, ...string[]];
  if (head === '**') {
    walk(dir, tail, out, depth + 1);
    for (const e of entries(dir)) if (e.dir) walk(join(dir, e.name), rest, out, depth + 1);
    return;
  }
  const re = segmentRegExp(head);
  for (const e of entries(dir)) {
    if (!re.test(e.name)) continue;
    if (tail.length === 0 ? !e.dir : e.dir) walk(join(dir, e.name), tail, out, depth + 1);
  }
}

function entries(dir: string): Array<{ name: string; dir: boolean }> {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => !d.name.startsWith('.'))
      .map((d) => ({ name: d.name, dir: d.isDirectory() }))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return [];
  }
}

function segmentRegExp(seg: string): RegExp {
  const body = seg.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${body}$`);
}
