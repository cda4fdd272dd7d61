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
      errors: [{ message: /soap:Sender.*"bad id"$/ }],
    },
    {
      name: '1.1 fault quotes its detail as one line of text',
      code: envelope('<soap:Fault><faultcode>soap:Server</faultcode><faultstring>Failed</faultstring><detail><e:Info xmlns:e="urn:e">\n  Ticket\n   expired at 10:00</e:Info></detail></soap:Fault>'),
      contract: thing,
      errors: [{ message: /reason "Failed", detail "Ticket expired at 10:00"$/ }],
    },
    {
      name: '1.2 fault quotes Detail, cut at 300 characters',
      code: envelope(`<soap:Fault><soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">x</soap:Text></soap:Reason><soap:Detail><d>${'y'.repeat(1000)}</d></soap:Detail></soap:Fault>`, { version: '1.2' }),
      contract: thing,
      errors: [{ message: new RegExp(`detail "${'y'.repeat(299)}…"$`) }],
    },
  ],
});
