/**
 * Acceptance over the real pages: every request and response example in ../shared/seeds and
 * ../shared/corpus/superoffice-docs validates against the contract imported from it — the shipped
 * one where the shipped pack is docs-derived — (profile strict)
 * with no findings other than the documented envelope/structure finding for header blocks
 * outside soap:Header. And the node-soap samples (no contracts) go through the checker
 * without a crash.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeShared, NODE_SOAP_DIR, REPO_ROOT, SEEDS_DIR, SUPEROFFICE_DOCS_DIR } from '../support/corpus.ts';
import { loadContracts } from '../../src/contract/load.ts';
import type { Contract } from '../../src/contract/model.ts';
import { importDocs } from '../../src/import/docs.ts';
import { readDocPage } from '../../src/import/docs/page.ts';
import { checkMessage, compileContract, type Finding } from '../../src/checks/index.ts';
import { makeContract } from './support/contract.ts';

const PACK = join(REPO_ROOT, 'contracts', 'superoffice');

function files(dir: string, re: RegExp): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, re) : re.test(n) ? [p] : [];
  });
}

/** The one finding the vendor examples are documented to give. */
const headerQuirk = (f: Finding) => f.rule === 'envelope/structure' && /directly under Envelope instead of inside Header/.test(f.message);

describeShared('checks over the SuperOffice documentation examples (strict)', () => {
  // The contracts the pages give: the shipped pack where it is docs-derived, and for the User
  // agents whose shipped pack follows the WSDL, the docs import of their pages (what the pages
  // say against the WSDL is crosscheck's subject: docs/examples/crosscheck-*.md).
  let contracts: Contract[] = [];
  let tmp = '';
  beforeAll(async () => {
    if (!existsSync(PACK)) return;
    const out = await loadContracts([PACK]);
    expect(out.problems).toEqual([]);
    tmp = mkdtempSync(join(tmpdir(), 'soapcheck-corpus-checks-'));
    await importDocs({ inputs: [SUPEROFFICE_DOCS_DIR, SEEDS_DIR], out: tmp });
    const docs = await loadContracts([tmp]);
    expect(docs.problems).toEqual([]);
    const fromPages = (c: Contract) => c.source?.importer === 'docs';
    const key = (c: Contract) => `${c.version}/${c.service}/${c.operation}`;
    const replaced = new Set(out.contracts.filter((c) => !fromPages(c)).map(key));
    expect(replaced.size).toBeGreaterThan(200);
    contracts = [...out.contracts.filter(fromPages), ...docs.contracts.filter((c) => replaced.has(key(c)))];
  }, 120_000);
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it.skipIf(!existsSync(PACK))('every example has only the documented findings', () => {
    const pages = [...files(SEEDS_DIR, /\.(md|txt)$/), ...files(SUPEROFFICE_DOCS_DIR, /\.md$/)];
    let examples = 0;
    const unexpected: string[] = [];
    let quirkFindings = 0;
    let requests = 0;
    for (const file of pages) {
      const r = readDocPage(readFileSync(file, 'utf8'));
      if (!r.ok) continue;
      const { version, agent, operation } = r.page;
      const contract = contracts.find((c) => c.version === version && c.service === agent && c.operation === operation);
      if (!contract) { unexpected.push(`${file}: no shipped contract for ${version}/${agent}/${operation}`); continue; }
      const plan = compileContract(contract);
      for (const ex of r.page.examples) {
        examples++;
        if (ex.role === 'request') requests++;
        const { findings } = checkMessage(plan, { direction: ex.role, body: ex.text }, { profile: 'strict' });
        for (const f of findings) {
          if (headerQuirk(f)) { quirkFindings++; continue; }
          unexpected.push(`${file} (${ex.role}) line ${f.line}: ${f.rule} ${f.message}`);
        }
      }
    }
    expect(unexpected).toEqual([]);
    expect(examples).toBeGreaterThan(400);
    // Every request example puts its header blocks under Envelope: the quirk is found once per request.
    expect(quirkFindings).toBe(requests);
    expect(requests).toBeGreaterThan(200);
  });

  it.skipIf(!existsSync(PACK))('a Services84 response checked against the Services87 contract is one namespace/mismatch', () => {
    const page = join(SUPEROFFICE_DOCS_DIR, 'Services84', 'User', 'GetUntrustedCredentials.md');
    const c87 = contracts.find((c) => c.version === 'Services87' && c.service === 'User' && c.operation === 'GetUntrustedCredentials');
    expect(c87).toBeDefined();
    const r = readDocPage(readFileSync(page, 'utf8'));
    if (!r.ok) throw new Error(r.reason);
    const response = r.page.examples.find((e) => e.role === 'response')!;
    const findings = checkMessage(compileContract(c87!), { direction: 'response', body: response.text }, { profile: 'strict' }).findings;
    expect(findings.map((f) => [f.rule, f.path])).toEqual([['namespace/mismatch', '/Envelope/Body/GetUntrustedCredentialsResponse']]);
  });
});

describeShared('node-soap request/response samples through the checker (robustness)', () => {
  it('every sample yields a result without throwing', () => {
    const samples = files(NODE_SOAP_DIR, /^(request|response)\.xml$/);
    expect(samples.length).toBeGreaterThan(50);
    const plan = compileContract(makeContract());
    let parsed = 0;
    for (const file of samples) {
      const body = readFileSync(file);
      const out = checkMessage(plan, { direction: file.endsWith('request.xml') ? 'request' : 'response', body }, { profile: 'compatible' });
      if (out.doc) parsed++;
      for (const f of out.findings) expect(f.rule).toMatch(/\//);
    }
    expect(parsed).toBeGreaterThan(samples.length / 2);
  });
});
