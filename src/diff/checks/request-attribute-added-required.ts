import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'attribute-added'> = {
  id: 'request-attribute/added-required',
  level: 'ERR',
  direction: 'request',
  location: 'attribute',
  action: 'add',
  description: 'A new required attribute on a request element.',
  reason: 'An old client does not send it.',
  mirror: 'request-attribute/removed',
  on: 'attribute-added',
  detect: (ev) => (ev.attribute.use === 'required' ? `new required attribute ${ev.attribute.written}` : undefined),
};
