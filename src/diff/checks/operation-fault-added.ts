import type { DiffCheck } from '../model.ts';
import { listText } from '../describe.ts';
import { faultsMissing } from '../field-facts.ts';

export const check: DiffCheck<'operation-pair'> = {
  id: 'operation/fault-added',
  level: 'WARN',
  direction: 'none',
  location: 'operation',
  action: 'add',
  description: 'The operation declares faults (wsdl:fault) the old contract did not.',
  reason: 'An old client still sees a SOAP fault, but has no type for its detail: generated clients report it as an unknown fault.',
  mirror: 'operation/fault-removed',
  on: 'operation-pair',
  detect(ev) {
    const added = faultsMissing(ev.new.faults, ev.old.faults, ev.map, 'new');
    return added.length ? `new declared fault(s) ${listText(added)}` : undefined;
  },
};
