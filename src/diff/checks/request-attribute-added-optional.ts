import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'attribute-added'> = {
  id: 'request-attribute/added-optional',
  level: 'INFO',
  direction: 'request',
  location: 'attribute',
  action: 'add',
  description: 'A new optional attribute on a request element.',
  reason: 'An old client does not send it, and need not.',
  mirror: 'response-attribute/added',
  on: 'attribute-added',
  detect: (ev) => (ev.attribute.use === 'optional' ? `new optional attribute ${ev.attribute.written}` : undefined),
};
