import type { DiffCheck } from '../model.ts';
import { typeChange } from '../field-facts.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'request-field/type-changed',
  level: 'ERR',
  direction: 'request',
  location: 'field',
  action: 'change',
  description: 'A request field has another declared type (another name, inline content against a named type, or another XSD base).',
  reason: 'What an old client sends is read as another type, or refused.',
  mirror: 'response-field/type-changed',
  on: 'field-pair',
  detect: (ev) => typeChange(ev.oldField, ev.newField, ev.map, ev.oldTypes, ev.newTypes),
};
