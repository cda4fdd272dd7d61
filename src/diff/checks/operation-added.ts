import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'operation-added'> = {
  id: 'operation/added',
  level: 'INFO',
  direction: 'none',
  location: 'operation',
  action: 'add',
  description: 'An operation the old contracts do not have.',
  reason: 'An old client never calls it.',
  mirror: 'operation/removed',
  on: 'operation-added',
  detect: (ev) => `new operation ${ev.op.operation} (${ev.op.contract.request.body.written} → ${ev.op.contract.response.body.written})`,
};
