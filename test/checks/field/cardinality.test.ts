import { ruleTester } from '../support/rule-tester.ts';
import { f, makeContract } from '../support/contract.ts';
import { thing, resp, req, OK_THING } from '../support/fixtures.ts';

const pair = makeContract({ response: { body: f('t:GetThingResponse', { fields: [f('t:P', { type: 'xsd:int', min: 2, max: 2 })] }) } });

ruleTester('field/cardinality', {
  valid: [
    { code: resp(`${OK_THING}<t:Tags>a</t:Tags><t:Tags>b</t:Tags><t:Tags>c</t:Tags>`), contract: thing },
  ],
  invalid: [
    { name: 'more than maxOccurs: reported at the first extra', code: resp(`${OK_THING}<t:Tags>a</t:Tags><t:Tags>b</t:Tags><t:Tags>c</t:Tags><t:Tags>d</t:Tags>`), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Tags[4]', message: /4 times.*0 to 3/ }] },
    { name: 'single field repeated', code: resp('<t:Id>1</t:Id><t:Id>2</t:Id><t:Name>n</t:Name>'), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Id[2]' }] },
    { name: 'fewer than minOccurs', code: '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:t="urn:soapcheck:test:Services1"><soap:Body><t:GetThingResponse><t:P>1</t:P></t:GetThingResponse></soap:Body></soap:Envelope>', contract: pair, errors: [{ message: /exactly 2/ }] },
    { name: 'header block repeated', code: req('<t:Ticket>a</t:Ticket><t:Ticket>b</t:Ticket>'), contract: thing, direction: 'request', errors: [{ path: '/Envelope/Header/Ticket[2]' }] },
  ],
});
