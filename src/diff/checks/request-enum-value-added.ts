import type { DiffCheck } from '../model.ts';
import { enumValuesMissing } from '../field-facts.ts';
import { listText } from '../describe.ts';

export const check: DiffCheck<'enum-pair'> = {
  id: 'request-enum/value-added',
  level: 'INFO',
  direction: 'request',
  location: 'enum',
  action: 'add',
  description: 'New values a request enumeration allows (both lists complete).',
  reason: 'An old client never sends them.',
  mirror: 'request-enum/value-removed',
  on: 'enum-pair',
  detect: (ev) => { const added = enumValuesMissing(ev.newType, ev.oldType); return added.length ? `type ${ev.newType.written}: new value(s) ${listText(added)}` : undefined; },
};
