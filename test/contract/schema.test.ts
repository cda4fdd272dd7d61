import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';

const SCHEMA_DIR = join(REPO_ROOT, 'contracts', 'schema');
type Schema = { [k: string]: unknown; properties?: Record<string, Schema>; definitions?: Record<string, Schema> };
const load = (name: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as Schema;

/** Every object schema with `properties`, with its location. */
function objectSchemas(s: unknown, at: string, out: [string, Schema][] = []): [string, Schema][] {
  if (Array.isArray(s)) s.forEach((x, i) => objectSchemas(x, `${at}/${i}`, out));
  else if (s && typeof s === 'object') {
    const o = s as Schema;
    if (o.properties) out.push([at, o]);
    for (const [k, v] of Object.entries(o)) objectSchemas(v, `${at}/${k}`, out);
  }
  return out;
}

describe.each(['contract.schema.json', 'types.schema.json'])('%s', (name) => {
  const schema = load(name);

  it('is draft-07', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });

  it('describes every property and allows no unknown keys', () => {
    const objects = objectSchemas(schema, '#');
    expect(objects.length).toBeGreaterThan(0);
    for (const [at, o] of objects) {
      expect(o.additionalProperties, `${at} additionalProperties`).toBe(false);
      for (const [key, prop] of Object.entries(o.properties!)) {
        expect(typeof prop.description === 'string' && prop.description.length > 0, `${at}/properties/${key} has a description`).toBe(true);
      }
    }
  });
});

/** Every `*.yaml` under a folder. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : n.endsWith('.yaml') ? [p] : [];
  });
}

describe('editor schema comments', () => {
  const files = [...yamlFiles(join(REPO_ROOT, 'contracts')), ...yamlFiles(join(REPO_ROOT, 'test', 'fixtures', 'contracts', 'valid'))];

  it('name the existing schema of their kind in every shipped contract and types file', () => {
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      const m = /^# yaml-language-server: \$schema=(\S+)\n/.exec(text);
      expect(m, `${f} starts with a schema comment`).not.toBeNull();
      const target = resolve(dirname(f), m![1]!);
      const kind = /^kind: (\w+)$/m.exec(text)?.[1];
      expect(target, f).toBe(join(SCHEMA_DIR, kind === 'types' ? 'types.schema.json' : kind === 'pack' ? 'pack.schema.json' : 'contract.schema.json'));
      expect(existsSync(target)).toBe(true);
    }
  });
});
