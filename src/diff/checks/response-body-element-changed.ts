import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'body-pair'> = {
  id: 'response-body/element-changed',
  level: 'ERR',
  direction: 'response',
  location: 'body',
  action: 'change',
  description: 'The response body element has another name (beyond the namespace move).',
  reason: 'An old client looks for the old element and finds none.',
  mirror: 'request-body/element-changed',
  on: 'body-pair',
  detect: (ev) => `body element ${ev.oldBody.written} → ${ev.newBody.written}`,
};
