/**
 * The registry stays whole: every check has a unique id, its own file named for it, a level, a
 * documented section in docs/diff.md, a table test, and a mirror (or a written reason for none).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { CHECK_LIST, CHECKS } from '../../src/diff/registry.ts';
import { LEVELS } from '../../src/diff/model.ts';
import { catalogue, expectGenerated } from './support/docs.ts';

const checksDir = join(REPO_ROOT, 'src', 'diff', 'checks');
const testsDir = join(REPO_ROOT, 'test', 'diff', 'checks');

describe('diff check registry', () => {
  it('ids are unique and every check file is registered, one check per file named for its id', () => {
    expect(CHECKS.size).toBe(CHECK_LIST.length);
    const files = readdirSync(checksDir).filter((f) => f.endsWith('.ts')).sort();
    expect(files).toEqual(CHECK_LIST.map((c) => `${c.id.replace('/', '-')}.ts`).sort());
    for (const f of files) expect(readFileSync(join(checksDir, f), 'utf8').match(/export const check\b/g), f).toHaveLength(1);
  });

  it('every check has a level, a description and a reason', () => {
    for (const c of CHECK_LIST) {
      expect(LEVELS, c.id).toContain(c.level);
      expect(c.description.length, c.id).toBeGreaterThan(10);
      expect(c.reason.length, c.id).toBeGreaterThan(10);
      expect(c.id).toMatch(/^[a-z-]+\/[a-z-]+$/);
    }
  });

  it('every check has a mirror that exists (not itself), or a written reason for none', () => {
    for (const c of CHECK_LIST) {
      if (typeof c.mirror === 'string') {
        expect(CHECKS.has(c.mirror), `${c.id}: mirror ${c.mirror} is not a check`).toBe(true);
        expect(c.mirror, c.id).not.toBe(c.id);
      } else {
        expect(c.mirror.none.length, `${c.id}: no reason for having no mirror`).toBeGreaterThan(10);
      }
    }
  });

  it('request and response checks are mirrored across directions or across added/removed', () => {
    for (const c of CHECK_LIST.filter((x) => x.direction !== 'none' && typeof x.mirror === 'string')) {
      const m = CHECKS.get(c.mirror as string)!;
      const across = m.direction !== c.direction || m.action !== c.action;
      expect(across, `${c.id} ↔ ${m.id}`).toBe(true);
    }
  });

  it('every check has a table test (diffTester) in test/diff/checks/', () => {
    const text = readdirSync(testsDir).map((f) => readFileSync(join(testsDir, f), 'utf8')).join('\n');
    const tested = new Set([...text.matchAll(/diffTester\('([^']+)'/g)].map((m) => m[1]));
    expect(CHECK_LIST.map((c) => c.id).filter((id) => !tested.has(id))).toEqual([]);
  });

  it('docs/diff.md documents every check, as the registry says (generated catalogue)', () => {
    expectGenerated(join(REPO_ROOT, 'docs', 'diff.md'), 'checks', catalogue());
  });
});
