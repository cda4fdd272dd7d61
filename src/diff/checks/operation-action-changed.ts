import type { DiffCheck } from '../model.ts';
import { mapAction } from '../../contract/namespace-map.ts';

export const check: DiffCheck<'operation-pair'> = {
  id: 'operation/action-changed',
  level: 'ERR',
  direction: 'none',
  location: 'operation',
  action: 'change',
  description: 'The SOAP action changed (beyond the namespace move, which is reported once).',
  reason: 'Servers dispatch on the action: an old client sending the old one gets a fault (WCF: ActionNotSupported).',
  mirror: { none: 'a change between two values: the reverse change is the same check' },
  on: 'operation-pair',
  detect: (ev) => (mapAction(ev.map, ev.old.action) !== ev.new.action ? `action ${ev.old.action} → ${ev.new.action}` : undefined),
};
