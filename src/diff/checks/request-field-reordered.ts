import type { DiffCheck } from '../model.ts';
import { listText } from '../describe.ts';

export const check: DiffCheck<'fields-reordered'> = {
  id: 'request-field/reordered',
  level: 'ERR',
  direction: 'request',
  location: 'field',
  action: 'reorder',
  description: 'Fields of a request element (an xs:sequence) come in another order.',
  reason: 'A sequence fixes the order: a strict server refuses the old order, and order-sensitive readers (WCF DataContract) silently drop fields out of order.',
  mirror: 'response-field/reordered',
  on: 'fields-reordered',
  detect: (ev) => `fields reordered: ${listText(ev.oldOrder)} → ${listText(ev.newOrder)}`,
};
