import type { CrossCheck } from '../model.ts';
import { listText } from '../../diff/describe.ts';

export const check: CrossCheck<'fields-reordered'> = {
  id: 'field/order',
  description: 'The pages show fields in another order than the WSDL\'s sequence.',
  consequence: 'A sequence fixes the order: order-sensitive readers (WCF DataContract) drop fields out of order.',
  place: 'field',
  on: 'fields-reordered',
  detect: (ev) => ({ docs: listText(ev.oldOrder), wsdl: listText(ev.newOrder) }),
};
