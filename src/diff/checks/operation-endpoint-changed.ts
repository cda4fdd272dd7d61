import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'operation-pair'> = {
  id: 'operation/endpoint-changed',
  level: 'ERR',
  direction: 'none',
  location: 'operation',
  action: 'change',
  description: "The operation's endpoint path changed other than its service's move (endpoint/moved).",
  reason: 'An old client posts to the old path.',
  mirror: { none: 'a change between two values: the reverse change is the same check' },
  on: 'operation-pair',
  detect(ev) {
    if (ev.old.endpoint === ev.new.endpoint) return undefined;
    if (ev.endpointMove && ev.endpointMove.from === ev.old.endpoint && ev.endpointMove.to === ev.new.endpoint) return undefined;
    return `endpoint ${ev.old.endpoint} → ${ev.new.endpoint}`;
  },
};
