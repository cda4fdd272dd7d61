import { ruleTester } from '../support/rule-tester.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

ruleTester('field/nil', {
  valid: [
    { code: resp(`${OK_THING}<t:Parent xsi:nil="true"/>`), contract: thing },
    { name: 'xsi:nil="false" with content', code: resp(`<t:Id xsi:nil="false">1</t:Id><t:Name>n</t:Name>`), contract: thing },
    { name: 'nillable Response may be nil (1)', code: resp('').replace('<t:Response></t:Response>', '<t:Response xsi:nil="1"/>'), contract: thing },
  ],
  invalid: [
    { name: 'nil on a field that is not nillable', code: resp('<t:Id xsi:nil="true"/><t:Name>n</t:Name>'), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Id', message: /not nillable/ }] },
    { name: 'nil with content', code: resp(`${OK_THING}<t:Parent xsi:nil="true"><t:Id>1</t:Id></t:Parent>`), contract: thing, errors: [{ message: /must be empty/ }] },
    { name: 'nil value not a boolean', code: resp(`${OK_THING}<t:Parent xsi:nil="yes"/>`), contract: thing, errors: [{ message: /not a boolean/ }] },
  ],
});
