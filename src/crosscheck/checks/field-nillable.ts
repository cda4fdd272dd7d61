import type { CrossCheck } from '../model.ts';

export const check: CrossCheck<'field-pair'> = {
  id: 'field/nillable',
  description: 'The pages and the WSDL disagree on whether a field may be xsi:nil.',
  consequence: 'WCF and node-soap write null members as xsi:nil: a reader that follows the pages refuses them.',
  place: 'field',
  on: 'field-pair',
  detect: (ev) => (ev.oldField.nillable !== ev.newField.nillable ? { docs: ev.oldField.nillable ? 'nillable' : 'not nillable', wsdl: ev.newField.nillable ? 'nillable' : 'not nillable' } : undefined),
};
