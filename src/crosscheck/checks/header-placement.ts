import type { CrossCheck } from '../model.ts';

export const check: CrossCheck<'operation-pair'> = {
  id: 'header/placement',
  description: 'The pages put header blocks outside soap:Header (directly under the Envelope).',
  consequence: 'A client that copies the example sends an envelope SOAP does not allow; the server ignores or refuses the blocks.',
  on: 'operation-pair',
  detect(ev) {
    const q = ev.old.source?.quirks.filter((x) => x.code === 'header-blocks-outside-header') ?? [];
    if (q.length === 0) return undefined;
    const names = [...new Set(q.flatMap((x) => x.elements.map((e) => e.local)))];
    return { docs: `${names.join(', ')} under the Envelope (${[...new Set(q.map((x) => x.message))].join(' and ')})`, wsdl: 'header blocks inside soap:Header' };
  },
};
