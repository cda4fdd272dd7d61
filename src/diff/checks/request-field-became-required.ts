import type { DiffCheck } from '../model.ts';
import { optionality } from '../field-facts.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'request-field/became-required',
  level: 'ERR',
  direction: 'request',
  location: 'field',
  action: 'increase',
  description: 'An optional request field became required.',
  reason: 'An old client may leave it out.',
  mirror: 'request-field/became-optional',
  on: 'field-pair',
  detect: (ev) => (optionality(ev.oldField, ev.newField) === 'became-required' ? `field ${ev.newField.written} became required (minOccurs ${ev.oldField.minOccurs} → ${ev.newField.minOccurs})` : undefined),
};
