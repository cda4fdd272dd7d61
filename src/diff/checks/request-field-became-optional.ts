import type { DiffCheck } from '../model.ts';
import { optionality } from '../field-facts.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'request-field/became-optional',
  level: 'INFO',
  direction: 'request',
  location: 'field',
  action: 'decrease',
  description: 'A required request field became optional.',
  reason: 'An old client sends it always, which is still allowed.',
  mirror: 'request-field/became-required',
  on: 'field-pair',
  detect: (ev) => (optionality(ev.oldField, ev.newField) === 'became-optional' ? `field ${ev.newField.written} became optional (minOccurs ${ev.oldField.minOccurs} → ${ev.newField.minOccurs})` : undefined),
};
