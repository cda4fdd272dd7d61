import type { DiffCheck } from '../model.ts';
import { baseChange } from '../field-facts.ts';

export const check: DiffCheck<'complex-type-pair'> = {
  id: 'response-type/base-changed',
  level: 'ERR',
  direction: 'response',
  location: 'type',
  action: 'change',
  description: 'A complex type in the response derives from another base type (or now or no longer derives), or by another method (extension, restriction).',
  reason: 'The base type\'s fields come first on the wire and xsi:type values name types of the hierarchy: an old client reads fields in the wrong place, or refuses a type it does not know.',
  mirror: 'request-type/base-changed',
  on: 'complex-type-pair',
  detect: (ev) => baseChange(ev.oldType, ev.newType, ev.map),
};
