import type { DiffCheck } from '../model.ts';
import { fieldText } from '../describe.ts';

export const check: DiffCheck<'field-added'> = {
  id: 'response-header/added',
  level: 'INFO',
  direction: 'response',
  location: 'header',
  action: 'add',
  description: 'A new response header block.',
  reason: 'An old client ignores header blocks it does not know (unless the server marks them mustUnderstand).',
  mirror: 'response-header/removed',
  on: 'field-added',
  detect: (ev) => `new header block ${fieldText(ev.field)}`,
};
