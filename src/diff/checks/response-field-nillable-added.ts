import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'response-field/nillable-added',
  level: 'ERR',
  direction: 'response',
  location: 'field',
  action: 'add',
  description: 'A response field may now come as xsi:nil.',
  reason: 'An old client that counts on a value gets nil.',
  mirror: 'response-field/nillable-removed',
  on: 'field-pair',
  detect: (ev) => (!ev.oldField.nillable && ev.newField.nillable ? `field ${ev.newField.written} became nillable` : undefined),
};
