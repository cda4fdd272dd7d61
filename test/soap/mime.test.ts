/**
 * The envelope in a multipart/related message (SOAP with Attachments, MTOM/XOP): which part is the
 * root, how a saved message without HTTP headers is recognised, what a broken or hostile one gives,
 * and how the checks read it (the root's envelope, xop:Include replaced by the part's base64,
 * line numbers of the whole message).
 */
import { describe, expect, it } from 'vitest';
import { multipartOf, MAX_MIME_PARTS, partByCid } from '../../src/soap/mime.ts';
import { envelopeOfMultipart } from '../../src/soap/xop.ts';
import { checkMessage, compileContract } from '../../src/checks/index.ts';
import { envelope, f, makeContract } from '../checks/support/contract.ts';

const ENV = '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body><x/></s:Body></s:Envelope>';
const part = (headers: string[], body: string, boundary = 'b') => `--${boundary}\r\n${headers.join('\r\n')}\r\n\r\n${body}\r\n`;
const close = (boundary = 'b') => `--${boundary}--\r\n`;
const text = (b: Uint8Array | string) => (typeof b === 'string' ? b : Buffer.from(b).toString('utf8'));

describe('multipartOf', () => {
  it('is not a multipart message: another Content-Type, or a body that does not open with a boundary and headers', () => {
    expect(multipartOf(ENV, 'text/xml; charset=utf-8')).toBeUndefined();
    expect(multipartOf(ENV)).toBeUndefined();
    expect(multipartOf('--not a boundary line because no header follows\r\n<x/>')).toBeUndefined();
  });

  it('the root is the first part, or the one the start parameter names by Content-ID', () => {
    const body = part(['Content-Type: image/png', 'Content-ID: <img>'], 'PNG') + part(['Content-Type: text/xml', 'Content-ID: <env@x>'], ENV) + close();
    const first = multipartOf(body, 'multipart/related; boundary=b; type="text/xml"');
    expect(first?.ok && first.message.root.contentId).toBe('img');
    const named = multipartOf(body, 'multipart/related; boundary="b"; type="text/xml"; start="<env@x>"');
    expect(named?.ok && text(named.message.root.body)).toBe(ENV);
    expect(named?.ok && named.message.parts.length).toBe(2);
  });

  it('without HTTP headers, a saved message that opens with its boundary line is read (LF line ends too)', () => {
    const body = `\n--MIME_b\nContent-Type: application/xop+xml; charset=UTF-8; type="text/xml"\nContent-Transfer-Encoding: binary\n\n${ENV}\n--MIME_b--\n`;
    const r = multipartOf(body);
    expect(r?.ok && { xop: r.message.xop, type: r.message.envelopeType, body: text(r.message.root.body), line: r.message.root.line }).toEqual({ xop: true, type: 'text/xml', body: ENV, line: 6 });
  });

  it.each([
    ['no boundary parameter', part(['Content-Type: text/xml'], ENV) + close(), 'multipart/related', /no boundary parameter/],
    ['no delimiter of that boundary', part(['Content-Type: text/xml'], ENV, 'other') + close('other'), 'multipart/related; boundary=b', /no delimiter line --b/],
    ['no closing delimiter', `--b\r\nContent-Type: text/xml\r\n\r\n${ENV}`, 'multipart/related; boundary=b', /no closing delimiter/],
    ['headers that never end', `--b\r\nContent-Type: text/xml\r\n${'X-A: 1\r\n'.repeat(5000)}`, 'multipart/related; boundary=b', /headers of part 1 do not end/],
    ['a header line without a colon', `--b\r\nnonsense\r\n\r\n${ENV}\r\n--b--`, 'multipart/related; boundary=b', /header line without a colon/],
    ['start naming no part', part(['Content-Type: text/xml', 'Content-ID: <a>'], ENV) + close(), 'multipart/related; boundary=b; start="<z>"', /no part has the Content-ID <z>/],
    ['a base64 root', part(['Content-Type: text/xml', 'Content-Transfer-Encoding: base64'], Buffer.from(ENV).toString('base64')) + close(), 'multipart/related; boundary=b', /Content-Transfer-Encoding base64 is not supported/],
  ])('%s is a clear error', (_name, body, contentType, message) => {
    const r = multipartOf(body, contentType);
    expect(r?.ok).toBe(false);
    expect(r && !r.ok && r.message).toMatch(message);
  });

  it(`refuses more than ${MAX_MIME_PARTS} parts`, () => {
    const body = part(['Content-Type: text/xml'], ENV) + part(['Content-Type: text/plain'], 'x').repeat(MAX_MIME_PARTS) + close();
    const r = multipartOf(body, 'multipart/related; boundary=b');
    expect(r && !r.ok && r.message).toMatch(/more than 256 parts/);
  });

  it('partByCid finds a part by its %-escaped cid: URL, decoding base64 transfer encoding', () => {
    const body = part(['Content-Type: text/xml'], ENV) + part(['Content-ID: <a b@x>', 'Content-Transfer-Encoding: base64'], Buffer.from('hello').toString('base64')) + close();
    const r = multipartOf(body, 'multipart/related; boundary=b');
    expect(r?.ok).toBe(true);
    if (!r?.ok) return;
    expect(partByCid(r.message, 'cid:a%20b@x')?.toString()).toBe('hello');
    expect(partByCid(r.message, 'cid:none')).toBeUndefined();
    expect(partByCid(r.message, 'http://a b@x')).toBeUndefined();
  });
});

