/**
 * node-soap's own request/response samples (../shared/corpus/node-soap/request-response-samples):
 * each folder's soap.wsdl goes through `import wsdl`, and its request.xml and response.xml are
 * checked (strict, every rule, schema/xsd included) against the contract whose body element they
 * carry. The test prints the counts and fails when they get worse than the floors below — the
 * state measured when it was written, far from the goal of 90 % (see docs/real-stacks.md).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { importWsdl } from '../../src/import/wsdl.ts';
import { loadContracts } from '../../src/contract/load.ts';
import { checkMessage, compileContract, type Finding } from '../../src/checks/index.ts';
import { childElements, parseXml } from '../../src/xml/index.ts';
import { describeShared, NODE_SOAP_DIR } from '../support/corpus.ts';

/** Floors: folders whose WSDL imports; of those, folders whose samples check clean (with / without schema/xsd). */
const FLOOR = { imported: 90, clean: 10, cleanContractRules: 33 };

interface Outcome { folder: string; imported: boolean; findings: Finding[]; unmatched: string[] }

async function checkFolder(dir: string, folder: string): Promise<Outcome> {
  const out = mkdtempSync(join(tmpdir(), 'soapcheck-node-soap-'));
  try {
    await importWsdl({ inputs: [join(dir, 'soap.wsdl')], out });
    const { contracts } = await loadContracts([out]);
    if (contracts.length === 0) return { folder, imported: false, findings: [], unmatched: [] };
    const findings: Finding[] = [];
    const unmatched: string[] = [];
    for (const direction of ['request', 'response'] as const) {
      const file = join(dir, `${direction}.xml`);
      if (!existsSync(file)) continue;
      const body = readFileSync(file, 'utf8');
      const parsed = parseXml(body);
      const bodyEl = parsed.ok ? childElements(parsed.doc.root).find((c) => c.local === 'Body') : undefined;
      const el = bodyEl ? childElements(bodyEl)[0] : undefined;
      const c = el && (contracts.find((x) => x[direction].body.name.local === el.local && x[direction].body.name.ns === el.ns) ?? contracts.find((x) => x[direction].body.name.local === el.local));
      if (!c) {
        unmatched.push(`${direction}.xml`);
        continue;
      }
      findings.push(...checkMessage(compileContract(c), { direction, body }, { profile: 'strict' }).findings.filter((f) => f.severity === 'error'));
    }
    return { folder, imported: true, findings, unmatched };
  } catch {
    return { folder, imported: false, findings: [], unmatched: [] };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

describeShared("node-soap's request-response samples against their own WSDL", () => {
  const outcomes: Outcome[] = [];
  beforeAll(async () => {
    const root = join(NODE_SOAP_DIR, 'request-response-samples');
    for (const folder of readdirSync(root).sort()) {
      if (existsSync(join(root, folder, 'soap.wsdl'))) outcomes.push(await checkFolder(join(root, folder), folder));
      else outcomes.push({ folder, imported: false, findings: [], unmatched: [] });
    }
  }, 300_000);

  it('imports and checks clean at least as many folders as when this test was written', () => {
    const imported = outcomes.filter((o) => o.imported);
    const clean = imported.filter((o) => o.findings.length === 0 && o.unmatched.length === 0);
    const cleanContractRules = imported.filter((o) => o.unmatched.length === 0 && o.findings.every((f) => f.rule === 'schema/xsd'));
    const byRule = new Map<string, number>();
    for (const o of imported) for (const f of o.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    console.log(
      `node-soap samples: ${outcomes.length} folders, ${imported.length} import, ${clean.length} check clean ` +
        `(${cleanContractRules.length} with the contract rules alone); findings by rule: ${[...byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ')}`,
    );
    expect(imported.length).toBeGreaterThanOrEqual(FLOOR.imported);
    expect(clean.length).toBeGreaterThanOrEqual(FLOOR.clean);
    expect(cleanContractRules.length).toBeGreaterThanOrEqual(FLOOR.cleanContractRules);
  });
});
