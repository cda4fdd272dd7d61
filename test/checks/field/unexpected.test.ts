import { ruleTester } from '../support/rule-tester.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

ruleTester('field/unexpected', {
  valid: [
    { code: resp(OK_THING), contract: thing },
    { name: 'compatible profile allows unknown fields', code: resp(`${OK_THING}<t:NewField>1</t:NewField>`), contract: thing, profile: 'compatible' },
    { name: 'an element inside a simple-content field is value/lexical\'s', code: resp('<t:Id><t:X/></t:Id><t:Name>n</t:Name>'), contract: thing, reportedBy: ['value/lexical'] },
    { name: 'comments are not content', code: resp(`<!-- c -->${OK_THING}`), contract: thing },
  ],
  invalid: [
    { code: resp(`${OK_THING}<t:NewField>1</t:NewField>`), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response/NewField', message: /NewField/ }] },
    { name: 'text inside a complex field', code: resp(`${OK_THING}stray`), contract: thing, errors: [{ message: /unexpected text/ }] },
  ],
});
