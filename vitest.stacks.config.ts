import { defineConfig } from 'vitest/config';

// Real SOAP stacks that take minutes to build (gSOAP): `npm run test:stacks`, run by .ci/run.
export default defineConfig({
  test: {
    include: ['test/stacks/**/*.stack.ts'],
    testTimeout: 300_000,
    hookTimeout: 1_200_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
