import { ruleTester } from '../support/rule-tester.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

ruleTester('field/missing', {
  valid: [
    { code: resp(OK_THING), contract: thing },
    { name: 'optional fields absent', code: resp('<t:Id>1</t:Id><t:Name/>'), contract: thing },
    { name: 'nil response has no fields to miss', code: resp('').replace('<t:Response></t:Response>', '<t:Response xsi:nil="true"/>'), contract: thing },
  ],
  invalid: [
    { code: resp('<t:Id>1</t:Id>'), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response', line: 3, message: /t:Name/ }] },
    { name: 'two missing', code: resp(''), contract: thing, errors: [{ message: /t:Id/ }, { message: /t:Name/ }] },
    { name: 'in a recursive type', code: resp(`${OK_THING}<t:Parent><t:Id>2</t:Id></t:Parent>`), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Parent' }] },
  ],
});
