import { ruleTester } from '../support/rule-tester.ts';
import { envelope, makeContract } from '../support/contract.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

const h = (status: number) => ({ status, headers: { 'content-type': 'text/xml; charset=utf-8' } });
const URL = 'http://127.0.0.1:8080/Remote/Services88/User.svc';
const html = (status: number) => ({ status, url: URL, headers: { 'content-type': 'text/html' } });
const NOT_FOUND = '<html><body><h1>404 Not Found</h1></body></html>';
const fault11 = envelope('<soap:Fault><faultcode>soap:Server</faultcode><faultstring>boom</faultstring></soap:Fault>');
const v12 = makeContract({ soap: '1.2' });
const fault12 = (code: string) => envelope(`<soap:Fault><soap:Code><soap:Value>soap:${code}</soap:Value></soap:Code><soap:Reason><soap:Text xml:lang="en">x</soap:Text></soap:Reason></soap:Fault>`, { version: '1.2' });

ruleTester('http/status', {
  valid: [
    { code: resp(OK_THING), contract: thing, http: h(200) },
    { name: '1.1 fault with 500', code: fault11, contract: thing, http: h(500), reportedBy: ['fault/unexpected'] },
    { name: '1.2 Sender fault with 400', code: fault12('Sender'), contract: v12, http: h(400), reportedBy: ['fault/unexpected', 'http/content-type'] },
    { name: '1.2 Receiver fault with 500', code: fault12('Receiver'), contract: v12, http: h(500), reportedBy: ['fault/unexpected', 'http/content-type'] },
    { name: 'no HTTP facts: not checked', code: resp(OK_THING), contract: thing },
    { name: 'HTML body with 200: the body is the problem (envelope rules), not the status', code: NOT_FOUND, contract: thing, http: html(200), reportedBy: ['envelope/not-xml', 'http/content-type'] },
  ],
  invalid: [
    { name: '500 for a normal response', code: resp(OK_THING), contract: thing, http: h(500), errors: [{ path: '/', message: /200/ }] },
    { name: '200 for a fault', code: fault11, contract: thing, http: h(200), errors: [{ path: '/Envelope/Body/Fault' }] },
    { name: '1.2 Receiver fault with 400', code: fault12('Receiver'), contract: v12, http: h(400), errors: [{ message: /500/ }] },
    { name: '404 with an HTML body names the status and the URL', code: NOT_FOUND, contract: thing, http: html(404), errors: [{ path: '/', message: /^HTTP status 404 from http:\/\/127\.0\.0\.1:8080\/Remote\/Services88\/User\.svc, and the body is no SOAP envelope/, actual: /^404$/ }] },
    { name: '502 with a plain-text body', code: 'Bad Gateway', contract: thing, http: { ...html(502), headers: { 'content-type': 'text/plain' } }, errors: [{ message: /HTTP status 502 from http:/ }] },
    { name: '500 with an empty body (no Fault to justify it)', code: '', contract: thing, http: html(500), errors: [{ message: /HTTP status 500/ }] },
    { name: 'XML that is no envelope, with 403', code: '<error>forbidden</error>', contract: v12, http: html(403), errors: [{ message: /HTTP status 403 .*SOAP 1\.2 endpoint answers 200, or 400\/500 with a Fault/ }] },
    { name: 'a normal response with 500 names the URL when known', code: resp(OK_THING), contract: thing, http: { ...h(500), url: URL }, errors: [{ message: /HTTP status 500 from http:\/\/127\.0\.0\.1:8080\/Remote/ }] },
  ],
});
