import { diffTester } from '../support/diff-tester.ts';
import { f, op } from '../support/fixtures.ts';

const colour = (values: string[], enumComplete = true) => ({ 't:Colour': { base: 'xsd:string', enum: values, enumComplete } });
const req = (values: string[], complete = true) => op({ request: [f('t:C', 't:Colour')], types: colour(values, complete) });
const res = (values: string[], complete = true) => op({ response: [f('t:C', 't:Colour')], types: colour(values, complete) });

diffTester('request-enum/value-removed', {
  valid: [
    { old: req(['Red', 'Blue']), new: req(['Red', 'Blue', 'Green']) },
    { name: 'a list known to be incomplete says nothing about removals', old: req(['Red', 'Blue']), new: req(['Red'], false) },
    { name: 'in the response', old: res(['Red', 'Blue']), new: res(['Red']) },
  ],
  invalid: [{ old: req(['Red', 'Blue', 'Green']), new: req(['Red']), changes: [{ type: 't:Colour', path: 'request Colour', message: 'type t:Colour: value(s) Blue, Green removed' }] }],
});
diffTester('request-enum/value-added', {
  valid: [{ old: req(['Red', 'Blue']), new: req(['Red']) }],
  invalid: [{ old: req(['Red']), new: req(['Red', 'Blue']), changes: [{ message: 'type t:Colour: new value(s) Blue' }] }],
});
diffTester('response-enum/value-added', {
  valid: [{ old: res(['Red', 'Blue']), new: res(['Blue', 'Red']) }, { name: 'in the request', old: req(['Red']), new: req(['Red', 'Blue']) }, { name: 'incomplete', old: res(['Red'], false), new: res(['Red', 'Blue']) }],
  invalid: [{ old: res(['Red']), new: res(['Red', 'Blue']), changes: [{ type: 't:Colour', path: 'response Colour', message: 'type t:Colour: new value(s) Blue' }] }],
});
diffTester('response-enum/value-removed', {
  valid: [{ old: res(['Red']), new: res(['Red', 'Blue']) }],
  invalid: [{ old: res(['Red', 'Blue']), new: res(['Red']), changes: [{ message: 'type t:Colour: value(s) Blue removed' }] }],
});
