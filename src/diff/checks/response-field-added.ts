import type { DiffCheck } from '../model.ts';
import { fieldText } from '../describe.ts';

export const check: DiffCheck<'field-added'> = {
  id: 'response-field/added',
  level: 'INFO',
  direction: 'response',
  location: 'field',
  action: 'add',
  description: 'A new response field.',
  reason: 'A tolerant reader (WCF, the `compatible` profile) skips elements it does not know; a client that validates strictly against the old schema would not.',
  mirror: 'request-field/added-optional',
  on: 'field-added',
  detect: (ev) => `new field ${fieldText(ev.field)}`,
};
