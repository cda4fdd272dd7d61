import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'operation-removed'> = {
  id: 'operation/removed',
  level: 'ERR',
  direction: 'none',
  location: 'operation',
  action: 'remove',
  description: 'An operation the new contracts no longer have.',
  reason: 'An old client that calls it gets a fault.',
  mirror: 'operation/added',
  on: 'operation-removed',
  detect: (ev) => `operation ${ev.op.operation} removed`,
};
