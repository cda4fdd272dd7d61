import { ruleTester } from '../support/rule-tester.ts';
import { envelope } from '../support/contract.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

ruleTester('fault/unexpected', {
  valid: [
    { code: resp(OK_THING), contract: thing },
    { name: 'requests never have this rule', code: envelope('<soap:Fault><faultcode>soap:Client</faultcode><faultstring>x</faultstring></soap:Fault>'), contract: thing, direction: 'request', reportedBy: ['body/element', 'header/missing'] },
  ],
  invalid: [
    {
      name: '1.1 fault quotes code and reason',
      code: envelope('<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Ticket expired</faultstring></soap:Fault>'),
      contract: thing,
      errors: [{ path: '/Envelope/Body/Fault', message: /code soap:Server, reason "Ticket expired"/ }],
    },
    {
      name: '1.2 fault quotes Code/Value and Reason/Text',
      code: envelope('<soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">bad id</soap:Text></soap:Reason></soap:Fault>', { version: '1.2' }),
      contract: thing,
      errors: [{ message: /soap:Sender.*"bad id"/ }],
    },
  ],
});
