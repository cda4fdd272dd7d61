import type { DiffCheck } from '../model.ts';
import { optionality } from '../field-facts.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'response-field/became-required',
  level: 'INFO',
  direction: 'response',
  location: 'field',
  action: 'increase',
  description: 'An optional response field became required.',
  reason: 'An old client that copes with its absence copes with its presence.',
  mirror: 'response-field/became-optional',
  on: 'field-pair',
  detect: (ev) => (optionality(ev.oldField, ev.newField) === 'became-required' ? `field ${ev.newField.written} became required (minOccurs ${ev.oldField.minOccurs} → ${ev.newField.minOccurs})` : undefined),
};
