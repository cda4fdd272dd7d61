import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'request-field/nillable-removed',
  level: 'ERR',
  direction: 'request',
  location: 'field',
  action: 'remove',
  description: 'A request field that could be sent as xsi:nil no longer can.',
  reason: 'An old client may send it nil.',
  mirror: 'request-field/nillable-added',
  on: 'field-pair',
  detect: (ev) => (ev.oldField.nillable && !ev.newField.nillable ? `field ${ev.newField.written} is no longer nillable` : undefined),
};
