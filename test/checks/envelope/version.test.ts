import { ruleTester } from '../support/rule-tester.ts';
import { envelope, f, makeContract } from '../support/contract.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

const v12 = makeContract({ soap: '1.2' });

ruleTester('envelope/version', {
  valid: [
    { code: resp(OK_THING), contract: thing },
    { name: 'SOAP 1.2 contract, 1.2 envelope', code: envelope('<t:GetThingResponse/>', { version: '1.2' }), contract: v12 },
    { name: 'any prefix for the envelope namespace', code: resp(OK_THING).replaceAll('soap:', 'S:').replace('xmlns:soap=', 'xmlns:S='), contract: thing },
  ],
  invalid: [
    { name: '1.2 envelope for a 1.1 contract', code: resp(OK_THING, { version: '1.2' }), contract: thing, errors: [{ path: '/Envelope', line: 2, message: /SOAP 1\.2 envelope.*SOAP 1\.1/ }] },
    { name: '1.1 envelope for a 1.2 contract', code: envelope('<t:GetThingResponse/>'), contract: v12, errors: [{ path: '/Envelope' }] },
    { name: 'unknown namespace', code: '<Envelope xmlns="urn:x"><Body/></Envelope>', contract: thing, errors: [{ message: /not a SOAP envelope namespace/ }] },
  ],
});
void f;
