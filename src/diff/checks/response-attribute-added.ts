import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'attribute-added'> = {
  id: 'response-attribute/added',
  level: 'INFO',
  direction: 'response',
  location: 'attribute',
  action: 'add',
  description: 'A new attribute on a response element.',
  reason: 'An old client ignores attributes it does not know.',
  mirror: 'response-attribute/removed',
  on: 'attribute-added',
  detect: (ev) => `new ${ev.attribute.use} attribute ${ev.attribute.written}`,
};
