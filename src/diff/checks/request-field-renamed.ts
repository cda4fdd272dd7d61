import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'field-renamed'> = {
  id: 'request-field/renamed',
  level: 'ERR',
  direction: 'request',
  location: 'field',
  action: 'rename',
  description: 'A request field removed where a field of the same type is added, at the same position: renamed, it looks like.',
  reason: 'The server no longer knows the name an old client sends.',
  mirror: 'response-field/renamed',
  on: 'field-renamed',
  detect: (ev) => `field ${ev.oldField.written} renamed to ${ev.newField.written}, it looks like (same type and position)`,
};
