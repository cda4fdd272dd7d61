import { ruleTester } from '../support/rule-tester.ts';
import { envelope, makeContract } from '../support/contract.ts';
import { thing, resp, OK_THING } from '../support/fixtures.ts';

const ct = (v?: string) => ({ status: 200, headers: { 'content-type': v } });
const v12 = makeContract({ soap: '1.2' });
/** The envelope as the root part of a multipart/related message with boundary b. */
const multipart = (env: string, rootType: string) => `--b\r\nContent-Type: ${rootType}\r\nContent-ID: <root>\r\n\r\n${env}\r\n--b--\r\n`;

ruleTester('http/content-type', {
  valid: [
    { code: resp(OK_THING), contract: thing, http: ct('text/xml; charset=utf-8') },
    { name: 'case and spacing do not matter', code: resp(OK_THING), contract: thing, http: ct('Text/XML;charset="UTF-8"') },
    { name: '1.2 with action parameter', code: envelope('<t:GetThingResponse/>', { version: '1.2' }), contract: v12, http: ct('application/soap+xml; charset=utf-8; action="x"') },
    { name: 'a charset that disagrees with the declaration is http/charset, not this rule', code: resp(OK_THING), contract: thing, http: ct('text/xml; charset=iso-8859-1'), reportedBy: ['http/charset'] },
    { name: 'SOAP with Attachments: multipart/related naming text/xml as its root type', code: multipart(resp(OK_THING), 'text/xml; charset=utf-8'), contract: thing, http: ct('multipart/related; boundary=b; type="text/xml"; start="<root>"') },
    { name: 'MTOM: multipart/related of application/xop+xml whose start-info is text/xml', code: multipart(resp(OK_THING), 'application/xop+xml; charset=UTF-8; type="text/xml"'), contract: thing, http: ct('Multipart/Related; boundary=b; type="application/xop+xml"; start-info="text/xml"') },
    { name: 'a quoted parameter before charset may hold ";"', code: envelope('<t:GetThingResponse/>', { version: '1.2' }), contract: v12, http: ct('application/soap+xml; charset=utf-8; action="urn:a;charset=latin1"') },
  ],
  invalid: [
    { name: '1.2 media type for a 1.1 contract', code: resp(OK_THING), contract: thing, http: ct('application/soap+xml'), errors: [{ message: /not text\/xml/ }] },
    { name: 'text/html', code: resp(OK_THING), contract: thing, http: ct('text/html'), errors: [{ path: '/' }] },
    { name: 'multipart/related whose root is SOAP 1.2 for a 1.1 contract', code: multipart(resp(OK_THING), 'application/xop+xml; type="application/soap+xml"'), contract: thing, http: ct('multipart/related; boundary=b; type="application/xop+xml"; start-info="application/soap+xml"'), errors: [{ message: /root part is application\/soap\+xml, not text\/xml/ }] },
    { name: 'multipart/related without a type parameter', code: multipart(resp(OK_THING), 'text/xml'), contract: thing, http: ct('multipart/related; boundary=b'), errors: [{ message: /no type parameter/ }] },
    { name: 'missing', code: resp(OK_THING), contract: thing, http: ct(undefined), errors: [{ message: /no Content-Type/ }] },
  ],
});
