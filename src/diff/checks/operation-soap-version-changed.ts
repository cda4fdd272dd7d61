import type { DiffCheck } from '../model.ts';

export const check: DiffCheck<'operation-pair'> = {
  id: 'operation/soap-version-changed',
  level: 'ERR',
  direction: 'none',
  location: 'operation',
  action: 'change',
  description: 'The SOAP version (envelope namespace, media type, how the action is sent) changed.',
  reason: 'A SOAP 1.1 server refuses SOAP 1.2 envelopes and the other way round (VersionMismatch, or a closed connection).',
  mirror: { none: 'a change between two values: the reverse change is the same check' },
  on: 'operation-pair',
  detect: (ev) => (ev.old.soapVersion !== ev.new.soapVersion ? `SOAP ${ev.old.soapVersion} → ${ev.new.soapVersion}` : undefined),
};
