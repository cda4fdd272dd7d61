import { ruleTester } from '../support/rule-tester.ts';
import { thing, resp } from '../support/fixtures.ts';

ruleTester('xsi-type/unresolved', {
  valid: [{ code: resp('<t:Id xsi:type="xsd:int">1</t:Id><t:Name>n</t:Name>'), contract: thing }],
  invalid: [
    { code: resp('<t:Id xsi:type="q:int">1</t:Id><t:Name>n</t:Name>'), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Id', message: /prefix q/ }] },
    { name: 'prefix declared only on a sibling', code: resp('<t:Id xmlns:q="urn:q">1</t:Id><t:Name xsi:type="q:x">n</t:Name>'), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Name' }] },
    { name: 'not a QName', code: resp('<t:Id xsi:type="a:b:c">1</t:Id><t:Name>n</t:Name>'), contract: thing, errors: [{ message: /not a QName/ }] },
  ],
});
