import { ruleTester } from '../support/rule-tester.ts';
import { envelope, f, makeContract } from '../support/contract.ts';
import { thing, req } from '../support/fixtures.ts';

const quirky = makeContract({
  request: { headers: [f('t:Ticket', { type: 'xsd:string' })], body: f('t:GetThing', { fields: [] }) },
  quirks: [{ code: 'header-blocks-outside-header', message: 'request' }],
});

ruleTester('header/missing', {
  valid: [
    { code: req('<t:Ticket>x</t:Ticket>'), contract: thing, direction: 'request' },
    { name: 'optional block may be absent, order does not matter', code: req('<t:Trace>1</t:Trace><t:Ticket>x</t:Ticket>'), contract: thing, direction: 'request' },
    { name: 'block directly under Envelope still counts', code: envelope('', { raw: '<t:Ticket>x</t:Ticket><soap:Body><t:GetThing/></soap:Body>' }), contract: quirky, direction: 'request', reportedBy: ['envelope/structure'] },
  ],
  invalid: [
    { name: 'no Header at all', code: req(undefined), contract: thing, direction: 'request', errors: [{ path: '/Envelope', message: /t:Ticket/ }] },
    { name: 'Header without the block', code: req('<t:Trace>1</t:Trace>'), contract: thing, direction: 'request', errors: [{ path: '/Envelope/Header' }] },
  ],
});
