import { rmSync } from 'node:fs';
import AllureVitestReporter from 'allure-vitest/reporter';
import type { Vitest } from 'vitest/node';
import { UnsyncedFileWriter } from './allure-writer.ts';

/**
 * allure-vitest's reporter, starting from an empty results folder: Allure merges every result it finds, so
 * results left by an earlier run would show up in this run's report. (Trends come from the previous HTML
 * report's history, which `soapcheck report` carries over.)
 */
export class FreshAllureReporter extends AllureVitestReporter {
  readonly #resultsDir: string;

  constructor(config: ConstructorParameters<typeof AllureVitestReporter>[0] & { resultsDir: string }) {
    super(config);
    this.#resultsDir = config.resultsDir;
  }

  override onInit(vitest: Vitest): void {
    rmSync(this.#resultsDir, { recursive: true, force: true });
    super.onInit(vitest);
    // allure-vitest builds its writer itself (no option for it); swap in one without a per-file fsync when the
    // runtime looks as expected, else keep allure's own.
    const runtime = (this as unknown as { allureReporterRuntime?: { writer?: unknown } }).allureReporterRuntime;
    if (runtime && typeof runtime.writer === 'object' && runtime.writer !== null) {
      runtime.writer = new UnsyncedFileWriter(this.#resultsDir);
    }
  }
}
