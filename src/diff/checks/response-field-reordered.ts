import type { DiffCheck } from '../model.ts';
import { listText } from '../describe.ts';

export const check: DiffCheck<'fields-reordered'> = {
  id: 'response-field/reordered',
  level: 'ERR',
  direction: 'response',
  location: 'field',
  action: 'reorder',
  description: 'Fields of a response element (an xs:sequence) come in another order.',
  reason: 'A sequence fixes the order: an old client reading in the old order refuses the message or (WCF DataContract) silently drops fields out of order.',
  mirror: 'request-field/reordered',
  on: 'fields-reordered',
  detect: (ev) => `fields reordered: ${listText(ev.oldOrder)} → ${listText(ev.newOrder)}`,
};
