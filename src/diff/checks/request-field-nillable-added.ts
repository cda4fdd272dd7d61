import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'request-field/nillable-added',
  level: 'INFO',
  direction: 'request',
  location: 'field',
  action: 'add',
  description: 'A request field may now be sent as xsi:nil.',
  reason: 'An old client never sends nil, which is still allowed.',
  mirror: 'request-field/nillable-removed',
  on: 'field-pair',
  detect: (ev) => (!ev.oldField.nillable && ev.newField.nillable ? `field ${ev.newField.written} became nillable` : undefined),
};
