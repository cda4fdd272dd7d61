/** Table tests of every crosscheck check, with fixture contracts written here (docs side, WSDL side). */
import { crossTester } from './support.ts';
import { NS1, NS2, f, op } from '../diff/support/fixtures.ts';

const id = f('t:Id', 'xsd:int');
const name = f('t:Name', 'xsd:string');
const optId = f('t:Id', 'xsd:int', { minOccurs: 0, nillable: true });
const outside = { importer: 'docs' as const, quirks: [{ code: 'header-blocks-outside-header', message: 'request' as const, description: 'outside', elements: ['t:Token'] }] };

crossTester('namespace/uri', {
  valid: [{ docs: op(), wsdl: op() }],
  invalid: [{ docs: op(), wsdl: op({ ns: NS2 }), found: [{ docs: NS1, wsdl: NS2 }] }],
});

crossTester('operation/docs-only', {
  valid: [{ docs: op(), wsdl: [op(), op({ operation: 'GetThing' })] }],
  invalid: [{ docs: [op(), op({ operation: 'GetThing' })], wsdl: op(), found: [{ operation: 'Shop/GetThing', docs: 'documented', wsdl: 'not bound' }] }],
});

crossTester('operation/wsdl-only', {
  valid: [{ docs: [op(), op({ operation: 'GetThing' })], wsdl: op() }],
  invalid: [{ docs: op(), wsdl: [op(), op({ operation: 'GetThing' })], found: [{ operation: 'Shop/GetThing', docs: 'no page', wsdl: 'bound' }] }],
});

crossTester('soap/version', {
  valid: [{ docs: op({ soap: '1.1' }), wsdl: op({ soap: '1.1' }) }],
  invalid: [{ docs: op({ soap: '1.2' }), wsdl: op({ soap: '1.1' }), found: [{ operation: 'Shop/SaveThing', docs: 'SOAP 1.2', wsdl: 'SOAP 1.1' }] }],
});

crossTester('soap/action', {
  valid: [{ docs: op(), wsdl: op() }],
  invalid: [{ docs: op(), wsdl: op({ action: 'urn:Shop/SaveThing' }), found: [{ docs: `${NS1}/Shop/SaveThing`, wsdl: 'urn:Shop/SaveThing' }] }],
});

crossTester('header/placement', {
  valid: [{ name: 'no quirk recorded', docs: op({ requestHeaders: [f('t:Token')] }), wsdl: op({ requestHeaders: [f('t:Token')] }) }],
  invalid: [{ docs: op({ requestHeaders: [f('t:Token')], source: outside }), wsdl: op({ requestHeaders: [f('t:Token')] }), found: [{ docs: 'Token under the Envelope (request)', wsdl: 'header blocks inside soap:Header' }] }],
});

crossTester('header/docs-only', {
  valid: [{ docs: op({ requestHeaders: [f('t:Token')] }), wsdl: op({ requestHeaders: [f('t:Token')] }) }],
  invalid: [{ docs: op({ requestHeaders: [f('t:Token')] }), wsdl: op(), found: [{ path: 'request /Header/Token', docs: 'request header t:Token', wsdl: 'no such header block' }] }],
});

crossTester('header/wsdl-only', {
  valid: [{ docs: op({ responseHeaders: [f('t:Succeeded')] }), wsdl: op({ responseHeaders: [f('t:Succeeded')] }) }],
  invalid: [{ docs: op(), wsdl: op({ responseHeaders: [f('t:Succeeded', 'xsd:boolean', { minOccurs: 0 })] }), found: [{ path: 'response /Header/Succeeded', docs: 'not shown', wsdl: 'response header t:Succeeded [0..1]' }] }],
});

crossTester('body/element', {
  valid: [{ docs: op(), wsdl: op() }],
  invalid: [{ docs: op({ responseBody: 't:SaveThingResult' }), wsdl: op(), found: [{ docs: 't:SaveThingResult', wsdl: 't:SaveThingResponse' }] }],
});

