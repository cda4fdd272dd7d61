/** The WSDL-style fixture contract of test/fixtures/checks/wsdl (Demo9 GetGadget) and messages for it. */
import { join } from 'node:path';
import { loadContracts } from '../../../src/contract/load.ts';
import type { Contract } from '../../../src/contract/model.ts';
import { REPO_ROOT } from '../../support/corpus.ts';

export const G = 'http://example.test/ws/Demo9';

export async function loadDemo9(): Promise<Contract> {
  const { contracts, problems } = await loadContracts([join(REPO_ROOT, 'test', 'fixtures', 'checks', 'wsdl')]);
  if (problems.length > 0) throw new Error(JSON.stringify(problems, null, 1));
  return contracts.find((c) => c.operation === 'GetGadget')!;
}

/** A GetGadget response with `result` inside GetGadgetResult (attributes on it given separately) and optional headers. */
export function gadgetResponse(result: string | null, opts: { attrs?: string; gadgets?: string; header?: string; version?: '1.1' | '1.2' } = {}): string {
  const env = opts.version === '1.2' ? 'http://www.w3.org/2003/05/soap-envelope' : 'http://schemas.xmlsoap.org/soap/envelope/';
  const r = result === null ? '' : `<G:GetGadgetResult${opts.attrs ?? ' xsi:type="G:GadgetEntity" version="1"'}>${result}</G:GetGadgetResult>`;
  const header = opts.header !== undefined ? `<s:Header>${opts.header}</s:Header>` : '';
  return `<s:Envelope xmlns:s="${env}" xmlns:G="${G}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">${header}<s:Body><G:GetGadgetResponse>${r}${opts.gadgets ?? ''}</G:GetGadgetResponse></s:Body></s:Envelope>`;
}
