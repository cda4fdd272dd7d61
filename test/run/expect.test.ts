/** Negative cases: judgeExpectation per kind of answer. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/checks/api.ts';
import { judgeExpectation } from '../../src/run/expect.ts';

const ENV11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const ENV12 = 'http://www.w3.org/2003/05/soap-envelope';
const fault11 = (code: string, reason: string) => `<s:Envelope xmlns:s="${ENV11}"><s:Body><s:Fault><faultcode>s:${code}</faultcode><faultstring>${reason}</faultstring></s:Fault></s:Body></s:Envelope>`;
const fault12 = (code: string, sub: string | null, reason: string) =>
  `<e:Envelope xmlns:e="${ENV12}" xmlns:x="urn:x"><e:Body><e:Fault><e:Code><e:Value>e:${code}</e:Value>${sub ? `<e:Subcode><e:Value>x:${sub}</e:Value></e:Subcode>` : ''}</e:Code><e:Reason><e:Text xml:lang="en">${reason}</e:Text></e:Reason></e:Fault></e:Body></e:Envelope>`;
const normal = `<s:Envelope xmlns:s="${ENV11}"><s:Body><r xmlns="urn:r"/></s:Body></s:Envelope>`;
const unexpected: Finding = { rule: 'fault/unexpected', severity: 'error', message: 'SOAP Fault instead of …', path: '/Envelope/Body/Fault' };
const status: Finding = { rule: 'http/status', severity: 'error', message: 'HTTP status 404 from …', path: '/' };

describe('judgeExpectation', () => {
  it.each([
    ['any fault, 1.1', { fault: {}, rules: [] }, fault11('Server', 'boom'), true],
    ['Client matches Sender', { fault: { code: 'Sender' }, rules: [] }, fault11('Client', 'bad ticket'), true],
    ['Sender matches Client', { fault: { code: 'Client' }, rules: [] }, fault12('Sender', null, 'bad ticket'), true],
    ['a subcode matches', { fault: { code: 'InvalidTicket' }, rules: [] }, fault12('Sender', 'InvalidTicket', 'x'), true],
    ['another code fails', { fault: { code: 'Sender' }, rules: [] }, fault11('Server', 'boom'), false],
    ['reason pattern holds', { fault: { reason: '(?:ticket|Ticket)' }, rules: [] }, fault11('Client', 'Invalid ticket'), true],
    ['reason pattern fails', { fault: { reason: '^Ticket' }, rules: [] }, fault11('Client', 'Invalid ticket'), false],
    ['a normal answer fails', { fault: {}, rules: [] }, normal, false],
    ['an HTML page fails', { fault: {}, rules: [] }, '<html><body>404</body></html>', false],
  ] as const)('%s', (_name, want, body, ok) => {
    const j = judgeExpectation({ ...want, rules: [...want.rules] }, body, 500, [unexpected]);
    expect(j.ok, j.messages.join('\n')).toBe(ok);
    // A fault was asked for, so fault/unexpected never counts against the step.
    expect(j.findings.some((f) => f.rule === 'fault/unexpected')).toBe(false);
  });

  it('expected rules must report, and their findings become warnings marked (expected)', () => {
    const j = judgeExpectation({ rules: ['http/status'] }, '<html/>', 404, [status]);
    expect(j.ok).toBe(true);
    expect(j.findings).toEqual([{ ...status, severity: 'warn', message: 'HTTP status 404 from … (expected)' }]);
    const none = judgeExpectation({ rules: ['http/status'] }, normal, 200, []);
    expect(none.ok).toBe(false);
    expect(none.messages).toEqual(['FAILED expected a finding of http/status, got none']);
  });

  it('without a fault expected, fault/unexpected stays an error', () => {
    const j = judgeExpectation({ rules: ['http/status'] }, fault11('Server', 'x'), 404, [status, unexpected]);
    expect(j.findings.find((f) => f.rule === 'fault/unexpected')?.severity).toBe('error');
  });
});
