/**
 * The crosscheck registry stays whole: unique ids, one check per file named for its id, a table
 * test each, and a documented section each in docs/crosscheck.md (generated from the registry).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { CROSS_CHECK_LIST, CROSS_CHECKS } from '../../src/crosscheck/registry.ts';
import { expectGenerated } from '../diff/support/docs.ts';

const checksDir = join(REPO_ROOT, 'src', 'crosscheck', 'checks');

function catalogue(): string {
  return CROSS_CHECK_LIST.map((c) => [`### \`${c.id}\``, '', c.description, '', `What goes wrong: ${c.consequence}`, ''].join('\n')).join('\n');
}

describe('crosscheck registry', () => {
  it('ids are unique and every check file is registered, one check per file named for its id', () => {
    expect(CROSS_CHECKS.size).toBe(CROSS_CHECK_LIST.length);
    const files = readdirSync(checksDir).filter((f) => f.endsWith('.ts')).sort();
    expect(files).toEqual(CROSS_CHECK_LIST.map((c) => `${c.id.replace('/', '-')}.ts`).sort());
    for (const f of files) expect(readFileSync(join(checksDir, f), 'utf8').match(/export const check\b/g), f).toHaveLength(1);
  });

  it('every check has a table test (crossTester)', () => {
    const text = readFileSync(join(REPO_ROOT, 'test', 'crosscheck', 'checks.test.ts'), 'utf8');
    const tested = new Set([...text.matchAll(/crossTester\('([^']+)'/g)].map((m) => m[1]));
    expect(CROSS_CHECK_LIST.map((c) => c.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it('docs/crosscheck.md documents every check, as the registry says (generated catalogue)', () => {
    expectGenerated(join(REPO_ROOT, 'docs', 'crosscheck.md'), 'checks', catalogue());
  });
});
