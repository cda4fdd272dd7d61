/**
 * schema/xsd (libxml2's validator against the contract's `schemas:`) and expectation/failed (the
 * types file's `call-succeeded`: Succeeded false in a response header is a finding quoting the
 * exception's message). Valid cases draw no finding from any rule, schema/xsd included: the
 * contract rules and libxml2 agree on them.
 */
import { describe, expect, it } from 'vitest';
import { ruleTester, allFindingsOf, type Case } from '../support/rule-tester.ts';
import { gadgetResponse as resp, loadDemo9 } from './demo9.ts';
import { MAX_PLACEHOLDER_TEXT } from '../../../src/checks/rules/expectation-failed.ts';

const contract = await loadDemo9();
const c = (code: string, name?: string): Case => ({ code, contract, ...(name ? { name } : {}) });

const valid: Case[] = [
  c(resp(null)),
  c(resp('<G:TableRight>Read Update</G:TableRight><G:GadgetId>1</G:GadgetId><G:Label>L</G:Label>')),
  c(resp('<G:Code>c</G:Code><o:Note xmlns:o="urn:other">skipped</o:Note>')),
  c(resp(null, { gadgets: '<G:Gadgets><G:Share>12.5</G:Share><G:Price currency="EUR">9.99</G:Price></G:Gadgets>' })),
  c(resp('<G:Label>L</G:Label>', { header: '<G:Succeeded>true</G:Succeeded>' }), 'Succeeded true'),
  c(resp('<G:Label>L</G:Label>', { header: '<G:ExceptionInfo xsi:nil="true"/><G:Succeeded>true</G:Succeeded>' })),
  // SOAP's own attributes on a header block are the envelope's, not the schema's (gSOAP echoes blocks with mustUnderstand).
  c(resp('<G:Label>L</G:Label>', { header: '<G:Succeeded s:mustUnderstand="0" s:actor="http://schemas.xmlsoap.org/soap/actor/next">true</G:Succeeded>' }), 'SOAP 1.1 mustUnderstand and actor on a header block'),
  {
    ...c(resp('<G:Label>L</G:Label>', { version: '1.2', header: '<G:Succeeded s:mustUnderstand="false" s:role="http://www.w3.org/2003/05/soap-envelope/role/next" s:relay="false">true</G:Succeeded>' }), 'SOAP 1.2 mustUnderstand, role and relay on a header block'),
    rules: { 'envelope/version': 'off' },
  },
  c(resp('<G:Label s:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">L</G:Label>'), 'encodingStyle on an element of the body'),
];

ruleTester('schema/xsd', {
  valid,
  invalid: [
    { ...c(resp('<G:GadgetId>x</G:GadgetId><G:Label>L</G:Label>')), rules: { 'value/lexical': 'off' }, errors: [{ line: 1, message: /'x' is not a valid value of the atomic type 'xs:int'/ }] },
    { ...c(resp('<G:Label>L</G:Label>', { header: '<G:Succeeded>maybe</G:Succeeded>' }), 'a header block'), errors: [{ message: /Succeeded.*'maybe'/ }] },
    {
      ...c(resp('<G:Label>L</G:Label>', { header: '<G:Succeeded s:mustUnderstand="0" s:bogus="1" other="1">true</G:Succeeded>' }), 'only SOAP\'s own attributes are the envelope\'s'),
      rules: { 'attribute/unexpected': 'off' },
      errors: [{ message: /attribute '\{http:\/\/schemas.xmlsoap.org\/soap\/envelope\/\}bogus'/ }, { message: /attribute 'other'/ }],
    },
    {
      ...c(resp('<G:Label>L</G:Label>', { version: '1.2', header: '<G:Succeeded s:actor="x">true</G:Succeeded>' }), 'SOAP 1.1\'s actor is no SOAP 1.2 attribute'),
      rules: { 'attribute/unexpected': 'off' },
      errors: [{ message: /attribute '\{http:\/\/www.w3.org\/2003\/05\/soap-envelope\}actor'/ }],
    },
  ],
});

const failed = (message: string) => resp(null, { header: `<G:ExceptionInfo><G:Message>${message}</G:Message></G:ExceptionInfo><G:Succeeded>false</G:Succeeded>` });

ruleTester('expectation/failed', {
  valid,
  invalid: [
    { ...c(failed('Access denied')), errors: [{ path: '/Envelope', message: /^call-succeeded: the service says the call failed: Access denied$/, actual: /^true$/ }] },
    {
      ...c(resp(null, { version: '1.2', header: '<G:ExceptionInfo><G:Message>No</G:Message></G:ExceptionInfo><G:Succeeded>false</G:Succeeded>' }), 'SOAP 1.2: env is the message\'s envelope namespace'),
      errors: [{ message: /failed: No$/ }],
    },
    { ...c(failed('x'.repeat(5000)), 'a long message is bounded'), errors: [{ message: new RegExp(`failed: x{${MAX_PLACEHOLDER_TEXT - 1}}…$`) }] },
  ],
});

describe('expectation/failed', () => {
  it('is off by id, and does not apply to requests', () => {
    expect(allFindingsOf({ ...c(failed('Access denied')), rules: { 'expectation/failed': 'off' } }).filter((f) => f.rule === 'expectation/failed')).toEqual([]);
    expect(contract.expectations.map((e) => [e.id, e.applies])).toEqual([['call-succeeded', 'response']]);
  });
});
