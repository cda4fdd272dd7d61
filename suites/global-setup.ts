/**
 * vitest global setup for the suites project: starts the embedded mock (127.0.0.1, ephemeral
 * port) for every suite that has no endpoint, provides their URLs to the test file, and stops
 * them when the run ends.
 */
import type { TestProject } from 'vitest/node';
import { currentRunOptions, startEmbeddedMocks, type MockUrls } from '../src/run/session.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    soapcheckMocks: MockUrls;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mocks = await startEmbeddedMocks(currentRunOptions());
  project.provide('soapcheckMocks', mocks.urls);
  return () => mocks.close();
}
