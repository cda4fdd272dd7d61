import { ruleTester } from '../support/rule-tester.ts';
import { envelope, makeContract, NS } from '../support/contract.ts';
import { thing, req } from '../support/fixtures.ts';

const ACTION = `${NS}/Thing/GetThing`;
const soap11 = (action?: string) => ({ headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: action } });
const v12 = makeContract({ soap: '1.2' });
const derived = makeContract({ actionSource: 'derived', request: thing.request });
const body12 = envelope('<t:GetThing/>', { version: '1.2' });

ruleTester('http/action', {
  valid: [
    { code: req('<t:Ticket>x</t:Ticket>'), contract: thing, direction: 'request', http: soap11(`"${ACTION}"`) },
    { name: 'unquoted SOAPAction', code: req('<t:Ticket>x</t:Ticket>'), contract: thing, direction: 'request', http: soap11(ACTION) },
    { name: '1.2 action parameter', code: body12, contract: v12, direction: 'request', http: { headers: { 'content-type': `application/soap+xml; action="${ACTION}"` } } },
    { name: '1.2 without action parameter (it is optional)', code: body12, contract: v12, direction: 'request', http: { headers: { 'content-type': 'application/soap+xml' } } },
    { name: '1.2 action parameter holding ";" inside its quotes', code: body12, contract: makeContract({ soap: '1.2', action: 'urn:a;b' }), direction: 'request', http: { headers: { 'content-type': 'application/soap+xml; action="urn:a;b"; charset=utf-8' } } },
    { name: 'responses are not checked', code: req('<t:Ticket>x</t:Ticket>'), contract: thing, direction: 'response', http: soap11('"other"'), reportedBy: ['body/element'] },
  ],
  invalid: [
    { name: 'other SOAPAction', code: req('<t:Ticket>x</t:Ticket>'), contract: thing, direction: 'request', http: soap11('"urn:other"'), errors: [{ message: /urn:other/ }] },
    { name: 'missing SOAPAction on 1.1', code: req('<t:Ticket>x</t:Ticket>'), contract: thing, direction: 'request', http: soap11(undefined), errors: [{ message: /no SOAPAction/ }] },
    { name: '1.2 action parameter differs', code: body12, contract: v12, direction: 'request', http: { headers: { 'content-type': 'application/soap+xml; action="urn:x"' } }, errors: [{}] },
    { name: '1.2 action parameter with an escaped quote', code: body12, contract: v12, direction: 'request', http: { headers: { 'content-type': 'application/soap+xml; charset=utf-8; action="urn:\\"x\\";y"' } }, errors: [{ actual: /^urn:"x";y$/ }] },
    { name: 'a derived action only warns', code: req('<t:Ticket>x</t:Ticket>'), contract: derived, direction: 'request', http: soap11('"urn:other"'), errors: [{ severity: 'warn', message: /derived/ }] },
  ],
});
