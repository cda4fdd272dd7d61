import type { CrossCheck } from '../model.ts';

export const check: CrossCheck<'field-removed'> = {
  id: 'field/docs-only',
  description: 'A field the pages show that the WSDL does not declare there.',
  consequence: 'A client sends an element the server does not know, or waits for one that never comes.',
  place: 'field',
  on: 'field-removed',
  detect: (ev) => ({ docs: `shows ${ev.field.written}`, wsdl: 'no such field' }),
};
