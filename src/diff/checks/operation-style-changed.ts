import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'operation-pair'> = {
  id: 'operation/style-changed',
  level: 'ERR',
  direction: 'none',
  location: 'operation',
  action: 'change',
  description: 'The binding style or use changed (document/rpc, literal/encoded).',
  reason: 'The body is laid out differently on the wire (wrapper elements, xsi:type on every part): an old client\'s messages no longer match.',
  mirror: { none: 'a change between two values: the reverse change is the same check' },
  on: 'operation-pair',
  detect(ev) {
    const o = `${ev.old.style}/${ev.old.use}`;
    const n = `${ev.new.style}/${ev.new.use}`;
    return o !== n ? `binding ${o} → ${n}` : undefined;
  },
};
