import type { DiffCheck } from '../model.ts';
import { maxText } from '../field-facts.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'response-field/max-occurs-increased',
  level: 'ERR',
  direction: 'response',
  location: 'field',
  action: 'increase',
  description: 'A response field may occur more times (e.g. a single value became an array).',
  reason: 'An old client reads one value and loses the rest, or refuses the repeat.',
  mirror: 'response-field/max-occurs-decreased',
  on: 'field-pair',
  detect: (ev) => (ev.newField.maxOccurs > ev.oldField.maxOccurs ? `field ${ev.newField.written} maxOccurs ${maxText(ev.oldField.maxOccurs)} → ${maxText(ev.newField.maxOccurs)}` : undefined),
};
