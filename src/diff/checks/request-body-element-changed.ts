import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'body-pair'> = {
  id: 'request-body/element-changed',
  level: 'ERR',
  direction: 'request',
  location: 'body',
  action: 'change',
  description: 'The request body element has another name (beyond the namespace move).',
  reason: 'The server no longer recognises the element an old client sends.',
  mirror: 'response-body/element-changed',
  on: 'body-pair',
  detect: (ev) => `body element ${ev.oldBody.written} → ${ev.newBody.written}`,
};
