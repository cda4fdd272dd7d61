import type { CrossCheck } from '../model.ts';

export const check: CrossCheck<'field-removed'> = {
  id: 'header/docs-only',
  description: 'A header block the pages show that the WSDL does not bind.',
  consequence: 'A client sends (or expects) a block the server does not know.',
  place: 'header',
  on: 'field-removed',
  detect: (ev) => ({ docs: `${ev.direction} header ${ev.field.written}`, wsdl: 'no such header block' }),
};
