import type { DiffCheck } from '../model.ts';
import { maxText } from '../field-facts.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'request-field/max-occurs-increased',
  level: 'INFO',
  direction: 'request',
  location: 'field',
  action: 'increase',
  description: 'A request field may occur more times.',
  reason: 'What an old client sends is still allowed.',
  mirror: 'request-field/max-occurs-decreased',
  on: 'field-pair',
  detect: (ev) => (ev.newField.maxOccurs > ev.oldField.maxOccurs ? `field ${ev.newField.written} maxOccurs ${maxText(ev.oldField.maxOccurs)} → ${maxText(ev.newField.maxOccurs)}` : undefined),
};
