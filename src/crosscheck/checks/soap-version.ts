import type { CrossCheck } from '../model.ts';

export const check: CrossCheck<'operation-pair'> = {
  id: 'soap/version',
  description: 'The pages show another SOAP version than the WSDL binds.',
  consequence: 'A client that copies the pages sends envelopes (and a media type) the server refuses: VersionMismatch or a closed connection.',
  on: 'operation-pair',
  detect: (ev) => (ev.old.soapVersion !== ev.new.soapVersion ? { docs: `SOAP ${ev.old.soapVersion}`, wsdl: `SOAP ${ev.new.soapVersion}` } : undefined),
};
