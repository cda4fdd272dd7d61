import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'field-renamed'> = {
  id: 'response-field/renamed',
  level: 'ERR',
  direction: 'response',
  location: 'field',
  action: 'rename',
  description: 'A response field removed where a field of the same type is added, at the same position: renamed, it looks like.',
  reason: 'An old client looks for the old name and finds nothing.',
  mirror: 'request-field/renamed',
  on: 'field-renamed',
  detect: (ev) => `field ${ev.oldField.written} renamed to ${ev.newField.written}, it looks like (same type and position)`,
};
