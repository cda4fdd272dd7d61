/**
 * xsd:anyType fields (the values of .NET StringObjectKeyValuePair): whatever xsi:type the value
 * carries is allowed, and its content is checked against THAT type — a built-in, or a complex type
 * of the contract (ArrayOfstring). xsd:anySimpleType takes any simple type.
 */
import { ruleTester } from '../support/rule-tester.ts';
import { envelope, f, makeContract } from '../support/contract.ts';

const ARR_DECL = 'xmlns:arr="http://schemas.microsoft.com/2003/10/Serialization/Arrays"';

const pairs = makeContract({
  response: { body: f('t:GetThingResponse', { fields: [f('t:Pair', { type: 't:Pair', min: 0, max: Infinity })] }) },
  types: {
    't:Pair': { fields: [f('t:Key', { type: 'xsd:string' }), f('t:Value', { type: 'xsd:anyType', nillable: true }), f('t:Simple', { type: 'xsd:anySimpleType', min: 0 })] },
    'arr:ArrayOfstring': { fields: [f('arr:string', { type: 'xsd:string', min: 0, max: Infinity, nillable: true })] },
  },
});

const pair = (value: string, simple = '') => envelope(`<t:GetThingResponse><t:Pair><t:Key>k</t:Key>${value}${simple}</t:Pair></t:GetThingResponse>`);

const valid = [
  { name: 'an int', code: pair('<t:Value xsi:type="xsd:int">42</t:Value>'), contract: pairs },
  { name: 'a boolean under another prefix', code: pair('<t:Value xmlns:s="http://www.w3.org/2001/XMLSchema" xsi:type="s:boolean">true</t:Value>'), contract: pairs },
  { name: 'an ArrayOfstring of the contract', code: pair(`<t:Value ${ARR_DECL} xsi:type="arr:ArrayOfstring"><arr:string>a</arr:string><arr:string>b</arr:string></t:Value>`), contract: pairs },
  { name: 'no xsi:type: any content', code: pair('<t:Value><x>1</x></t:Value>'), contract: pairs },
  { name: 'nil', code: pair('<t:Value xsi:nil="true"/>'), contract: pairs },
  { name: 'a type the contract does not know', code: pair('<t:Value xmlns:o="urn:other" xsi:type="o:Whatever"><o:x/></t:Value>'), contract: pairs },
  { name: 'anySimpleType holding a dateTime', code: pair('<t:Value/>', '<t:Simple xsi:type="xsd:dateTime">2024-01-01T00:00:00Z</t:Simple>'), contract: pairs },
];

ruleTester('xsi-type/mismatch', {
  valid,
  invalid: [
    {
      name: 'anySimpleType does not take a complex type',
      code: pair('<t:Value/>', `<t:Simple ${ARR_DECL} xsi:type="arr:ArrayOfstring"/>`),
      contract: pairs,
      errors: [{ path: '/Envelope/Body/GetThingResponse/Pair/Simple', message: /ArrayOfstring.*anySimpleType/ }],
    },
  ],
});

ruleTester('value/lexical', {
  valid,
  invalid: [
    { name: 'an int that is not one', code: pair('<t:Value xsi:type="xsd:int">forty-two</t:Value>'), contract: pairs, errors: [{ path: '/Envelope/Body/GetThingResponse/Pair/Value', message: /xsd:int/ }] },
  ],
});

ruleTester('field/unexpected', {
  valid,
  invalid: [
    {
      name: 'an ArrayOfstring holding something else',
      code: pair(`<t:Value ${ARR_DECL} xsi:type="arr:ArrayOfstring"><arr:int>1</arr:int></t:Value>`),
      contract: pairs,
      errors: [{ path: '/Envelope/Body/GetThingResponse/Pair/Value/int' }],
    },
  ],
});
