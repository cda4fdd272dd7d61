/**
 * Where the real test material lives: ../shared beside the work tree (seeds/, corpus/), or
 * the folder named by SOAPCHECK_CORPUS. Tests over it use `describeShared`, which skips with
 * a visible reason where the folder is absent — except under CI, where it must be present.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared folder (holding seeds/ and corpus/). */
export const SHARED_DIR = process.env.SOAPCHECK_CORPUS ? resolve(process.env.SOAPCHECK_CORPUS) : resolve(repoRoot, '..', 'shared');
export const SEEDS_DIR = join(SHARED_DIR, 'seeds');
export const SUPEROFFICE_DOCS_DIR = join(SHARED_DIR, 'corpus', 'superoffice-docs');
export const NODE_SOAP_DIR = join(SHARED_DIR, 'corpus', 'node-soap');
export const REPO_ROOT = repoRoot;

export const sharedPresent = existsSync(SEEDS_DIR) && existsSync(SUPEROFFICE_DOCS_DIR);

if (!sharedPresent && process.env.CI) {
  throw new Error(`CI run without the shared test material: ${SHARED_DIR} has no seeds/ and corpus/ (set SOAPCHECK_CORPUS)`);
}

/** Why tests over ../shared are skipped where it is absent. */
export const SHARED_SKIP_REASON = `shared test material not found at ${SHARED_DIR}; set SOAPCHECK_CORPUS`;

/**
 * `describe` for tests over ../shared: where it is absent, the block is skipped with the reason
 * in its name and `fn` is never called. (vitest's `describe.skip` still runs its callback to
 * collect the tests inside, so an `it.each(readdirSync(…))` there would read the missing folder.)
 */
export function describeShared(name: string, fn: () => void): void {
  if (sharedPresent) describe(name, fn);
  else describe.skip(`${name} [skipped: ${SHARED_SKIP_REASON}]`, () => it('needs the shared test material', () => {}));
}
