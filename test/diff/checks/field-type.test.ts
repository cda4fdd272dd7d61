import { diffTester } from '../support/diff-tester.ts';
import { NS2, f, op } from '../support/fixtures.ts';

const code = (base: string, extra = {}) => ({ 't:Code': { base, ...extra } });

diffTester('request-field/type-changed', {
  valid: [
    { old: op({ request: [f('t:Id', 'xsd:int')] }), new: op({ request: [f('t:Id', 'xsd:int')] }) },
    { name: 'a named type moved with its namespace', old: op({ request: [f('t:C', 't:Code')], types: code('xsd:string') }), new: op({ ns: NS2, request: [f('t:C', 't:Code')], types: code('xsd:string') }) },
    { name: 'a simple type whose base one side does not know', old: op({ request: [f('t:C', 't:Code')], types: { 't:Code': { enum: ['A'], enumComplete: false } } }), new: op({ request: [f('t:C', 't:Code')], types: code('xsd:string', { enum: ['A', 'B'] }) }) },
    { name: 'changed in the response only', old: op({ response: [f('t:Id', 'xsd:int')] }), new: op({ response: [f('t:Id', 'xsd:long')] }) },
  ],
  invalid: [
    { old: op({ request: [f('t:Id', 'xsd:int')] }), new: op({ request: [f('t:Id', 'xsd:long')] }), changes: [{ path: 'request /SaveThing/Id', message: 'type int → long' }] },
    { name: 'named type against inline content', old: op({ request: [f('t:C', 't:Code')], types: code('xsd:string') }), new: op({ request: [f('t:C', undefined, { fields: [f('t:V', 'xsd:string')] })] }), changes: [{ message: 'type Code → inline content' }] },
    { name: 'same simple type name, another base', old: op({ request: [f('t:C', 't:Code')], types: code('xsd:string') }), new: op({ request: [f('t:C', 't:Code')], types: code('xsd:int') }), changes: [{ message: 'type Code: base string → int' }] },
    { name: 'one value became a list', old: op({ request: [f('t:C', 't:Code')], types: code('xsd:string', { enum: ['A', 'B'] }) }), new: op({ request: [f('t:C', 't:Code')], types: code('xsd:string', { enum: ['A', 'B'], list: true }) }), changes: [{ message: 'type Code: one value → a list of values' }] },
  ],
});

diffTester('response-field/type-changed', {
  valid: [{ old: op({ request: [f('t:Id', 'xsd:int')] }), new: op({ request: [f('t:Id', 'xsd:long')] }) }],
  invalid: [{ old: op({ response: [f('t:Id', 'xsd:short')] }), new: op({ response: [f('t:Id', 'xsd:boolean')] }), changes: [{ path: 'response /SaveThingResponse/Id', message: 'type short → boolean' }] }],
});
