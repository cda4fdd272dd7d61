import type { DiffCheck } from '../model.ts';
import { enumValuesMissing } from '../field-facts.ts';
import { listText } from '../describe.ts';

export const check: DiffCheck<'enum-pair'> = {
  id: 'response-enum/value-added',
  level: 'WARN',
  direction: 'response',
  location: 'enum',
  action: 'add',
  description: 'New values a response enumeration may hold (both lists complete).',
  reason: 'An old client may meet a value it has no case for: generated enums fail to deserialise it, hand-written code falls through.',
  mirror: 'response-enum/value-removed',
  on: 'enum-pair',
  detect: (ev) => { const added = enumValuesMissing(ev.newType, ev.oldType); return added.length ? `type ${ev.newType.written}: new value(s) ${listText(added)}` : undefined; },
};
