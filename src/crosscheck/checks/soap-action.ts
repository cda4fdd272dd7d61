import type { CrossCheck } from '../model.ts';
import { mapAction } from '../../contract/namespace-map.ts';

export const check: CrossCheck<'operation-pair'> = {
  id: 'soap/action',
  description: 'The SOAP action the pages give (or that their convention derives) is not the one the WSDL binds.',
  consequence: 'A server that dispatches on the action refuses the request (WCF: ActionNotSupported).',
  on: 'operation-pair',
  detect: (ev) => (mapAction(ev.map, ev.old.action) !== ev.new.action ? { docs: ev.old.action, wsdl: ev.new.action } : undefined),
};
