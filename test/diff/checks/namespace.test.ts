import { diffTester } from '../support/diff-tester.ts';
import { NS1, NS2, f, op } from '../support/fixtures.ts';

const v1 = [op({ request: [f('t:Id', 'xsd:int')] }), op({ operation: 'GetThing' })];
const v2 = [op({ ns: NS2, request: [f('t:Id', 'xsd:int')] }), op({ operation: 'GetThing', ns: NS2 })];

diffTester('namespace/moved', {
  valid: [
    { name: 'same namespace', old: v1, new: v1 },
    { name: 'a map that moves nothing the contracts use is not reported', old: v1, new: v1, namespaceMap: {} },
  ],
  invalid: [
    { name: 'detected, reported once for every operation', old: v1, new: v2, changes: [{ message: `${NS1} → ${NS2} (detected; 2 paired operation(s) use it)` }] },
    { name: 'given', old: v1, new: v2, namespaceMap: { [NS1]: NS2 }, changes: [{ message: `${NS1} → ${NS2} (given; 2 paired operation(s) use it)` }] },
    { name: 'level overridden from the config', old: v1, new: v2, levels: { 'namespace/moved': 'INFO' }, changes: [{ level: 'INFO', message: /detected/ }] },
  ],
});

diffTester('endpoint/moved', {
  valid: [
    { old: v1, new: v1 },
    { name: 'one of three operations moving is not the service moving', old: [...v1, op({ operation: 'DropThing' })], new: [op({ endpoint: 'x.svc' }), op({ operation: 'GetThing' }), op({ operation: 'DropThing' })] },
  ],
  invalid: [
    {
      old: v1,
      new: [op({ ns: NS2, endpoint: 'Remote/V2/Shop.svc' }), op({ operation: 'GetThing', ns: NS2, endpoint: 'Remote/V2/Shop.svc' })],
      changes: [{ message: 'service Shop: Remote/V/Shop.svc → Remote/V2/Shop.svc (2 operation(s))' }],
    },
  ],
});
