import type { CrossCheck } from '../model.ts';
import { occurs } from '../../diff/describe.ts';

export const check: CrossCheck<'field-added'> = {
  id: 'header/wsdl-only',
  description: 'A header block the WSDL binds that the pages do not show.',
  consequence: 'In a request, a client that copies the pages leaves it out; in a response, what it says (failure, time zone…) goes unread.',
  place: 'header',
  on: 'field-added',
  detect: (ev) => ({ docs: 'not shown', wsdl: `${ev.direction} header ${ev.field.written} ${occurs(ev.field)}` }),
};
