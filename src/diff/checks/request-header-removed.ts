import type { DiffCheck } from '../model.ts';
import { fieldText } from '../describe.ts';

export const check: DiffCheck<'field-removed'> = {
  id: 'request-header/removed',
  level: 'WARN',
  direction: 'request',
  location: 'header',
  action: 'remove',
  description: 'A request header block the new contract no longer has.',
  reason: 'An old client still sends it: harmless unless it carries mustUnderstand, or the server refuses headers it does not know.',
  mirror: 'response-header/removed',
  on: 'field-removed',
  detect: (ev) => `header block ${fieldText(ev.field)} removed`,
};
