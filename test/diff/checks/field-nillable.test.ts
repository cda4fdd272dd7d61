import { diffTester } from '../support/diff-tester.ts';
import { f, op } from '../support/fixtures.ts';

const plain = f('t:Note', 'xsd:string');
const nil = f('t:Note', 'xsd:string', { nillable: true });

diffTester('request-field/nillable-removed', {
  valid: [{ old: op({ request: [nil] }), new: op({ request: [nil] }) }, { name: 'in the response', old: op({ response: [nil] }), new: op({ response: [plain] }) }],
  invalid: [{ old: op({ request: [nil] }), new: op({ request: [plain] }), changes: [{ path: 'request /SaveThing/Note', message: 'field t:Note is no longer nillable' }] }],
});
diffTester('request-field/nillable-added', {
  valid: [{ old: op({ request: [nil] }), new: op({ request: [plain] }) }],
  invalid: [{ old: op({ request: [plain] }), new: op({ request: [nil] }), changes: [{ message: 'field t:Note became nillable' }] }],
});
diffTester('response-field/nillable-added', {
  valid: [{ old: op({ response: [nil] }), new: op({ response: [nil] }) }, { name: 'in the request', old: op({ request: [plain] }), new: op({ request: [nil] }) }],
  invalid: [{ old: op({ response: [plain] }), new: op({ response: [nil] }), changes: [{ path: 'response /SaveThingResponse/Note', message: 'field t:Note became nillable' }] }],
});
diffTester('response-field/nillable-removed', {
  valid: [{ old: op({ response: [plain] }), new: op({ response: [nil] }) }],
  invalid: [{ old: op({ response: [nil] }), new: op({ response: [plain] }), changes: [{ message: 'field t:Note is no longer nillable' }] }],
});
