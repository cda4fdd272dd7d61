import { ruleTester } from '../support/rule-tester.ts';
import { envelope } from '../support/contract.ts';
import { thing } from '../support/fixtures.ts';

const f11 = (inner: string) => envelope(`<soap:Fault>${inner}</soap:Fault>`);
const f12 = (inner: string) => envelope(`<soap:Fault>${inner}</soap:Fault>`, { version: '1.2' });
const CODE12 = '<soap:Code><soap:Value>soap:Receiver</soap:Value></soap:Code>';
const REASON12 = '<soap:Reason><soap:Text xml:lang="en">x</soap:Text></soap:Reason>';

ruleTester('fault/structure', {
  valid: [
    { code: f11('<faultcode>soap:Server</faultcode><faultstring>x</faultstring>'), contract: thing, reportedBy: ['fault/unexpected'] },
    { name: '1.1 application code in its own namespace', code: f11('<faultcode>t:Busy</faultcode><faultstring>x</faultstring>'), contract: thing, reportedBy: ['fault/unexpected'] },
    { name: '1.1 with actor and detail', code: f11('<faultcode>soap:Client</faultcode><faultstring>x</faultstring><faultactor>urn:a</faultactor><detail><t:X/></detail>'), contract: thing, reportedBy: ['fault/unexpected'] },
    { name: '1.2 full', code: f12(`${CODE12}${REASON12}<soap:Detail/>`), contract: thing, reportedBy: ['fault/unexpected', 'envelope/version'] },
    { name: '1.2 nested Subcodes with application codes', code: f12(`<soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value>t:BadInput</soap:Value><soap:Subcode><soap:Value>t:TooLong</soap:Value></soap:Subcode></soap:Subcode></soap:Code>${REASON12}`), contract: thing, reportedBy: ['fault/unexpected', 'envelope/version'] },
  ],
  invalid: [
    { name: '1.1 without faultstring', code: f11('<faultcode>soap:Server</faultcode>'), contract: thing, errors: [{ path: '/Envelope/Body/Fault', message: /no faultstring/ }] },
    { name: '1.1 qualified faultcode', code: f11('<soap:faultcode>soap:Server</soap:faultcode><faultstring>x</faultstring>'), contract: thing, errors: [{ message: /not allowed/ }, { message: /no faultcode/ }] },
    { name: '1.1 faultcode with undeclared prefix', code: f11('<faultcode>zz:Server</faultcode><faultstring>x</faultstring>'), contract: thing, errors: [{ path: '/Envelope/Body/Fault/faultcode' }] },
    { name: '1.1 faultcode in no namespace: a warning (WS-I BP R1004)', code: f11('<faultcode>Server</faultcode><faultstring>x</faultstring>'), contract: thing, errors: [{ path: '/Envelope/Body/Fault/faultcode', severity: 'warn', message: /Server is in no namespace/ }] },
    { name: '1.1 order', code: f11('<faultstring>x</faultstring><faultcode>soap:Server</faultcode>'), contract: thing, errors: [{ message: /out of order/ }] },
    { name: '1.2 without Reason', code: f12(CODE12), contract: thing, errors: [{ message: /no Reason/ }] },
    { name: '1.2 unknown code', code: f12(`<soap:Code><soap:Value>soap:Oops</soap:Value></soap:Code>${REASON12}`), contract: thing, errors: [{ message: /not one of the SOAP 1\.2 codes/ }] },
    { name: '1.2 Subcode without Value', code: f12(`<soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode/></soap:Code>${REASON12}`), contract: thing, errors: [{ path: '/Envelope/Body/Fault/Code/Subcode', message: /Subcode has no Value/ }] },
    { name: '1.2 Subcode Value with an undeclared prefix', code: f12(`<soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value>zz:X</soap:Value></soap:Subcode></soap:Code>${REASON12}`), contract: thing, errors: [{ path: '/Envelope/Body/Fault/Code/Subcode/Value', message: /not a QName with a declared prefix/ }] },
    { name: '1.2 Subcode with a stray child', code: f12(`<soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value>t:X</soap:Value><t:Why/></soap:Subcode></soap:Code>${REASON12}`), contract: thing, errors: [{ message: /t:Why is not allowed/ }] },
    { name: '1.2 Text without xml:lang', code: f12(`${CODE12}<soap:Reason><soap:Text>x</soap:Text></soap:Reason>`), contract: thing, errors: [{ message: /xml:lang/ }] },
  ],
});
