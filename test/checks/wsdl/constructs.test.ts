/**
 * Rule tables for the XSD constructs a WSDL contract carries (fixture: test/fixtures/checks/wsdl):
 * derived types in place of an abstract declared one (base fields first), choice, all, wildcards,
 * attributes, simple content, lists and facets, optional and nillable. A valid case draws no
 * finding from any rule.
 */
import { ruleTester, type Case } from '../support/rule-tester.ts';
import { gadgetResponse as resp, loadDemo9 } from './demo9.ts';

const contract = await loadDemo9();
const off = { 'schema/xsd': 'off' } as const;
const c = (code: string, name?: string): Case => ({ code, contract, rules: off, ...(name ? { name } : {}) });

const valid: Case[] = [
  c(resp(null), 'everything optional left out'),
  c(resp('<G:TableRight>Read Update</G:TableRight><G:GadgetId>1</G:GadgetId><G:Label>L</G:Label>'), 'base fields first, then the derived type\'s, one choice alternative'),
  c(resp('<G:Code>c</G:Code><o:Note xmlns:o="urn:other">skipped</o:Note><o:More xmlns:o="urn:other"/>'), 'the other alternative; ##other wildcard elements'),
  c(resp('<G:TableRight xsi:nil="true"/><G:Code>c</G:Code>'), 'nil where nillable'),
  c(resp('<G:Label>L</G:Label>', { attrs: ' xsi:type="G:GadgetEntity" version="2" kind="gadget"' }), 'the fixed value'),
  c(resp(null, { gadgets: '<G:Gadgets><G:Extra xsi:type="xsd:int">3</G:Extra><G:Share>12.5</G:Share><G:Price currency="EUR">9.99</G:Price></G:Gadgets>' }), 'all: any order; simple content with an attribute; facets'),
  c(resp(null, { gadgets: '<G:Gadgets xsi:nil="true"/>' })),
  c(resp('<G:TableRight xsi:nil="false">Read</G:TableRight><G:Label>L</G:Label>'), 'xsi:nil="false" where nillable'),
  c(resp('<G:Label>L</G:Label>', { header: '<G:Succeeded>true</G:Succeeded>' }), 'the call succeeded'),
];

ruleTester('xsi-type/abstract', {
  valid,
  invalid: [{ ...c(resp('<G:Label>L</G:Label>', { attrs: ' version="1"' })), errors: [{ path: '/Envelope/Body/GetGadgetResponse/GetGadgetResult', message: /abstract type \{http:\/\/example.test\/ws\/Demo9\}Carrier/ }] }],
});

ruleTester('xsi-type/mismatch', {
  valid,
  invalid: [{ ...c(resp('<G:Label>L</G:Label>', { attrs: ' xsi:type="G:Money" version="1"' })), errors: [{ message: /Money/ }] }],
});

ruleTester('field/choice', {
  valid,
  invalid: [
    { ...c(resp('<G:GadgetId>1</G:GadgetId>'), 'no alternative'), errors: [{ message: /none of the choice G:Label \| G:Code/ }] },
    { ...c(resp('<G:Label>L</G:Label><G:Code>c</G:Code>'), 'two alternatives'), errors: [{ message: /2 alternatives/ }] },
  ],
});

ruleTester('field/order', {
  valid,
  invalid: [{ ...c(resp('<G:GadgetId>1</G:GadgetId><G:TableRight>Read</G:TableRight><G:Label>L</G:Label>'), 'a base field after the derived type\'s'), errors: [{ message: /TableRight comes after G:GadgetId/ }] }],
});

ruleTester('field/unexpected', {
  valid,
  invalid: [
    { ...c(resp('<G:Label>L</G:Label><G:Colour>red</G:Colour>'), 'a field of the target namespace is not ##other'), errors: [{ path: '/Envelope/Body/GetGadgetResponse/GetGadgetResult/Colour' }] },
  ],
});

