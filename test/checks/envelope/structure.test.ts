import { ruleTester } from '../support/rule-tester.ts';
import { envelope, f, makeContract } from '../support/contract.ts';
import { thing, resp, req, OK_THING } from '../support/fixtures.ts';

const quirky = makeContract({
  request: { headers: [f('t:Ticket', { type: 'xsd:string' })], body: f('t:GetThing', { fields: [] }) },
  quirks: [{ code: 'header-blocks-outside-header', message: 'request' }],
});

ruleTester('envelope/structure', {
  valid: [
    { code: resp(OK_THING), contract: thing },
    { name: 'whitespace between the envelope parts', code: envelope('', { raw: '\n\t<soap:Header> </soap:Header>\n<soap:Body>\n<t:GetThingResponse><t:Response><t:Id>1</t:Id><t:Name>n</t:Name></t:Response></t:GetThingResponse>\n</soap:Body>\n' }), contract: thing },
    { name: 'Header then Body', code: req('<t:Ticket>x</t:Ticket>'), contract: thing, direction: 'request' },
  ],
  invalid: [
    { name: 'root is not an Envelope', code: '<t:GetThingResponse xmlns:t="urn:x"/>', contract: thing, errors: [{ path: '/GetThingResponse', message: /not a SOAP Envelope/ }] },
    { name: 'no Body', code: envelope('', { raw: '<soap:Header/>' }), contract: thing, errors: [{ path: '/Envelope', message: /no Body/ }] },
    {
      name: 'two body elements',
      code: envelope('<t:GetThingResponse/><t:GetThingResponse/>'),
      contract: thing,
      errors: [{ path: '/Envelope/Body/GetThingResponse[2]', message: /2 child elements/ }],
    },
    {
      name: 'many body elements, or many header blocks under Envelope: the finding names 20 and counts the rest',
      code: envelope('', { raw: `${'<t:Ticket>x</t:Ticket>'.repeat(50_000)}<soap:Body>${'<t:GetThing/>'.repeat(50_000)}</soap:Body>` }),
      contract: quirky,
      direction: 'request',
      errors: [{ message: /^header blocks (t:Ticket, ){19}t:Ticket, … \(49980 more\) directly under Envelope/ }, { message: /^Body has 50000 child elements; one is expected \(t:GetThing first, then (t:GetThing, ){20}… \(49979 more\)\)$/ }],
    },
    { name: 'Header after Body', code: envelope('', { raw: '<soap:Body><t:GetThingResponse/></soap:Body><soap:Header/>' }), contract: thing, errors: [{ path: '/Envelope/Header', message: /Header after Body/ }] },
    { name: 'second Body', code: envelope('', { raw: '<soap:Body><t:GetThingResponse/></soap:Body><soap:Body/>' }), contract: thing, errors: [{ path: '/Envelope/Body[2]', message: /second Body/ }] },
    { name: 'unknown element under Envelope', code: envelope('', { raw: '<t:Extra/><soap:Body><t:GetThingResponse/></soap:Body>' }), contract: thing, errors: [{ path: '/Envelope/Extra' }] },
    { name: 'Header not first', code: envelope('', { raw: '<t:Extra/><soap:Header/><soap:Body><t:GetThingResponse/></soap:Body>' }), contract: thing, errors: [{ path: '/Envelope/Header', message: /not the first/ }, { path: '/Envelope/Extra' }] },
    { name: 'text in Envelope, Header and Body', code: envelope('', { raw: 'junk<soap:Header>more</soap:Header><soap:Body>and more<t:GetThingResponse/></soap:Body>' }), contract: thing, errors: [{ path: '/Envelope', message: /^text directly inside soap:Envelope/ }, { path: '/Envelope/Header', message: /soap:Header/ }, { path: '/Envelope/Body', message: /soap:Body/ }] },
    { name: 'second Header', code: envelope('', { raw: '<soap:Header/><soap:Header/><soap:Body><t:GetThingResponse/></soap:Body>' }), contract: thing, errors: [{ path: '/Envelope/Header[2]', message: /second Header/ }] },
    {
      name: 'header blocks directly under Envelope (the vendor pages\' quirk): one finding',
      code: envelope('', { raw: '\n<t:Ticket>x</t:Ticket>\n<soap:Body><t:GetThing/></soap:Body>' }),
      contract: quirky,
      direction: 'request',
      errors: [{ path: '/Envelope/Ticket', line: 3, message: /Ticket directly under Envelope.*known quirk/ }],
    },
  ],
});
