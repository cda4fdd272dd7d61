import { LabelName, Stage, Status } from 'allure-js-commons';
import { describe, expect, it } from 'vitest';
import { LabelName as OurLabelName, Stage as OurStage, Status as OurStatus } from '../../src/report/allure-reporter.ts';

// The Allure reporter writes allure-js-commons' enum values without loading the library at start-up.
describe('the Allure reporter writes the values of allure-js-commons', () => {
  it.each([
    ['Status', OurStatus, Status],
    ['Stage', OurStage, Stage],
    ['LabelName', OurLabelName, LabelName],
  ] as const)('%s', (_name, ours, theirs) => {
    for (const [key, value] of Object.entries(ours)) expect(value, key).toBe((theirs as Record<string, string>)[key]);
  });
});
