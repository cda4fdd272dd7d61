import type { DiffCheck } from '../model.ts';
import { fieldText } from '../describe.ts';

export const check: DiffCheck<'field-removed'> = {
  id: 'response-field/removed',
  level: 'ERR',
  direction: 'response',
  location: 'field',
  action: 'remove',
  description: 'A response field the new contract no longer has.',
  reason: 'An old client that reads it finds nothing.',
  mirror: 'request-field/removed',
  on: 'field-removed',
  detect: (ev) => `field ${fieldText(ev.field)} removed`,
};
