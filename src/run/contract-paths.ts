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

/**
 * Every (folder, remaining segments) pair is walked once: a pattern with several `**` segments reaches the same
 * pair in many ways, and walking each way again would grow with the number of `**` as a power.
 */
function walk(dir: string, rest: string[], out: string[], depth: number, seen = new Set<string>()): void {
  if (depth > 32) return;
  const key = `${rest.length}\0${dir}`;
  if (seen.has(key)) return;
  seen.add(key);
  if (rest.length === 0) {
    out.push(dir);
    return;
  }
  const [head, ...tail] = rest as [string, ...string[]];
  if (head === '**') {
    walk(dir, tail, out, depth + 1, seen);
    for (const e of entries(dir)) if (e.dir) walk(join(dir, e.name), rest, out, depth + 1, seen);
    return;
  }
  for (const e of entries(dir)) {
    if (!wildcardMatch(head, e.name)) continue;
    if (tail.length === 0 ? !e.dir : e.dir) walk(join(dir, e.name), tail, out, depth + 1, seen);
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

/**
 * One path segment against a pattern with `*` (any run of characters) and `?` (one character). Greedy with a
 * single resume point (the last `*`): at most pattern × name steps, where a regular expression with many `*`
 * (`a*a*a*a*…b`) backtracks for longer than any run.
 */
export function wildcardMatch(pattern: string, name: string): boolean {
  let p = 0;
  let n = 0;
  let star = -1; // index of the last `*` met in the pattern
  let resume = 0; // where in the name that `*` next resumes
  while (n < name.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      resume = n;
    } else if (c !== undefined && (c === '?' || c === name[n])) {
      p++;
      n++;
    } else if (star >= 0) {
      p = star + 1;
      n = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
