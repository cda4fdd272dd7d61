import type { CrossCheck } from '../model.ts';

export const check: CrossCheck<'namespace-moved'> = {
  id: 'namespace/uri',
  description: 'The pages put the operations\' names in another namespace than the WSDL (the rest is compared through the difference).',
  consequence: 'Every element a client builds from the pages is in the wrong namespace.',
  on: 'namespace-moved',
  detect: (ev) => ({ docs: ev.from, wsdl: ev.to }),
};
