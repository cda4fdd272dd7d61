import type { DiffCheck } from '../model.ts';
import { fieldText } from '../describe.ts';

export const check: DiffCheck<'field-added'> = {
  id: 'request-field/added-optional',
  level: 'INFO',
  direction: 'request',
  location: 'field',
  action: 'add',
  description: 'A new optional request field.',
  reason: 'An old client does not send it, and need not.',
  mirror: 'response-field/added',
  on: 'field-added',
  detect: (ev) => (ev.field.minOccurs === 0 ? `new optional field ${fieldText(ev.field)}` : undefined),
};
