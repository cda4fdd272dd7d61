import type { CrossCheck } from '../model.ts';

export const check: CrossCheck<'field-renamed'> = {
  id: 'field/name',
  description: 'At the same position and of the same type, the pages and the WSDL name a field differently.',
  consequence: 'The element a client sends or reads by the pages\' name is not the one on the wire.',
  place: 'field',
  on: 'field-renamed',
  detect: (ev) => ({ docs: ev.oldField.written, wsdl: ev.newField.written }),
};
