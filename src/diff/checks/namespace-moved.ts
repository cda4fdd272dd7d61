import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'namespace-moved'> = {
  id: 'namespace/moved',
  level: 'WARN',
  direction: 'none',
  location: 'namespace',
  action: 'move',
  description: 'Every name in one namespace moved to another namespace (reported once; the rest of the diff compares through the move).',
  reason: 'An old client sends and expects the old namespace: it needs regenerating, or its traffic rewriting (`run --namespace-map`). Versioned APIs usually keep the old endpoint, so it is a warning, not an error.',
  mirror: { none: 'a move back is again a move' },
  on: 'namespace-moved',
  detect: (ev) => `${ev.from} → ${ev.to} (${ev.detected ? 'detected' : 'given'}; ${ev.operations} paired operation(s) use it)`,
};
