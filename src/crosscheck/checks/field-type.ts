import type { CrossCheck } from '../model.ts';
import { typeText } from '../../diff/describe.ts';
import { typeChange } from '../../diff/field-facts.ts';

export const check: CrossCheck<'field-pair'> = {
  id: 'field/type',
  description: 'The type the pages give a field (or that their example suggests) is not the WSDL\'s.',
  consequence: 'Values a client builds from the pages may not be valid on the wire, and the other way round.',
  place: 'field',
  on: 'field-pair',
  detect(ev) {
    const why = typeChange(ev.oldField, ev.newField, ev.map, ev.oldTypes, ev.newTypes);
    if (!why) return undefined;
    const docs = typeText(ev.oldField);
    const wsdl = typeText(ev.newField);
    return { docs, wsdl: docs === wsdl ? why : wsdl };
  },
};
