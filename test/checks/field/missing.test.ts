import { ruleTester } from '../support/rule-tester.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';
import { envelope, f, makeContract, NS } from '../support/contract.ts';
import type { Field, Wildcard } from '../../../src/contract/model.ts';

// An extension point that must be used: xsd:any namespace="##other" minOccurs="1", after a field.
const any = (minOccurs: number): Wildcard => ({ any: true, namespace: '##other', targetNamespace: NS, processContents: 'lax', minOccurs, maxOccurs: 2 });
const extensible = (wildcard: Wildcard) =>
  makeContract({
    request: { body: f('t:Put', { fields: [f('t:Id', { type: 'xsd:int' }), wildcard as unknown as Field] }) },
    response: { body: f('t:PutResponse', { fields: [] }) },
    types: {},
  });
const put = (inner: string) => envelope(`<t:Put><t:Id>1</t:Id>${inner}</t:Put>`);

ruleTester('field/missing', {
  valid: [
    { code: resp(OK_THING), contract: thing },
    { name: 'optional fields absent', code: resp('<t:Id>1</t:Id><t:Name/>'), contract: thing },
    { name: 'nil response has no fields to miss', code: resp('').replace('<t:Response></t:Response>', '<t:Response xsi:nil="true"/>'), contract: thing },
    { name: 'a required xsd:any has its element', code: put('<o:X xmlns:o="urn:other"/>'), contract: extensible(any(1)), direction: 'request' },
    { name: 'an optional xsd:any may stay empty', code: put(''), contract: extensible(any(0)), direction: 'request' },
  ],
  invalid: [
    { name: 'a required xsd:any without its element', code: put(''), contract: extensible(any(1)), direction: 'request', errors: [{ path: '/Envelope/Body/Put', message: /needs 1 element matching its xsd:any \(namespace ##other\); found 0/ }] },
    {
      name: 'an element of the target namespace does not count for ##other',
      code: put('<t:Other/>'),
      contract: extensible(any(1)),
      direction: 'request',
      rules: { 'field/unexpected': 'off' },
      errors: [{ message: /found 0/ }],
    },
    { code: resp('<t:Id>1</t:Id>'), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response', line: 3, message: /t:Name/ }] },
    { name: 'two missing', code: resp(''), contract: thing, errors: [{ message: /t:Id/ }, { message: /t:Name/ }] },
    { name: 'in a recursive type', code: resp(`${OK_THING}<t:Parent><t:Id>2</t:Id></t:Parent>`), contract: thing, errors: [{ path: '/Envelope/Body/GetThingResponse/Response/Parent' }] },
  ],
});
