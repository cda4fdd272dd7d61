/**
 * The shipped SuperOffice packs state NetServer's failure convention as a pack-level expectation
 * (types.yaml `call-succeeded`): a WCF-style failure answer — Succeeded false, an ExceptionInfo
 * saying "Access denied", an empty response element — no longer passes in either profile.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../../src/contract/load.ts';
import { checkMessage, compileContract } from '../../src/checks/index.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const NS = (v: string) => `http://www.superoffice.net/ws/crm/NetServer/Services${v}`;
const answer = (v: string, succeeded: string, message: string, response = 'GetUserResponse') => `<?xml version="1.0" encoding="utf-8"?>
<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
  <s:Header>
    <ExceptionInfo xmlns="${NS(v)}"><Message>${message}</Message><StackTrace>at SoSession.Check()</StackTrace></ExceptionInfo>
    <Succeeded xmlns="${NS(v)}">${succeeded}</Succeeded>
  </s:Header>
  <s:Body><${response} xmlns="${NS(v)}"/></s:Body>
</s:Envelope>`;

describe('the SuperOffice call-succeeded expectation', () => {
  const cases = [...['86', '87', '88'].map((v) => [v, 'User', 'GetUser'] as const), ['88', 'Favourite', 'IsFavourite'] as const];
  for (const [v, service, operation] of cases) {
    it(`Services${v} ${operation}: Succeeded false is a finding quoting the exception, in both profiles`, async () => {
      const { contracts } = await loadContracts([join(REPO_ROOT, 'contracts', 'superoffice', `Services${v}`, service, `${operation}.yaml`)]);
      const plan = compileContract(contracts[0]!);
      for (const profile of ['strict', 'compatible'] as const) {
        const failed = checkMessage(plan, { direction: 'response', body: answer(v, 'false', 'Access denied', `${operation}Response`) }, { profile }).findings.filter((f) => f.rule === 'expectation/failed');
        expect(failed.map((f) => [f.severity, f.message])).toEqual([['error', 'call-succeeded: the service says the call failed (Succeeded is false): Access denied']]);
        const ok = checkMessage(plan, { direction: 'response', body: answer(v, 'true', '', `${operation}Response`) }, { profile }).findings.filter((f) => f.rule === 'expectation/failed');
        expect(ok).toEqual([]);
      }
    });
  }
});
