import type { DiffCheck } from '../model.ts';
import { typeChange } from '../field-facts.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'response-field/type-changed',
  level: 'ERR',
  direction: 'response',
  location: 'field',
  action: 'change',
  description: 'A response field has another declared type (another name, inline content against a named type, or another XSD base).',
  reason: 'An old client reads the value as the old type, or fails to.',
  mirror: 'request-field/type-changed',
  on: 'field-pair',
  detect: (ev) => typeChange(ev.oldField, ev.newField, ev.map, ev.oldTypes, ev.newTypes),
};
