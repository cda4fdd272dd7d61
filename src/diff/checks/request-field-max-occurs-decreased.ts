import type { DiffCheck } from '../model.ts';
import { maxText } from '../field-facts.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'request-field/max-occurs-decreased',
  level: 'ERR',
  direction: 'request',
  location: 'field',
  action: 'decrease',
  description: 'A request field may occur fewer times (e.g. an array became a single value).',
  reason: 'An old client may send more occurrences than the server now takes.',
  mirror: 'request-field/max-occurs-increased',
  on: 'field-pair',
  detect: (ev) => (ev.newField.maxOccurs < ev.oldField.maxOccurs ? `field ${ev.newField.written} maxOccurs ${maxText(ev.oldField.maxOccurs)} → ${maxText(ev.newField.maxOccurs)}` : undefined),
};
