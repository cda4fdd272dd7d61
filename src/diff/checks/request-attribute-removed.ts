import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'attribute-removed'> = {
  id: 'request-attribute/removed',
  level: 'WARN',
  direction: 'request',
  location: 'attribute',
  action: 'remove',
  description: 'An attribute of a request element the new contract no longer has.',
  reason: 'An old client still sends it: a tolerant server ignores it, a validating one refuses the request.',
  mirror: 'response-attribute/removed',
  on: 'attribute-removed',
  detect: (ev) => `attribute ${ev.attribute.written} removed`,
};
