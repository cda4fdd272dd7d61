import type { DiffCheck } from '../model.ts';
import { optionality } from '../field-facts.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'response-field/became-optional',
  level: 'ERR',
  direction: 'response',
  location: 'field',
  action: 'decrease',
  description: 'A required response field became optional.',
  reason: 'An old client counts on it and may find it missing.',
  mirror: 'response-field/became-required',
  on: 'field-pair',
  detect: (ev) => (optionality(ev.oldField, ev.newField) === 'became-optional' ? `field ${ev.newField.written} became optional (minOccurs ${ev.oldField.minOccurs} → ${ev.newField.minOccurs})` : undefined),
};