ruleTester('attribute/missing', {
  valid,
  invalid: [{ ...c(resp('<G:Label>L</G:Label>', { attrs: ' xsi:type="G:GadgetEntity"' })), errors: [{ message: /required attribute version is missing/ }] }],
});

ruleTester('attribute/unexpected', {
  valid,
  invalid: [
    { ...c(resp('<G:Label>L</G:Label>', { attrs: ' xsi:type="G:GadgetEntity" version="1" colour="red"' })), errors: [{ message: /unexpected attribute colour/, actual: /^colour$/ }] },
    { ...c(resp('<G:Label lang="en">L</G:Label>'), 'an attribute on an element of a simple type'), errors: [{ path: '/Envelope/Body/GetGadgetResponse/GetGadgetResult/Label', message: /unexpected attribute lang on G:Label; its type has no attributes/ }] },
    { ...c(resp('<G:GadgetId unit="pcs">1</G:GadgetId><G:Label>L</G:Label>'), 'an attribute on an element of a built-in type'), errors: [{ message: /unexpected attribute unit on G:GadgetId/ }] },
  ],
});

ruleTester('attribute/value', {
  valid,
  invalid: [
    { ...c(resp('<G:Label>L</G:Label>', { attrs: ' xsi:type="G:GadgetEntity" version="one"' })), errors: [{ message: /version .* not a valid xsd:int/ }] },
    { ...c(resp('<G:Label>L</G:Label>', { attrs: ' xsi:type="G:GadgetEntity" version="1" kind="widget"' })), errors: [{ message: /its fixed value is "gadget"/ }] },
    { ...c(resp(null, { gadgets: '<G:Gadgets><G:Price currency="euro">1</G:Price></G:Gadgets>' })), errors: [{ message: /does not match the pattern \[A-Z\]\{3\}/ }] },
  ],
});

ruleTester('value/lexical', {
  valid,
  invalid: [
    { ...c(resp('<G:TableRight>Read Write</G:TableRight><G:Label>L</G:Label>'), 'a list item outside the enum'), errors: [{ message: /"Write" is not one of Read, Update, Delete/ }] },
    { ...c(resp('<G:Label>much too long</G:Label>'), 'maxLength'), errors: [{ message: /at most 10/ }] },
    { ...c(resp('<G:Label></G:Label>'), 'minLength'), errors: [{ message: /at least 1/ }] },
    { ...c(resp(null, { gadgets: '<G:Gadgets><G:Share>100.5</G:Share></G:Gadgets>' }), 'maxInclusive'), errors: [{ message: /above the maximum 100/ }] },
    { ...c(resp(null, { gadgets: '<G:Gadgets><G:Share>1.125</G:Share></G:Gadgets>' }), 'fractionDigits'), errors: [{ message: /3 fraction digits/ }] },
    { ...c(resp(null, { gadgets: '<G:Gadgets><G:Price>cheap</G:Price></G:Gadgets>' }), 'simple content'), errors: [{ message: /xsd:decimal|Money/ }] },
  ],
});

ruleTester('field/cardinality', {
  valid,
  invalid: [{ ...c(resp(null, { gadgets: '<G:Gadgets><G:Share>1</G:Share><G:Share>2</G:Share></G:Gadgets>' }), 'all: each at most once'), errors: [{ message: /G:Share occurs 2 times/ }] }],
});

ruleTester('field/nil', {
  valid,
  invalid: [
    { ...c(resp('<G:GadgetId xsi:nil="true"/><G:Label>L</G:Label>'), 'nil where not nillable'), errors: [{ message: /G:GadgetId is nil, but the contract's G:GadgetId is not nillable/ }] },
    { ...c(resp('<G:GadgetId xsi:nil="false">1</G:GadgetId><G:Label>L</G:Label>'), 'xsi:nil="false" where not nillable (strict, WSDL contract)'), errors: [{ message: /carries xsi:nil="false", but the contract's G:GadgetId is not nillable/ }] },
  ],
});
