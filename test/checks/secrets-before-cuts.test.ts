/**
 * Findings quote the message, shortened. With CheckConfig.mask (what `soapcheck run` passes: its redactor),
 * secrets are masked BEFORE any quote is cut, so no cut leaves the start of a secret behind (issue 10, item 3).
 */
import { describe, expect, it } from 'vitest';
import { checkMessage } from '../../src/checks/index.ts';
import { compileContract } from '../../src/checks/compiled.ts';
import { Redactor } from '../../src/secrets/redact.ts';
import { envelope } from './support/contract.ts';
import { OK_THING, resp, thing } from './support/fixtures.ts';

// Lower case: the media type of a Content-Type is quoted lower-cased.
const TICKET = '7t:secret-ticket-0123456789-abcdefghij';
const redactor = new Redactor({ secrets: [TICKET] });
const config = { profile: 'strict' as const, mask: (t: string) => redactor.redactText(t) };
const plan = compileContract(thing);

/** Every text of every finding, and whether any keeps the start of the ticket (its first 12 characters). */
function leaks(body: string, http?: { status?: number; headers: Record<string, string> }): string[] {
  const { findings } = checkMessage(plan, { direction: 'response', body, ...(http ? { http } : {}) }, config);
  expect(findings.length).toBeGreaterThan(0);
  return findings.flatMap((f) => [f.message, f.expected ?? '', f.actual ?? '']).filter((t) => t.includes(TICKET.slice(0, 12)));
}

describe('a secret straddling a cut is masked before the cut', () => {
  it('the quoted value (cut at 60 characters): value/lexical', () => {
    expect(leaks(resp(`<t:Id>${'x'.repeat(45)}${TICKET}</t:Id><t:Name>n</t:Name>`))).toEqual([]);
  });

  it('the fault reason (cut at 200 characters): fault/unexpected', () => {
    const fault = envelope(`<soap:Fault><faultcode>soap:Server</faultcode><faultstring>${'r'.repeat(180)}${TICKET}</faultstring></soap:Fault>`);
    expect(leaks(fault)).toEqual([]);
  });

  it('the start of a body that is not XML (cut at 24 characters): envelope/not-xml', () => {
    expect(leaks(`ticket ${TICKET} is not valid`)).toEqual([]);
  });

  it('a whole finding text (cut at 1,000 characters): http/content-type quoting a hostile header', () => {
    const ct = `x/${'y'.repeat(980)}${TICKET}`;
    expect(leaks(resp(OK_THING), { status: 200, headers: { 'content-type': ct } })).toEqual([]);
  });

  it('without a mask the same quotes keep the start of the secret (what the mask prevents)', () => {
    const { findings } = checkMessage(plan, { direction: 'response', body: resp(`<t:Id>${'x'.repeat(45)}${TICKET}</t:Id><t:Name>n</t:Name>`) }, { profile: 'strict' });
    expect(findings.map((f) => f.actual ?? '').join(' ')).toContain(TICKET.slice(0, 12));
  });
});
