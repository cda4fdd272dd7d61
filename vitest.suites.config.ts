/**
 * The suites project: what `soapcheck run` starts (programmatically). Not part of `npm test`
 * (vitest.config.ts includes only test/** and src/**). The run's options come from the
 * SOAPCHECK_RUN_OPTIONS environment variable that `soapcheck run` sets; without it, every
 * suites/*.suite.yaml runs against the embedded mock.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['suites/conformance.test.ts'],
    globalSetup: ['suites/global-setup.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Contracts are replayed with test.concurrent; `soapcheck run --concurrency N` overrides this.
    maxConcurrency: 8,
    // A run's results are the reports; snapshots and coverage do not apply.
    passWithNoTests: true,
  },
});
