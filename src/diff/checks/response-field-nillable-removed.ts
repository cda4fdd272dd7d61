import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'field-pair'> = {
  id: 'response-field/nillable-removed',
  level: 'INFO',
  direction: 'response',
  location: 'field',
  action: 'remove',
  description: 'A response field no longer comes as xsi:nil.',
  reason: 'An old client that copes with nil copes with a value.',
  mirror: 'response-field/nillable-added',
  on: 'field-pair',
  detect: (ev) => (ev.oldField.nillable && !ev.newField.nillable ? `field ${ev.newField.written} is no longer nillable` : undefined),
};
