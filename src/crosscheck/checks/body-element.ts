import type { CrossCheck } from '../model.ts';

export const check: CrossCheck<'body-pair'> = {
  id: 'body/element',
  description: 'The body element the pages show is not the one the WSDL binds.',
  consequence: 'The server does not recognise the request, or the client the response.',
  on: 'body-pair',
  detect: (ev) => ({ docs: ev.oldBody.written, wsdl: ev.newBody.written }),
};
