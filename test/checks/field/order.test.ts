import { ruleTester } from '../support/rule-tester.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

ruleTester('field/order', {
  valid: [
    { code: resp(OK_THING), contract: thing },
    { name: 'optional fields skipped keep order', code: resp(`${OK_THING}<t:Tags>a</t:Tags>`), contract: thing },
    { name: 'repeats together are in order', code: resp(`${OK_THING}<t:Tags>a</t:Tags><t:Tags>b</t:Tags>`), contract: thing },
  ],
  invalid: [
    { code: resp('<t:Name>n</t:Name><t:Id>1</t:Id>'), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Id', message: /Id comes after t:Name/ }] },
    { name: 'a warning in the compatible profile', code: resp('<t:Name>n</t:Name><t:Id>1</t:Id>'), contract: thing, profile: 'compatible', errors: [{ severity: 'warn' }] },
  ],
});
