import type { DiffCheck } from '../model.ts';
import { enumValuesMissing } from '../field-facts.ts';
import { listText } from '../describe.ts';

export const check: DiffCheck<'enum-pair'> = {
  id: 'response-enum/value-removed',
  level: 'INFO',
  direction: 'response',
  location: 'enum',
  action: 'remove',
  description: 'Values a response enumeration no longer holds (both lists complete).',
  reason: 'An old client never meets them again; its code for them goes unused.',
  mirror: 'response-enum/value-added',
  on: 'enum-pair',
  detect: (ev) => { const gone = enumValuesMissing(ev.oldType, ev.newType); return gone.length ? `type ${ev.newType.written}: value(s) ${listText(gone)} removed` : undefined; },
};
