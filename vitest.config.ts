import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Child processes, not worker threads: the in-process CLI runner (test/support/in-process.ts)
    // changes the working folder, which a worker thread may not do.
    pool: 'forks',
    // One module graph per worker, shared by the files it runs: a fresh one per file loaded
    // libxml2-wasm, ajv's validators and the contract packs again for each of ~160 files, half of
    // the suite's CPU. Tests restore what they change (environment,
    // working folder, stdout) themselves.
    isolate: false,
    // vitest's default is one worker fewer than the cores: one on a 2-core machine, where many
    // files mostly wait for servers and child processes.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // The CLI tests start bin/soapcheck.js, which runs dist/: build it first when it is stale.
    globalSetup: ['test/support/build-dist.ts'],
    reporters: ['default', './test/support/closing-line-reporter.ts'],
  },
});