crossTester('field/docs-only', {
  valid: [{ docs: op({ request: [id] }), wsdl: op({ request: [id, name] }) }],
  invalid: [{ docs: op({ request: [id, name] }), wsdl: op({ request: [id] }), found: [{ path: 'request /SaveThing/Name', docs: 'shows t:Name', wsdl: 'no such field' }] }],
});

crossTester('field/wsdl-only', {
  valid: [{ docs: op({ request: [id, name] }), wsdl: op({ request: [id] }) }],
  invalid: [
    {
      name: "a base type's fields the examples never show: once for the type, whichever directions use it",
      docs: op({ request: [f('t:E', 't:Entity')], response: [f('t:E', 't:Entity')], types: { 't:Entity': { fields: [id] } } }),
      wsdl: op({ request: [f('t:E', 't:Entity')], response: [f('t:E', 't:Entity')], types: { 't:Entity': { fields: [f('t:TableRight', 'xsd:string', { minOccurs: 0 }), id] } } }),
      found: [{ type: 't:Entity', path: 'Entity/TableRight', operations: ['Shop/SaveThing'], docs: 'not shown', wsdl: 't:TableRight (string [0..1])' }],
    },
  ],
});

crossTester('field/name', {
  valid: [{ docs: op({ request: [id, name] }), wsdl: op({ request: [id, name] }) }],
  invalid: [{ docs: op({ request: [id, f('t:Nm', 'xsd:string')] }), wsdl: op({ request: [id, name] }), found: [{ docs: 't:Nm', wsdl: 't:Name' }] }],
});

crossTester('field/order', {
  valid: [{ docs: op({ request: [id, name] }), wsdl: op({ request: [id, f('t:X', 'xsd:int'), name] }) }],
  invalid: [{ docs: op({ response: [name, id] }), wsdl: op({ response: [id, name] }), found: [{ path: 'response /SaveThingResponse', docs: 'Name, Id', wsdl: 'Id, Name' }] }],
});

crossTester('field/type', {
  valid: [{ docs: op({ request: [id] }), wsdl: op({ request: [optId] }) }],
  invalid: [
    { docs: op({ request: [f('t:Id', 'xsd:string')] }), wsdl: op({ request: [id] }), found: [{ docs: 'string', wsdl: 'int' }] },
    { name: 'an example with no type against a declared one', docs: op({ request: [f('t:Id')] }), wsdl: op({ request: [id] }), found: [{ docs: 'any text', wsdl: 'int' }] },
  ],
});

crossTester('field/cardinality', {
  valid: [{ docs: op({ request: [id] }), wsdl: op({ request: [f('t:Id', 'xsd:long')] }) }],
  invalid: [{ docs: op({ request: [id] }), wsdl: op({ request: [optId] }), found: [{ path: 'request /SaveThing/Id', docs: '[1..1]', wsdl: '[0..1]' }] }],
});

crossTester('field/nillable', {
  valid: [{ docs: op({ request: [id] }), wsdl: op({ request: [f('t:Id', 'xsd:int', { minOccurs: 0 })] }) }],
  invalid: [{ docs: op({ request: [id] }), wsdl: op({ request: [optId] }), found: [{ docs: 'not nillable', wsdl: 'nillable' }] }],
});

const colour = (values: string[], enumComplete = true) => ({ 't:Colour': { base: 'xsd:string', enum: values, enumComplete } });
crossTester('enum/values', {
  valid: [
    { name: 'the pages show fewer values', docs: op({ request: [f('t:C', 't:Colour')], types: colour(['Red'], false) }), wsdl: op({ request: [f('t:C', 't:Colour')], types: colour(['Red', 'Blue']) }) },
    { name: 'the WSDL list is not complete', docs: op({ request: [f('t:C', 't:Colour')], types: colour(['Pink'], false) }), wsdl: op({ request: [f('t:C', 't:Colour')], types: colour(['Red'], false) }) },
  ],
  invalid: [{ docs: op({ request: [f('t:C', 't:Colour')], types: colour(['Red', 'Pink'], false) }), wsdl: op({ request: [f('t:C', 't:Colour')], types: colour(['Red', 'Blue']) }), found: [{ type: 't:Colour', docs: 'Pink', wsdl: 'not in t:Colour (Red, Blue)' }] }],
});
