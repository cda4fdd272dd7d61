/**
 * The layers of src/ (docs/architecture.md): a folder imports only from its own layer or lower ones, and no two
 * folders import each other (directly or round a longer loop). Type-only imports count: a cycle of types is still
 * a cycle in the design. Fails naming the file and the import.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/corpus.ts';

/** Lowest first. Folders on one line share a layer (they may import each other's lower layers, never form a cycle). */
const LAYERS: string[][] = [['secrets', 'xml'], ['contract'], ['soap', 'checks'], ['mock', 'run', 'diff', 'crosscheck'], ['report'], ['import', 'cli'], ['embed']];
const layerOf = new Map(LAYERS.flatMap((folders, i) => folders.map((f) => [f, i] as const)));

interface Edge {
  from: string;
  to: string;
  file: string;
  spec: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : [];
  });
}

function edges(): Edge[] {
  const src = join(REPO_ROOT, 'src');
  const out: Edge[] = [];
  for (const file of sourceFiles(src)) {
    const text = readFileSync(file, 'utf8');
    const from = relative(src, file).split('/')[0]!;
    for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^import\s+)'(\.[^']+)'/gm)) {
      const target = relative(src, normalize(join(dirname(file), m[1]!)));
      if (target.startsWith('..')) continue;
      const to = target.split('/')[0]!;
      if (to !== from) out.push({ from, to, file: relative(REPO_ROOT, file), spec: m[1]! });
    }
  }
  return out;
}

describe('layers of src/', () => {
  it('every folder is in a layer', () => {
    const folders = readdirSync(join(REPO_ROOT, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !layerOf.has(f))).toEqual([]);
  });

  it('no import goes up a layer', () => {
    const upward = edges()
      .filter((e) => layerOf.get(e.to)! > layerOf.get(e.from)!)
      .map((e) => `${e.file} imports ${e.spec} (${e.from} is below ${e.to})`);
    expect(upward).toEqual([]);
  });

  it('no two folders import each other, directly or round a loop', () => {
    const graph = new Map<string, Set<string>>();
    for (const e of edges()) (graph.get(e.from) ?? graph.set(e.from, new Set()).get(e.from)!).add(e.to);
    const cycles: string[] = [];
    const reach = (start: string, node: string, path: string[], seen: Set<string>): void => {
      for (const next of graph.get(node) ?? []) {
        if (next === start) cycles.push([...path, next].join(' → '));
        else if (!seen.has(next)) {
          seen.add(next);
          reach(start, next, [...path, next], seen);
        }
      }
    };
    for (const f of graph.keys()) reach(f, f, [f], new Set());
    expect(cycles).toEqual([]);
  });
});
