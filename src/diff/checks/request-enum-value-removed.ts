import type { DiffCheck } from '../model.ts';
import { enumValuesMissing } from '../field-facts.ts';
import { listText } from '../describe.ts';

export const check: DiffCheck<'enum-pair'> = {
  id: 'request-enum/value-removed',
  level: 'ERR',
  direction: 'request',
  location: 'enum',
  action: 'remove',
  description: 'Values a request enumeration no longer allows (both lists complete).',
  reason: 'An old client may send a value the server now refuses.',
  mirror: 'request-enum/value-added',
  on: 'enum-pair',
  detect: (ev) => { const gone = enumValuesMissing(ev.oldType, ev.newType); return gone.length ? `type ${ev.newType.written}: value(s) ${listText(gone)} removed` : undefined; },
};
