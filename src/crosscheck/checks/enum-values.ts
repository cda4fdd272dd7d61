import type { CrossCheck } from '../model.ts';
import { listText } from '../../diff/describe.ts';

export const check: CrossCheck<'enum-pair'> = {
  id: 'enum/values',
  description: 'Values the pages show for an enumeration that the WSDL\'s (complete) list does not allow.',
  consequence: 'A client that sends a documented value is refused.',
  on: 'enum-pair',
  detect(ev) {
    if (!ev.newType.enum || !ev.newType.enumComplete || !ev.oldType.enum) return undefined;
    const allowed = new Set(ev.newType.enum);
    const extra = ev.oldType.enum.filter((v) => !allowed.has(v));
    return extra.length ? { docs: listText(extra), wsdl: `not in ${ev.newType.written} (${listText(ev.newType.enum)})` } : undefined;
  },
};
