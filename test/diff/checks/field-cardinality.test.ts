import { diffTester } from '../support/diff-tester.ts';
import { f, op } from '../support/fixtures.ts';

const one = f('t:Tag', 'xsd:string');
const opt = f('t:Tag', 'xsd:string', { minOccurs: 0 });
const many = f('t:Tag', 'xsd:string', { minOccurs: 0, maxOccurs: 'unbounded' });
const two = f('t:Tag', 'xsd:string', { minOccurs: 0, maxOccurs: 2 });
const req = (x: ReturnType<typeof f>) => op({ request: [x] });
const res = (x: ReturnType<typeof f>) => op({ response: [x] });

diffTester('request-field/became-required', {
  valid: [{ old: req(one), new: req(one) }, { old: req(one), new: req(opt) }, { name: 'in the response', old: res(opt), new: res(one) }],
  invalid: [{ old: req(opt), new: req(one), changes: [{ path: 'request /SaveThing/Tag', message: 'field t:Tag became required (minOccurs 0 → 1)' }] }],
});
diffTester('request-field/became-optional', {
  valid: [{ old: req(opt), new: req(one) }],
  invalid: [{ old: req(one), new: req(opt), changes: [{ message: 'field t:Tag became optional (minOccurs 1 → 0)' }] }],
});
diffTester('response-field/became-optional', {
  valid: [{ old: res(opt), new: res(one) }, { name: 'in the request', old: req(one), new: req(opt) }],
  invalid: [{ old: res(one), new: res(opt), changes: [{ path: 'response /SaveThingResponse/Tag', message: 'field t:Tag became optional (minOccurs 1 → 0)' }] }],
});
diffTester('response-field/became-required', {
  valid: [{ old: res(one), new: res(opt) }],
  invalid: [{ old: res(opt), new: res(one), changes: [{ message: 'field t:Tag became required (minOccurs 0 → 1)' }] }],
});
diffTester('request-field/max-occurs-decreased', {
  valid: [{ old: req(opt), new: req(many) }, { name: 'in the response', old: res(many), new: res(opt) }],
  invalid: [
    { old: req(many), new: req(opt), changes: [{ message: 'field t:Tag maxOccurs unbounded → 1' }] },
    { old: req(many), new: req(two), changes: [{ message: 'field t:Tag maxOccurs unbounded → 2' }] },
  ],
});
diffTester('request-field/max-occurs-increased', {
  valid: [{ old: req(many), new: req(opt) }],
  invalid: [{ old: req(opt), new: req(many), changes: [{ message: 'field t:Tag maxOccurs 1 → unbounded' }] }],
});
diffTester('response-field/max-occurs-increased', {
  valid: [{ old: res(many), new: res(opt) }, { name: 'in the request', old: req(opt), new: req(many) }],
  invalid: [{ old: res(opt), new: res(two), changes: [{ path: 'response /SaveThingResponse/Tag', message: 'field t:Tag maxOccurs 1 → 2' }] }],
});
diffTester('response-field/max-occurs-decreased', {
  valid: [{ old: res(opt), new: res(many) }],
  invalid: [{ old: res(many), new: res(opt), changes: [{ message: 'field t:Tag maxOccurs unbounded → 1' }] }],
});
