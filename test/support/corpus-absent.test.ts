/**
 * describeShared runs its block only where the shared material is present: a block that reads
 * the corpus while its tests are collected (it.each(readdirSync(…))) must not fail a user's clone.
 * .ci/run proves the same for every test file by collecting the suite with the corpus unreachable.
 */
import { expect, it } from 'vitest';
import { describeShared, sharedPresent } from './corpus.ts';

let blockCalled = false;
describeShared('a block over the corpus', () => {
  blockCalled = true;
  it('is collected', () => {});
});

it(`calls the block while collecting exactly when the shared material is present (present: ${sharedPresent})`, () => {
  expect(blockCalled).toBe(sharedPresent);
});
