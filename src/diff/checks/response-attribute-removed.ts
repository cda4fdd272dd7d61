import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'attribute-removed'> = {
  id: 'response-attribute/removed',
  level: 'ERR',
  direction: 'response',
  location: 'attribute',
  action: 'remove',
  description: 'An attribute of a response element the new contract no longer has.',
  reason: 'An old client that reads it finds nothing.',
  mirror: 'request-attribute/removed',
  on: 'attribute-removed',
  detect: (ev) => `attribute ${ev.attribute.written} removed`,
};