describe('checks of a multipart/related message', () => {
  const contract = makeContract({
    request: { body: f('t:Put', { fields: [f('t:Id', { type: 'xsd:int' })] }) },
    response: { body: f('t:PutResponse', { fields: [f('t:Data', { type: 'xsd:base64Binary' }), f('t:Name', { type: 'xsd:string' })] }) },
  });
  const plan = compileContract(contract);
  const XOP = 'http://www.w3.org/2004/08/xop/include';
  const mtom = (data: string, attachment = 'hello') =>
    part(['Content-Type: application/xop+xml; charset=UTF-8; type="text/xml"', 'Content-ID: <root>'], envelope(`<t:PutResponse xmlns:xop="${XOP}">\n<t:Data>${data}</t:Data>\n<t:Name>n</t:Name></t:PutResponse>`)) +
    part(['Content-Type: application/octet-stream', 'Content-ID: <att@x>', 'Content-Transfer-Encoding: binary'], attachment) + close();
  const check = (body: string, contentType?: string) =>
    checkMessage(plan, { direction: 'response', body, ...(contentType ? { http: { status: 200, headers: { 'content-type': contentType } } } : {}) }, { profile: 'strict' }).findings;
  const MTOM_CT = 'multipart/related; boundary=b; type="application/xop+xml"; start="<root>"; start-info="text/xml"';

  it('an MTOM response whose base64Binary field is an xop:Include of a part checks clean, over HTTP and saved', () => {
    expect(check(mtom('<xop:Include href="cid:att@x"/>'), MTOM_CT)).toEqual([]);
    expect(check(mtom('<xop:Include href="cid:att@x"></xop:Include>'))).toEqual([]);
  });

  it('the reconstructed envelope holds the part as base64', () => {
    const r = envelopeOfMultipart(mtom('<xop:Include href="cid:att@x"/>'), MTOM_CT);
    expect(r?.ok && text(r.envelope.body)).toContain(`<t:Data>${Buffer.from('hello').toString('base64')}`);
  });

  it('an xop:Include naming no part, or an Include in another namespace, stays an element where a value is expected (line of the whole message)', () => {
    const missing = check(mtom('<xop:Include href="cid:nothing"/>'), MTOM_CT);
    expect(missing.map((x) => [x.rule, x.line])).toEqual([['value/lexical', 8]]);
    const foreign = check(mtom('<xop:Include xmlns:xop="urn:other" href="cid:att@x"/>'), MTOM_CT);
    expect(foreign.map((x) => x.rule)).toEqual(['value/lexical']);
  });

  it('SOAP with Attachments: the envelope in the root part is checked, a finding at its line in the whole message', () => {
    const swa = part(['Content-Type: text/xml; charset=utf-8', 'Content-ID: <root>'], envelope('<t:PutResponse>\n<t:Data>aGVsbG8=</t:Data>\n<t:Name>n</t:Name><t:Extra/></t:PutResponse>')) + close();
    const findings = check(swa, 'multipart/related; boundary=b; type="text/xml"; start="<root>"');
    expect(findings.map((x) => [x.rule, x.line])).toEqual([['field/unexpected', 9]]);
  });

  it('a broken multipart message is envelope/not-xml saying what is wrong', () => {
    const findings = check(`--b\r\nContent-Type: text/xml\r\n\r\n${envelope('<t:PutResponse/>')}`, 'multipart/related; boundary=b; type="text/xml"');
    expect(findings.filter((x) => x.rule === 'envelope/not-xml').map((x) => x.message)).toEqual([expect.stringMatching(/no closing delimiter --b--/)]);
  });

  it('a multipart message over the size limit is not read: the size is reported', () => {
    const findings = checkMessage(plan, { direction: 'response', body: mtom('<xop:Include href="cid:att@x"/>'), http: { status: 200, headers: { 'content-type': MTOM_CT } } }, { profile: 'strict', maxBytes: 100 }).findings;
    expect(findings.map((x) => x.rule)).toContain('envelope/not-xml');
    expect(findings.find((x) => x.rule === 'envelope/not-xml')?.message).toMatch(/bytes|large|limit/i);
  });
});
