import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'endpoint-moved'> = {
  id: 'endpoint/moved',
  level: 'INFO',
  direction: 'none',
  location: 'endpoint',
  action: 'move',
  description: "Most of a service's operations moved to a new endpoint path (reported once per service).",
  reason: 'A new version at a new address leaves the old address to the old version: a client moves when it chooses to.',
  mirror: { none: 'a move back is again a move' },
  on: 'endpoint-moved',
  detect: (ev) => `service ${ev.service}: ${ev.from} → ${ev.to} (${ev.operations} operation(s))`,
};
