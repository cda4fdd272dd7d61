import { diffTester } from '../support/diff-tester.ts';
import { NS2, op } from '../support/fixtures.ts';

diffTester('request-body/element-changed', {
  valid: [
    { old: op(), new: op() },
    { name: 'namespace move only', old: op(), new: op({ ns: NS2 }) },
    { name: 'the response body changed, not the request', old: op(), new: op({ responseBody: 't:Saved' }) },
  ],
  invalid: [{ old: op(), new: op({ requestBody: 't:StoreThing' }), changes: [{ path: 'request /StoreThing', message: 'body element t:SaveThing → t:StoreThing' }] }],
});

diffTester('response-body/element-changed', {
  valid: [{ old: op(), new: op() }, { name: 'request body changed only', old: op(), new: op({ requestBody: 't:StoreThing' }) }],
  invalid: [{ old: op(), new: op({ responseBody: 't:Saved' }), changes: [{ path: 'response /Saved', message: 'body element t:SaveThingResponse → t:Saved' }] }],
});
