import type { DiffCheck } from '../model.ts';
import { maxText } from '../field-facts.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'response-field/max-occurs-decreased',
  level: 'INFO',
  direction: 'response',
  location: 'field',
  action: 'decrease',
  description: 'A response field may occur fewer times.',
  reason: 'An old client reads fewer occurrences than it could take.',
  mirror: 'response-field/max-occurs-increased',
  on: 'field-pair',
  detect: (ev) => (ev.newField.maxOccurs < ev.oldField.maxOccurs ? `field ${ev.newField.written} maxOccurs ${maxText(ev.oldField.maxOccurs)} → ${maxText(ev.newField.maxOccurs)}` : undefined),
};
