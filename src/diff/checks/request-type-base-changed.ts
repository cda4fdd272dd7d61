import type { DiffCheck } from '../model.ts';
import { baseChange } from '../field-facts.ts';

export const check: DiffCheck<'complex-type-pair'> = {
  id: 'request-type/base-changed',
  level: 'ERR',
  direction: 'request',
  location: 'type',
  action: 'change',
  description: 'A complex type in the request derives from another base type (or now or no longer derives), or by another method (extension, restriction).',
  reason: 'The base type\'s fields come first on the wire and xsi:type values name types of the hierarchy: what an old client sends no longer lines up with what the server reads.',
  mirror: 'response-type/base-changed',
  on: 'complex-type-pair',
  detect: (ev) => baseChange(ev.oldType, ev.newType, ev.map),
};
