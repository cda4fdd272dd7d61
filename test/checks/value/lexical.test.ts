import { ruleTester } from '../support/rule-tester.ts';
import { f, makeContract } from '../support/contract.ts';
import { thing, resp, req, OK_THING } from '../support/fixtures.ts';

const incomplete = makeContract({
  response: { body: f('t:GetThingResponse', { fields: [f('t:Mode', { type: 't:Mode' })] }) },
  types: { 't:Mode': { base: 'xsd:string', enum: ['A', 'B'], enumComplete: false } },
});
const flags = makeContract({
  response: { body: f('t:GetThingResponse', { fields: [f('t:Rights', { type: 't:Rights' })] }) },
  types: { 't:Rights': { enum: ['Read', 'Write'], list: true } },
});
const ints = makeContract({
  response: { body: f('t:GetThingResponse', { fields: [f('t:Ids', { type: 't:IntList' })] }) },
  types: { 't:IntList': { base: 'xsd:int', list: true } },
});
const untyped = makeContract({ response: { body: f('t:GetThingResponse', { fields: [f('t:Data')] }) } });
const secretCreds = makeContract({
  request: {
    headers: [f('t:Creds', { secret: true, fields: [f('t:Pin', { type: 'xsd:int' }), f('t:Kind', { type: 't:Kind', min: 0 })] })],
    body: f('t:GetThing', { fields: [] }),
  },
  types: { 't:Kind': { enum: ['A', 'B'] } },
});
const inSecret = (inner: string) => `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="urn:soapcheck:test:Services1"><soap:Header><t:Creds>${inner}</t:Creds></soap:Header><soap:Body><t:GetThing/></soap:Body></soap:Envelope>`;
const wrap = (inner: string) => `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="urn:soapcheck:test:Services1"><soap:Body><t:GetThingResponse>${inner}</t:GetThingResponse></soap:Body></soap:Envelope>`;

ruleTester('value/lexical', {
  valid: [
    { code: resp(' <t:Id> 42 </t:Id><t:Name>anything</t:Name><t:Kind>Static</t:Kind>'), contract: thing },
    { name: 'enum list', code: wrap('<t:Rights>Read Write</t:Rights>'), contract: flags },
    { name: 'a list of ints', code: wrap('<t:Ids> 1 2\n3 </t:Ids>'), contract: ints },
    { name: 'an untyped field may hold anything', code: wrap('<t:Data>x</t:Data>'), contract: untyped },
    { name: 'incomplete enum in compatible: no finding', code: wrap('<t:Mode>C</t:Mode>'), contract: incomplete, profile: 'compatible' },
  ],
  invalid: [
    { name: 'int', code: resp('<t:Id>4.2</t:Id><t:Name>n</t:Name>'), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Id', message: /"4\.2" is not a valid xsd:int/ }] },
    { name: 'int out of range', code: resp('<t:Id>2147483648</t:Id><t:Name>n</t:Name>'), contract: thing, errors: [{ message: /maximum/ }] },
    { name: 'enum', code: resp(`${OK_THING}<t:Kind>Other</t:Kind>`), contract: thing, errors: [{ message: /"Other" is not one of Static, Dynamic/ }] },
    { name: 'enum list item', code: wrap('<t:Rights>Read Delete</t:Rights>'), contract: flags, errors: [{ message: /Delete/ }] },
    { name: 'incomplete enum in strict: a warning', code: wrap('<t:Mode>C</t:Mode>'), contract: incomplete, errors: [{ severity: 'warn', message: /known values/ }] },
    { name: 'an untyped field is checked against its own built-in xsi:type', code: wrap('<t:Data xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xsi:type="xsd:dateTime">yesterday</t:Data>'), contract: untyped, errors: [{ message: /not a valid xsd:dateTime/ }] },
    { name: 'a list item that is not an int', code: wrap('<t:Ids>1 two 3</t:Ids>'), contract: ints, errors: [{ message: /item "two": not an integer/ }] },
    { name: 'elements inside a simple-content field', code: resp('<t:Id><t:X>1</t:X><t:Y/></t:Id><t:Name>n</t:Name>'), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Id', message: /^t:Id holds elements t:X, t:Y where a xsd:int value is expected$/ }] },
    { name: 'elements inside a simple-content field, compatible profile: still an error', code: resp('<t:Id>1</t:Id><t:Name><t:First>a</t:First></t:Name>'), contract: thing, profile: 'compatible', errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Name', message: /holds element t:First where a xsd:string value/ }] },
    { name: 'a value inside a secret field is never quoted', code: inSecret('<t:Pin>pin-secret-1</t:Pin><t:Kind>kind-secret-2</t:Kind>'), contract: secretCreds, direction: 'request', errors: [{ message: /^(?!.*pin-secret-1).*secret value not shown/, actual: /^\(secret value not shown\)$/ }, { message: /^(?!.*kind-secret-2).*secret value not shown/, actual: /^\(secret value not shown\)$/ }] },
    { name: 'a secret value is never quoted', code: req('<t:Ticket>x</t:Ticket>', 'abc-secret'), contract: makeContract({ request: { body: f('t:GetThing', { fields: [f('t:Id', { type: 'xsd:int', secret: true })] }) } }), direction: 'request', errors: [{ message: /^(?!.*abc-secret).*secret value not shown/, actual: /^\(secret value not shown\)$/ }] },
  ],
});
