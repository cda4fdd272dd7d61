import type { DiffCheck } from '../model.ts';
import { fieldText } from '../describe.ts';

export const check: DiffCheck<'field-removed'> = {
  id: 'request-field/removed',
  level: 'WARN',
  direction: 'request',
  location: 'field',
  action: 'remove',
  description: 'A request field the new contract no longer has.',
  reason: 'An old client still sends it: a tolerant server ignores it, a strict one refuses the request, and its meaning is lost either way.',
  mirror: 'response-field/removed',
  on: 'field-removed',
  detect: (ev) => `field ${fieldText(ev.field)} removed`,
};
