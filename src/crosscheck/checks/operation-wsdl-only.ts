import type { CrossCheck } from '../model.ts';

export const check: CrossCheck<'operation-added'> = {
  id: 'operation/wsdl-only',
  description: 'An operation the WSDL binds that the pages do not document.',
  consequence: 'Nothing to learn its meaning from but its name.',
  on: 'operation-added',
  detect: () => ({ docs: 'no page', wsdl: 'bound' }),
};
