import { diffTester } from '../support/diff-tester.ts';
import { NS2, f, op } from '../support/fixtures.ts';

const id = f('t:Id', 'xsd:int');
const name = f('t:Name', 'xsd:string');
const note = f('t:Note', 'xsd:string', { minOccurs: 0 });
const thing = { 't:Thing': { fields: [id, name] } };
const thingPlus = (extra: ReturnType<typeof f>) => ({ 't:Thing': { fields: [id, name, extra] } });

diffTester('request-field/added-required', {
  valid: [
    { name: 'no change', old: op({ request: [id] }), new: op({ request: [id] }) },
    { name: 'optional', old: op({ request: [id] }), new: op({ request: [id, note] }) },
    { name: 'the same field after a namespace move', old: op({ request: [id] }), new: op({ ns: NS2, request: [id] }) },
    { name: 'added to the response', old: op(), new: op({ response: [id] }) },
  ],
  invalid: [
    { old: op({ request: [id] }), new: op({ request: [id, name] }), changes: [{ operation: 'Shop/SaveThing', path: 'request /SaveThing/Name', message: 'new required field t:Name (string [1..1])' }] },
    {
      name: 'inside a named type: reported once, with the operations that use it',
      old: [op({ request: [f('t:Thing', 't:Thing')], types: thing }), op({ operation: 'AddThing', request: [f('t:Thing', 't:Thing')], types: thing })],
      new: [op({ request: [f('t:Thing', 't:Thing')], types: thingPlus(f('t:Size', 'xsd:int')) }), op({ operation: 'AddThing', request: [f('t:Thing', 't:Thing')], types: thingPlus(f('t:Size', 'xsd:int')) })],
      changes: [{ type: 't:Thing', path: 'request Thing/Size', message: 'new required field t:Size (int [1..1])' }],
    },
    {
      name: 'inside inline content',
      old: op({ request: [f('t:Box', undefined, { fields: [id] })] }),
      new: op({ request: [f('t:Box', undefined, { fields: [id, name] })] }),
      changes: [{ path: 'request /SaveThing/Box/Name' }].map((c) => ({ ...c, message: /t:Name/ })),
    },
  ],
});

diffTester('request-field/added-optional', {
  valid: [{ old: op({ request: [id] }), new: op({ request: [id, name] }) }],
  invalid: [{ old: op({ request: [id] }), new: op({ request: [id, note] }), changes: [{ message: 'new optional field t:Note (string [0..1])' }] }],
});

diffTester('request-field/removed', {
  valid: [{ old: op({ request: [id] }), new: op({ request: [id, name] }) }, { name: 'response field removed', old: op({ response: [id, name] }), new: op({ response: [id] }) }],
  invalid: [{ old: op({ request: [id, name] }), new: op({ request: [id] }), changes: [{ path: 'request /SaveThing/Name', message: 'field t:Name (string [1..1]) removed' }] }],
});

diffTester('response-field/added', {
  valid: [{ old: op({ response: [id] }), new: op({ response: [id] }) }, { name: 'request field', old: op(), new: op({ request: [id] }) }],
  invalid: [
    { old: op({ response: [id] }), new: op({ response: [id, note] }), changes: [{ path: 'response /SaveThingResponse/Note', message: 'new field t:Note (string [0..1])' }] },
    {
      name: 'a type used in request and response: one change per direction, each at its level',
      old: op({ request: [f('t:Thing', 't:Thing')], response: [f('t:Thing', 't:Thing')], types: thing }),
      new: op({ request: [f('t:Thing', 't:Thing')], response: [f('t:Thing', 't:Thing')], types: thingPlus(note) }),
      changes: [{ type: 't:Thing', path: 'response Thing/Note', message: /t:Note/ }],
    },
  ],
});

diffTester('response-field/removed', {
  valid: [{ old: op({ response: [id] }), new: op({ response: [id, name] }) }],
  invalid: [{ old: op({ response: [id, name] }), new: op({ response: [id] }), changes: [{ path: 'response /SaveThingResponse/Name', message: 'field t:Name (string [1..1]) removed' }] }],
});

diffTester('request-field/renamed', {
  valid: [
    { name: 'another type at the same position is a removal and an addition', old: op({ request: [id, name] }), new: op({ request: [id, f('t:Size', 'xsd:int')] }) },
    { name: 'same type at another position', old: op({ request: [id, name] }), new: op({ request: [f('t:Title', 'xsd:string'), id] }) },
  ],
  invalid: [{ old: op({ request: [id, name] }), new: op({ request: [id, f('t:Title', 'xsd:string')] }), changes: [{ path: 'request /SaveThing/Title', message: 'field t:Name renamed to t:Title, it looks like (same type and position)' }] }],
});

diffTester('response-field/renamed', {
  valid: [{ old: op({ request: [id, name] }), new: op({ request: [id, f('t:Title', 'xsd:string')] }) }],
  invalid: [{ old: op({ response: [name] }), new: op({ response: [f('t:Title', 'xsd:string')] }), changes: [{ message: /t:Name renamed to t:Title/ }] }],
});

diffTester('request-field/reordered', {
  valid: [
    { old: op({ request: [id, name] }), new: op({ request: [id, name] }) },
    { name: 'a field inserted between keeps the order of the others', old: op({ request: [id, name] }), new: op({ request: [id, note, name] }) },
  ],
  invalid: [{ old: op({ request: [id, name, note] }), new: op({ request: [name, id, note] }), changes: [{ path: 'request /SaveThing', message: 'fields reordered: Id, Name, Note → Name, Id, Note' }] }],
});

diffTester('response-field/reordered', {
  valid: [{ old: op({ request: [id, name] }), new: op({ request: [name, id] }) }],
  invalid: [{ old: op({ response: [id, name] }), new: op({ response: [name, id] }), changes: [{ message: 'fields reordered: Id, Name → Name, Id' }] }],
});
