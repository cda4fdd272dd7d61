import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate, TARGETS } from '../scripts/compile-schemas.ts';

// The JSON Schema validators are compiled ahead of time and committed; a schema changed without
// `npm run compile-schemas` would otherwise validate files against the old schema.
describe('precompiled schema validators', () => {
  for (const target of TARGETS) {
    it(`${target.out} is what scripts/compile-schemas.ts generates from ${Object.values(target.schemas).join(', ')}`, () => {
      const committed = readFileSync(new URL(`../${target.out}`, import.meta.url), 'utf8');
      expect(committed === generate(target), `${target.out} is stale: run npm run compile-schemas`).toBe(true);
    });
  }
});
