import type { CrossCheck } from '../model.ts';
import { occurs } from '../../diff/describe.ts';

export const check: CrossCheck<'field-pair'> = {
  id: 'field/cardinality',
  description: 'The pages and the WSDL allow a field a different number of times (required against optional, one against many).',
  consequence: 'A server that leaves an optional field out fails a client (or a check) that follows the pages; a client that leaves it out is refused by one that does.',
  place: 'field',
  on: 'field-pair',
  detect: (ev) => (occurs(ev.oldField) !== occurs(ev.newField) ? { docs: occurs(ev.oldField), wsdl: occurs(ev.newField) } : undefined),
};
