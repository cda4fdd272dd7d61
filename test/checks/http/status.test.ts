import { ruleTester } from '../support/rule-tester.ts';
import { envelope, makeContract } from '../support/contract.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

const h = (status: number) => ({ status, headers: { 'content-type': 'text/xml; charset=utf-8' } });
const fault11 = envelope('<soap:Fault><faultcode>soap:Server</faultcode><faultstring>boom</faultstring></soap:Fault>');
const v12 = makeContract({ soap: '1.2' });
const fault12 = (code: string) => envelope(`<soap:Fault><soap:Code><soap:Value>soap:${code}</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">x</soap:Text></soap:Reason></soap:Fault>`, { version: '1.2' });

ruleTester('http/status', {
  valid: [
    { code: resp(OK_THING), contract: thing, http: h(200) },
    { name: '1.1 fault with 500', code: fault11, contract: thing, http: h(500) },
    { name: '1.2 Sender fault with 400', code: fault12('Sender'), contract: v12, http: h(400) },
    { name: '1.2 Receiver fault with 500', code: fault12('Receiver'), contract: v12, http: h(500) },
    { name: 'no HTTP facts: not checked', code: resp(OK_THING), contract: thing },
  ],
  invalid: [
    { name: '500 for a normal response', code: resp(OK_THING), contract: thing, http: h(500), errors: [{ path: '/', message: /200/ }] },
    { name: '200 for a fault', code: fault11, contract: thing, http: h(200), errors: [{ path: '/Envelope/Body/Fault' }] },
    { name: '1.2 Receiver fault with 400', code: fault12('Receiver'), contract: v12, http: h(400), errors: [{ message: /500/ }] },
  ],
});
