import { diffTester } from '../support/diff-tester.ts';
import { f, op } from '../support/fixtures.ts';

const token = f('t:Token', 'xsd:string');
const trace = f('t:Trace', 'xsd:string', { minOccurs: 0 });
const bare = op();

diffTester('request-header/added-required', {
  valid: [
    { old: bare, new: op({ requestHeaders: [trace] }) },
    { name: 'a response header', old: bare, new: op({ responseHeaders: [token] }) },
    { name: 'a body field is not a header block', old: bare, new: op({ request: [token] }) },
  ],
  invalid: [{ old: bare, new: op({ requestHeaders: [token] }), changes: [{ path: 'request /Header/Token', message: 'new required header block t:Token (string [1..1])' }] }],
});

diffTester('request-header/added-optional', {
  valid: [{ old: bare, new: op({ requestHeaders: [token] }) }],
  invalid: [{ old: bare, new: op({ requestHeaders: [trace] }), changes: [{ message: 'new optional header block t:Trace (string [0..1])' }] }],
});

diffTester('request-header/removed', {
  valid: [{ old: op({ requestHeaders: [token] }), new: op({ requestHeaders: [token] }) }, { name: 'response header removed', old: op({ responseHeaders: [token] }), new: bare }],
  invalid: [{ old: op({ requestHeaders: [token, trace] }), new: op({ requestHeaders: [token] }), changes: [{ path: 'request /Header/Trace', message: 'header block t:Trace (string [0..1]) removed' }] }],
});

diffTester('response-header/added', {
  valid: [{ old: bare, new: op({ requestHeaders: [token] }) }],
  invalid: [{ old: bare, new: op({ responseHeaders: [f('t:Succeeded', 'xsd:boolean')] }), changes: [{ path: 'response /Header/Succeeded', message: 'new header block t:Succeeded (boolean [1..1])' }] }],
});

diffTester('response-header/removed', {
  valid: [{ old: bare, new: op({ responseHeaders: [token] }) }],
  invalid: [{ old: op({ responseHeaders: [token] }), new: bare, changes: [{ message: 'header block t:Token (string [1..1]) removed' }] }],
});
