import type { CrossCheck } from '../model.ts';
import { occurs, typeText } from '../../diff/describe.ts';

export const check: CrossCheck<'field-added'> = {
  id: 'field/wsdl-only',
  description: 'A field the WSDL declares that the pages do not show (often the base type\'s fields, which come first on the wire).',
  consequence: 'A reader that follows the pages meets an element it did not expect: a strict check of a real response fails.',
  place: 'field',
  on: 'field-added',
  detect: (ev) => ({ docs: 'not shown', wsdl: `${ev.field.written} (${typeText(ev.field)} ${occurs(ev.field)})` }),
};
