import type { DiffCheck } from '../model.ts';
import { listText } from '../describe.ts';
import { faultsMissing } from '../field-facts.ts';

export const check: DiffCheck<'operation-pair'> = {
  id: 'operation/fault-removed',
  level: 'INFO',
  direction: 'none',
  location: 'operation',
  action: 'remove',
  description: 'Faults (wsdl:fault) the operation no longer declares.',
  reason: 'An old client keeps code for a fault that no longer comes.',
  mirror: 'operation/fault-added',
  on: 'operation-pair',
  detect(ev) {
    const removed = faultsMissing(ev.old.faults, ev.new.faults, ev.map, 'old');
    return removed.length ? `declared fault(s) ${listText(removed)} removed` : undefined;
  },
};
