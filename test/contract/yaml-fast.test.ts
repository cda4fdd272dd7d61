/**
 * The fast reading of contract files (js-yaml) gives exactly the data of the positions reading (the
 * `yaml` library), or nothing: a table of scalars, every YAML file the repository ships, and
 * random mutations of a contract and a types file (fast-check).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastYamlData } from '../../src/contract/yaml-fast.ts';
import { parseWithPositions, parseYamlSource } from '../../src/contract/yaml-source.ts';
import { REPO_ROOT } from '../support/corpus.ts';

/** The positions reading's data, or undefined when it reports problems. */
function slowData(text: string): unknown {
  const r = parseWithPositions(text, 'x.yaml');
  return r.ok ? r.source.data : undefined;
}

/** Where the fast reading gives data, it is the slow reading's. */
function expectSame(text: string): boolean {
  const fast = fastYamlData(text);
  if (fast === undefined) return false;
  const slow = parseWithPositions(text, 'x.yaml');
  expect(slow.ok, `the fast reading accepted what the positions reading refuses:\n${text}`).toBe(true);
  if (slow.ok) expect(fast, text).toStrictEqual(slow.source.data);
  return true;
}

describe('fast YAML reading', () => {
  it.each([
    ['plain scalars of the core schema', 'a: 1\nb: 1.50\nc: 0x1F\nd: 0o17\ne: .inf\nf: -.INF\ng: .nan\nh: ~\ni: TRUE\nj: yes\nk: 1e3\nl: +1\nm: -0\nn: 01\no:\np: "1"\nq: null\nr: 1_000\ns: 0b11\nt: 2026-01-01'],
    ['scalars under example and enum are kept as written', 'x:\n  example: 1.0\n  enum: [01, 02, true, ~, "3"]\ny:\n  example: ~\nz:\n  example: 0x10\n  enum:\n    - 1.50\n    - [1.0]\n    - a: 1.0'],
    ['non-string keys become the yaml library\'s strings', '1: a\n1.50: b\ntrue: c\n~: d\n0x10: e\n.nan: f'],
    ['block and quoted scalars', 'a: |\n  one\n   two\n\nb: >-\n  folded\n  text\nc: \'it\'\'s\'\nd: "tab\\there \\u00e9"\ne: plain\n  continued'],
    ['flow collections and nesting', 'a: {b: [1, {c: d}], e: []}\nf:\n  -\n    - 1\n    - 2\n  - {}\n'],
    ['a __proto__ key stays an own property', '__proto__: {polluted: 1}\na: 1'],
    ['quotes that are characters: an apostrophe in a plain or double-quoted scalar, a double quote in a single-quoted one', 'a: user\'s session\nb: "it\'s"\nc: \'say "hi"\'\nd: [\'x\', "y\'s"]\ne: a"b'],
    ['anchor, alias, tag and directive characters inside scalars', 'a: \\d*(\\.\\d*)?\nb: x&y\nc: a!b\nd: 50%\ne: [a*b, c&d]'],
  ])('%s', (_name, text) => {
    expect(expectSame(text)).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['an anchor and alias', 'a: &x 1\nb: *x'],
    ['an anchor and alias in a flow list', 'a: [1,&x 2,*x]'],
    ['an anchor and alias after JSON-like keys', 'a: {"b":&x 1,"c":*x}'],
    ['an anchor at the start of a flow mapping', 'a: {&x b: 1}'],
    ['a tag', 'a: !!str 1'],
    ['a directive', '%YAML 1.2\n---\na: 1'],
    ['an anchored list item', 'a:\n  - &x 1\n  - *x'],
    ['a complex key', '? [a]\n: 1'],
    ['two documents', 'a: 1\n---\nb: 2'],
    ['a duplicate key', 'a: 1\na: 2'],
    ['a tab for indentation', 'a:\n\tb: 1'],
    ['an empty file', ''],
    ['a bare scalar', '1.0'],
    ['bad indentation', 'a:\n  b: 1\n c: 2'],
    ['a compact nested list', 'a:\n  - -\n  - 1'],
    ['a quoted scalar that runs on', "a:\n  b: 'x\n c'"],
    ['a flow collection that runs on', 'a: [1,\n2]'],
    ['a double-quoted scalar with an escaped line break', 'a: "x\\\n  y"'],
    ['a double-quoted scalar that runs on, with an apostrophe', 'a: "it\'s\n  more"'],
    ['a single-quoted scalar that runs on, with a double quote', 'a: \'say "\n  more\''],
  ])('%s goes the positions way', (_name, text) => {
    expect(fastYamlData(text)).toBeUndefined();
  });

  it('a problem in a file read the fast way is located by reading it again with positions', () => {
    const r = parseYamlSource('a: 1\nb:\n  c: 2\n  d: [x, y]\n', 'x.yaml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.source.locate('/b/d/1')).toEqual({ line: 4, column: 10 });
    expect(r.source.locateKey('/b', 'c')).toEqual({ line: 3, column: 3 });
  });

  it('gives the data of the positions reading for every YAML file the repository ships, and reads most of them', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const p = join(dir, name);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ya?ml$/.test(name)) files.push(p);
      }
    };
    for (const d of ['contracts', 'suites', 'test/fixtures']) walk(join(REPO_ROOT, d));
    let fast = 0;
    for (const f of files) if (expectSame(readFileSync(f, 'utf8'))) fast++;
    expect(files.length).toBeGreaterThan(100);
    expect(fast).toBeGreaterThan(files.length * 0.8);
  });

  const value = fc.constantFrom(
    '1', '1.0', '01', '-0', '0x1F', '0o7', '.inf', '.NaN', '1e3', 'true', 'False', 'yes', '~', 'null', '', '"1"', "'a''b'", '[1, 2.0]', '{a: 1}',
    '|', '>-', 'a: b', '- x', '#c', 'a #c', 'x:y', '"\\u00e9"', '\'', '"', '[', '{', '}', '- -', ': :', '? x', '\t1', 'a\tb', '0b1', '1_0', '2026-01-01',
    // Anchors, aliases, tags and directives where they begin a node, and the same characters inside scalars.
    '&a 1', '*a', '&a', '!!str 1', '!x', '%YAML 1.2', '[*a]', '{a: *a}', '[1,*a]', '{"a":*a}', 'a:*a', '- *a', '- &a x',
    'it\'s', '"it\'s"', '\'say "hi"\'', '"a\\', 'a "b', '\'\'\'x\'', '"\\""', 'x: "y',
    '\\d*', 'a*b', 'x&y', 'a!b', '50%', '(\\d*)?', '"a *b"', "'&a'", 'a *b', 'a &b', 'x:&a',
  );
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('repeat' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value }),
    fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -3, max: 3 }) }),
    fc.record({ kind: fc.constant('line' as const), at: fc.nat(), value }),
  );
  type Mutation = { kind: string; at: number; value?: string; by?: number };
  const mutate = (lines: string[], ms: readonly Mutation[]): string => {
    const out = [...lines];
    for (const m of ms) {
      const i = m.at % out.length;
      if (m.kind === 'drop') out.splice(i, 1);
      else if (m.kind === 'repeat') out.splice(i, 0, out[i]!);
      else if (m.kind === 'line') out.splice(i, 0, `${' '.repeat(out[i]!.search(/\S|$/))}${m.value}`);
      else if (m.kind === 'value') {
        const colon = out[i]!.indexOf(': ');
        out[i] = colon < 0 ? `${out[i]} ${m.value}` : `${out[i]!.slice(0, colon + 2)}${m.value}`;
      } else out[i] = m.by! >= 0 ? ' '.repeat(m.by!) + out[i] : out[i]!.slice(-m.by!);
      if (out.length === 0) break;
    }
    return out.join('\n');
  };

  it.each(['test/fixtures/contracts/valid/Demo7/Gadget/SaveGadget.yaml', 'test/fixtures/contracts/valid/Demo7/types.yaml'])(
    'a mutated %s reads the same both ways, or only the positions way',
    (path) => {
      const lines = readFileSync(join(REPO_ROOT, path), 'utf8').split('\n');
      fc.assert(
        fc.property(fc.array(mutation, { minLength: 1, maxLength: 4 }), (ms) => {
          const text = mutate(lines, ms);
          const fast = fastYamlData(text);
          if (fast !== undefined) expect(fast, text).toStrictEqual(slowData(text));
        }),
        { numRuns: Number(process.env.YAML_FAST_RUNS ?? 400) },
      );
    },
  );
});
