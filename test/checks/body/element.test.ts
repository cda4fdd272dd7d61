import { ruleTester } from '../support/rule-tester.ts';
import { envelope } from '../support/contract.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

ruleTester('body/element', {
  valid: [
    { code: resp(OK_THING), contract: thing },
    { name: 'another namespace is namespace/mismatch, not this rule', code: envelope('<o:GetThingResponse xmlns:o="urn:other"/>'), contract: thing, reportedBy: ['namespace/mismatch', 'field/missing'] },
  ],
  invalid: [
    { name: 'a Fault as a request body', code: envelope('<soap:Fault><faultcode>soap:Client</faultcode><faultstring>x</faultstring></soap:Fault>'), contract: thing, direction: 'request', errors: [{ path: '/Envelope/Body/Fault', message: /expected t:GetThing / }] },
    { name: 'request element in a response', code: envelope('<t:GetThing/>'), contract: thing, errors: [{ path: '/Envelope/Body/GetThing', message: /expected t:GetThingResponse/ }] },
  ],
});
