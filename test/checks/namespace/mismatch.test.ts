import { ruleTester } from '../support/rule-tester.ts';
import { envelope, NS_OLD } from '../support/contract.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

ruleTester('namespace/mismatch', {
  valid: [
    { code: resp(OK_THING), contract: thing },
    { name: 'other prefix, same URI', code: resp(OK_THING).replace(/<(\/?)t:/g, '<$1x:').replace('xmlns:t=', 'xmlns:x='), contract: thing },
    { name: 'default namespace, same URI', code: envelope(`<GetThingResponse xmlns="urn:soapcheck:test:Services1"><Response><Id>1</Id><Name>n</Name></Response></GetThingResponse>`), contract: thing },
  ],
  invalid: [
    {
      name: 'an old-version body element: reported once for the whole subtree',
      code: envelope(`<o:GetThingResponse xmlns:o="${NS_OLD}"><o:Response><o:Id>1</o:Id><o:Name>n</o:Name></o:Response></o:GetThingResponse>`),
      contract: thing,
      errors: [{ path: '/Envelope/Body/GetThingResponse', message: /Services0.*Services1/ }],
    },
    {
      name: 'one field in another namespace',
      code: resp(`<t:Id>1</t:Id><o:Name xmlns:o="${NS_OLD}">n</o:Name>`),
      contract: thing,
      errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Name' }],
    },
    { name: 'an unqualified field', code: resp('<t:Id>1</t:Id><Name>n</Name>'), contract: thing, errors: [{ message: /\(no namespace\)/ }] },
  ],
});
