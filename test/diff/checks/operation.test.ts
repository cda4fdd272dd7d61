import { diffTester } from '../support/diff-tester.ts';
import { NS1, NS2, f, op } from '../support/fixtures.ts';

const save = op();
const get = op({ operation: 'GetThing' });

diffTester('operation/added', {
  valid: [
    { name: 'same operations', old: [save, get], new: [save, get] },
    { name: 'an operation removed is not an addition', old: [save, get], new: [save] },
  ],
  invalid: [
    { old: [save], new: [save, get], changes: [{ operation: 'Shop/GetThing', message: 'new operation GetThing (t:GetThing → t:GetThingResponse)' }] },
    { name: 'same name in another service is another operation', old: [save], new: [save, op({ service: 'Till' })], changes: [{ operation: 'Till/SaveThing' }].map((c) => ({ ...c, message: /new operation SaveThing/ })) },
  ],
});

diffTester('operation/removed', {
  valid: [
    { old: [save], new: [save, get] },
    { name: 'paired across a namespace move', old: [save], new: [op({ ns: NS2 })] },
  ],
  invalid: [{ old: [save, get], new: [save], changes: [{ operation: 'Shop/GetThing', message: 'operation GetThing removed' }] }],
});

diffTester('operation/soap-version-changed', {
  valid: [{ old: save, new: op() }, { name: 'both 1.2', old: op({ soap: '1.2' }), new: op({ soap: '1.2' }) }],
  invalid: [
    { old: op({ soap: '1.2' }), new: op({ soap: '1.1' }), changes: [{ operation: 'Shop/SaveThing', message: 'SOAP 1.2 → 1.1' }] },
    { name: 'the other way', old: op({ soap: '1.1' }), new: op({ soap: '1.2' }), changes: [{ message: 'SOAP 1.1 → 1.2' }] },
  ],
});

diffTester('operation/action-changed', {
  valid: [
    { old: save, new: op() },
    { name: 'the action moves with the namespace', old: save, new: op({ ns: NS2 }) },
    { name: 'moved by a given namespace map', old: save, new: op({ ns: NS2 }), namespaceMap: { [NS1]: NS2 } },
  ],
  invalid: [
    { old: save, new: op({ action: 'urn:save' }), changes: [{ message: `action ${NS1}/Shop/SaveThing → urn:save` }] },
    { name: 'another action under the moved namespace', old: save, new: op({ ns: NS2, action: `${NS2}/Shop/Store` }), changes: [{ message: /→ http:\/\/example.test\/v2\/Shop\/Store$/ }] },
  ],
});

diffTester('operation/endpoint-changed', {
  valid: [
    { old: save, new: op() },
    { name: 'a lone operation moving is its service moving (endpoint/moved)', old: save, new: op({ endpoint: 'Other.svc' }) },
    { name: 'the service moved as a whole (endpoint/moved)', old: [save, get], new: [op({ endpoint: 'v2/Shop.svc' }), op({ operation: 'GetThing', endpoint: 'v2/Shop.svc' })] },
  ],
  invalid: [
    { name: 'one of two operations moved', old: [save, get], new: [op({ endpoint: 'Other.svc' }), get], changes: [{ operation: 'Shop/SaveThing', message: 'endpoint Remote/V/Shop.svc → Other.svc' }] },
    {
      name: 'one operation off its service\'s move',
      old: [save, get, op({ operation: 'DropThing' })],
      new: [op({ endpoint: 'v2/Shop.svc' }), op({ operation: 'GetThing', endpoint: 'v2/Shop.svc' }), op({ operation: 'DropThing', endpoint: 'v2/Legacy.svc' })],
      changes: [{ operation: 'Shop/DropThing', message: 'endpoint Remote/V/Shop.svc → v2/Legacy.svc' }],
    },
  ],
});

const fault = (name: string) => ({ name, type: `t:${name.split(':')[1]}` });
const faultTypes = { 't:AccessDenied': { fields: [f('t:Message', 'xsd:string')] }, 't:NotFound': { fields: [f('t:Message', 'xsd:string')] } };

diffTester('operation/fault-added', {
  valid: [
    { old: op({ faults: [fault('t:AccessDenied')], types: faultTypes }), new: op({ faults: [fault('t:AccessDenied')], types: faultTypes }) },
    { name: 'the same fault after a namespace move', old: op({ faults: [fault('t:AccessDenied')], types: faultTypes }), new: op({ ns: NS2, faults: [fault('t:AccessDenied')], types: faultTypes }) },
  ],
  invalid: [{ old: op({ faults: [fault('t:AccessDenied')], types: faultTypes }), new: op({ faults: [fault('t:AccessDenied'), fault('t:NotFound')], types: faultTypes }), changes: [{ message: 'new declared fault(s) t:NotFound' }] }],
});

diffTester('operation/fault-removed', {
  valid: [{ old: op(), new: op({ faults: [fault('t:AccessDenied')], types: faultTypes }) }],
  invalid: [{ old: op({ faults: [fault('t:AccessDenied')], types: faultTypes }), new: op({ types: faultTypes }), changes: [{ message: 'declared fault(s) t:AccessDenied removed' }] }],
});

diffTester('operation/style-changed', {
  valid: [{ old: op(), new: op({ style: 'document', use: 'literal' }) }],
  invalid: [
    { old: op(), new: op({ style: 'rpc' }), changes: [{ message: 'binding document/literal → rpc/literal' }] },
    { old: op({ style: 'rpc', use: 'encoded' }), new: op({ style: 'rpc' }), changes: [{ message: 'binding rpc/encoded → rpc/literal' }] },
  ],
});
