import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // The CLI tests start bin/soapcheck.js, which runs dist/: build it first when it is stale.
    globalSetup: ['test/support/build-dist.ts'],
    reporters: ['default', './test/support/closing-line-reporter.ts'],
  },
});
