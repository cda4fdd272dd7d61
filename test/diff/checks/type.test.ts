import { diffTester } from '../support/diff-tester.ts';
import { NS2, f, op } from '../support/fixtures.ts';

const base = { 't:Carrier': { fields: [f('t:TableRight', 'xsd:string', { minOccurs: 0 })] }, 't:Other': { fields: [f('t:X', 'xsd:int')] } };
const thing = (more: object) => ({ ...base, 't:Thing': { fields: [f('t:Id', 'xsd:int')], ...more } });
const uses = (dir: 'request' | 'response', more: object, ns?: string) => op({ ns, [dir]: [f('t:T', 't:Thing')], types: thing(more) });

diffTester('request-type/base-changed', {
  valid: [
    { old: uses('request', { extends: 't:Carrier' }), new: uses('request', { extends: 't:Carrier' }) },
    { name: 'the base moved with its namespace', old: uses('request', { extends: 't:Carrier' }), new: uses('request', { extends: 't:Carrier' }, NS2) },
    { name: 'in the response', old: uses('response', {}), new: uses('response', { extends: 't:Carrier' }) },
  ],
  invalid: [
    { old: uses('request', {}), new: uses('request', { extends: 't:Carrier' }), changes: [{ type: 't:Thing', path: 'request Thing', message: 'type t:Thing: no base type → extension of Carrier' }] },
    { old: uses('request', { extends: 't:Carrier' }), new: uses('request', { extends: 't:Other' }), changes: [{ message: 'type t:Thing: extension of Carrier → extension of Other' }] },
    { name: 'same base, another method', old: uses('request', { extends: 't:Carrier' }), new: uses('request', { restricts: 't:Carrier' }), changes: [{ message: 'type t:Thing: extension of Carrier → restriction of Carrier' }] },
  ],
});

diffTester('response-type/base-changed', {
  valid: [{ old: uses('request', {}), new: uses('request', { extends: 't:Carrier' }) }],
  invalid: [{ old: uses('response', { extends: 't:Carrier' }), new: uses('response', {}), changes: [{ type: 't:Thing', path: 'response Thing', message: 'type t:Thing: extension of Carrier → no base type' }] }],
});
