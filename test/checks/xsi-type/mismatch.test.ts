import { ruleTester } from '../support/rule-tester.ts';
import { envelope, NS_OLD } from '../support/contract.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

ruleTester('xsi-type/mismatch', {
  valid: [
    { code: resp('<t:Id xsi:type="xsd:int">1</t:Id><t:Name xsi:type="xsd:string">n</t:Name>'), contract: thing },
    { name: 'other prefixes resolving to the same QNames', code: resp('<t:Id xmlns:s="http://www.w3.org/2001/XMLSchema" xsi:type="s:int">1</t:Id><t:Name>n</t:Name>'), contract: thing },
    { name: 'unprefixed xsi:type takes the default namespace', code: resp('<t:Id xmlns="http://www.w3.org/2001/XMLSchema" xsi:type="int">1</t:Id><t:Name>n</t:Name>'), contract: thing },
    { name: 'complex type by service prefix', code: resp(OK_THING).replace('<t:Response>', '<t:Response xsi:type="t:Thing">'), contract: thing },
    {
      name: 'an old-version subtree: its old-namespace types are namespace/mismatch\'s finding, not this rule\'s',
      code: envelope(`<o:GetThingResponse xmlns:o="${NS_OLD}"><o:Response xsi:type="o:Thing"><o:Id>1</o:Id><o:Name>n</o:Name></o:Response></o:GetThingResponse>`),
      contract: thing,
      reportedBy: ['namespace/mismatch'],
    },
  ],
  invalid: [
    { code: resp('<t:Id xsi:type="xsd:long">1</t:Id><t:Name>n</t:Name>'), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Id', message: /XMLSchema\}long.*XMLSchema\}int/ }] },
    { name: 'same prefix, other URI', code: resp('<t:Id xmlns:xsd="urn:not-xsd" xsi:type="xsd:int">1</t:Id><t:Name>n</t:Name>'), contract: thing, errors: [{ message: /urn:not-xsd/ }] },
  ],
});
