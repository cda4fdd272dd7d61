import type { DiffCheck } from '../model.ts';
import { fieldText } from '../describe.ts';

export const check: DiffCheck<'field-added'> = {
  id: 'request-field/added-required',
  level: 'ERR',
  direction: 'request',
  location: 'field',
  action: 'add',
  description: 'A new required request field.',
  reason: 'An old client does not send it; the server refuses the request or reads a default.',
  mirror: 'request-field/removed',
  on: 'field-added',
  detect: (ev) => (ev.field.minOccurs > 0 ? `new required field ${fieldText(ev.field)}` : undefined),
};
