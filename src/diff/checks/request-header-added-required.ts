import type { DiffCheck } from '../model.ts';
import { fieldText } from '../describe.ts';

export const check: DiffCheck<'field-added'> = {
  id: 'request-header/added-required',
  level: 'ERR',
  direction: 'request',
  location: 'header',
  action: 'add',
  description: 'A new required request header block.',
  reason: 'An old client does not send it.',
  mirror: 'request-header/removed',
  on: 'field-added',
  detect: (ev) => (ev.field.minOccurs > 0 ? `new required header block ${fieldText(ev.field)}` : undefined),
};
