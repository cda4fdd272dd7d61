import type { DiffCheck } from '../model.ts';
import { fieldText } from '../describe.ts';

export const check: DiffCheck<'field-added'> = {
  id: 'request-header/added-optional',
  level: 'INFO',
  direction: 'request',
  location: 'header',
  action: 'add',
  description: 'A new optional request header block.',
  reason: 'An old client does not send it, and need not.',
  mirror: 'response-header/added',
  on: 'field-added',
  detect: (ev) => (ev.field.minOccurs === 0 ? `new optional header block ${fieldText(ev.field)}` : undefined),
};
