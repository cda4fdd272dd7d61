import type { CrossCheck } from '../model.ts';

export const check: CrossCheck<'operation-removed'> = {
  id: 'operation/docs-only',
  description: 'An operation the pages document that the WSDL does not bind.',
  consequence: 'A client built from the WSDL cannot call it; the server may not serve it.',
  on: 'operation-removed',
  detect: () => ({ docs: 'documented', wsdl: 'not bound' }),
};
