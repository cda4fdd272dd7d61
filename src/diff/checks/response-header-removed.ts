import type { DiffCheck } from '../model.ts';
import { fieldText } from '../describe.ts';

export const check: DiffCheck<'field-removed'> = {
  id: 'response-header/removed',
  level: 'ERR',
  direction: 'response',
  location: 'header',
  action: 'remove',
  description: 'A response header block the new contract no longer has.',
  reason: 'An old client that reads it finds nothing.',
  mirror: 'request-header/removed',
  on: 'field-removed',
  detect: (ev) => `header block ${fieldText(ev.field)} removed`,
};
