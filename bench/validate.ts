/**
 * bench/validate — CPU time per message of parse-only against parse-and-check, over the same
 * messages in one run. Goal: parse+check / parse ≤ 2.0 (checking costs no more than the parse).
 *
 *   npx tsx bench/validate.ts [--rounds N]
 *
 * Messages: every request/response example of the shipped SuperOffice contracts' source pages
 * (../shared), each checked against its own contract; else the test fixtures.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContracts } from '../src/contract/load.ts';
import type { Contract } from '../src/contract/model.ts';
import { readDocPage } from '../src/import/docs/page.ts';
import { checkMessage, compileContract, RULES, type CompiledContract } from '../src/checks/index.ts';
import { parseXml } from '../src/xml/parse.ts';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const shared = process.env.SOAPCHECK_CORPUS ? resolve(process.env.SOAPCHECK_CORPUS) : resolve(root, '..', 'shared');
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 5;

interface Sample { plan: CompiledContract; direction: 'request' | 'response'; body: string }

function files(dir: string, re: RegExp): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p, re) : re.test(n) ? [p] : [];
  });
}

async function corpusSamples(): Promise<Sample[]> {
  const pack = join(root, 'contracts', 'superoffice');
  const docs = join(shared, 'corpus', 'superoffice-docs');
  if (!existsSync(pack) || !existsSync(docs)) return [];
  const { contracts } = await loadContracts([pack]);
  const byKey = new Map<string, Contract>(contracts.map((c) => [`${c.version}/${c.service}/${c.operation}`, c]));
  const out: Sample[] = [];
  for (const file of [...files(join(shared, 'seeds'), /\.(md|txt)$/), ...files(docs, /\.md$/)]) {
    const r = readDocPage(readFileSync(file, 'utf8'));
    if (!r.ok) continue;
    const c = byKey.get(`${r.page.version}/${r.page.agent}/${r.page.operation}`);
    if (!c) continue;
    for (const ex of r.page.examples) out.push({ plan: compileContract(c), direction: ex.role, body: ex.text });
  }
  return out;
}

async function fixtureSamples(): Promise<Sample[]> {
  const { contracts } = await loadContracts([join(root, 'test', 'fixtures', 'checks', 'contracts')]);
  const get = contracts.find((c) => c.operation === 'GetWidget')!;
  const msgs = files(join(root, 'test', 'fixtures', 'checks', 'messages'), /^get-.*\.xml$/);
  return msgs.map((m) => ({ plan: compileContract(get), direction: m.includes('request') ? 'request' as const : 'response' as const, body: readFileSync(m, 'utf8') }));
}

/** CPU milliseconds (user + system, this process) of ROUNDS passes: on a shared machine, time spent waiting for a core is not counted. */
function time(samples: Sample[], fn: (s: Sample) => void): number {
  const t0 = process.cpuUsage();
  for (let r = 0; r < ROUNDS; r++) for (const s of samples) fn(s);
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

const corpus = await corpusSamples();
const samples = corpus.length > 0 ? corpus : await fixtureSamples();
const source = corpus.length > 0 ? 'SuperOffice documentation examples' : 'test fixtures (shared corpus not found)';
const bytes = samples.reduce((n, s) => n + Buffer.byteLength(s.body), 0);

const parseOnly = (s: Sample) => { parseXml(s.body); };
// The contract rules; schema/xsd (libxml2's validator, a second opinion) is measured on its own below.
const CONTRACT_RULES = { 'schema/xsd': 'off' } as const;
const CONTRACT_CONFIG = { profile: 'strict', rules: CONTRACT_RULES } as const;
const parseAndCheck = (s: Sample) => { checkMessage(s.plan, { direction: s.direction, body: s.body }, CONTRACT_CONFIG); };

// Warm up both paths (JIT, lazy plan compilation), then alternate the measurements.
time(samples, parseOnly);
time(samples, parseAndCheck);
let p = 0, c = 0;
for (let i = 0; i < 3; i++) { p += time(samples, parseOnly); c += time(samples, parseAndCheck); }
const n = samples.length * ROUNDS * 3;
const perParse = p / n, perCheck = c / n;
console.log(`messages: ${samples.length} (${source}), ${(bytes / samples.length / 1024).toFixed(1)} KiB average, ${ROUNDS * 3} rounds each`);
console.log(`parse only:       ${(perParse * 1000).toFixed(1)} µs/message`);
console.log(`parse + check:    ${(perCheck * 1000).toFixed(1)} µs/message`);
console.log(`ratio (parse+check / parse): ${(perCheck / perParse).toFixed(2)}  (goal ≤ 2.00)`);

// schema/xsd: the validator on the samples whose contract lists schemas (WSDL contracts), else on the
// WSDL-style fixture's messages; its cost per message is the difference with the contract rules alone.
const withSchemas = samples.filter((s) => s.plan.contract.schemas.length > 0);
const fewSamples = withSchemas.length > 0 ? withSchemas : await wsdlFixtureSamples();
// At least ~400 messages per round (the fixture has 3), so that one round is long enough to time.
const xsdSamples = Array.from({ length: Math.max(1, Math.ceil(400 / Math.max(1, fewSamples.length))) }, () => fewSamples).flat();
if (xsdSamples.length > 0) {
  const t0 = process.hrtime.bigint();
  const onlyXsd = Object.fromEntries([...RULES.keys()].map((id) => [id, id === 'schema/xsd' ? 'error' : 'off'])) as Record<string, 'off' | 'error'>;
  checkMessage(xsdSamples[0]!.plan, { direction: xsdSamples[0]!.direction, body: xsdSamples[0]!.body }, { profile: 'strict', rules: onlyXsd });
  const compileMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const STRICT = { profile: 'strict' } as const;
  const withXsd = (s: Sample) => { checkMessage(s.plan, { direction: s.direction, body: s.body }, STRICT); };
  const without = (s: Sample) => { checkMessage(s.plan, { direction: s.direction, body: s.body }, CONTRACT_CONFIG); };
  time(xsdSamples, withXsd);
  let a = 0, b = 0;
  for (let i = 0; i < 3; i++) { a += time(xsdSamples, without); b += time(xsdSamples, withXsd); }
  const m = xsdSamples.length * ROUNDS * 3;
  console.log(`schema/xsd (${fewSamples.length} messages of WSDL contracts${withSchemas.length > 0 ? '' : ', the WSDL-style fixture'}): first message ${compileMs.toFixed(0)} ms (compiling the schemas, once per process)`);
  console.log(`  contract rules: ${((a / m) * 1000).toFixed(1)} µs/message; with schema/xsd: ${((b / m) * 1000).toFixed(1)} µs/message; schema/xsd alone: ${(((b - a) / m) * 1000).toFixed(1)} µs/message (ratio ${(b / a).toFixed(2)})`);
}

async function wsdlFixtureSamples(): Promise<Sample[]> {
  const { contracts } = await loadContracts([join(root, 'test', 'fixtures', 'checks', 'wsdl')]);
  const c = contracts.find((x) => x.operation === 'GetGadget');
  if (!c) return [];
  const G = 'http://example.test/ws/Demo9';
  const body = (inner: string, header = '') => `<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/" xmlns:G="${G}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${header}<s:Body><G:GetGadgetResponse>${inner}</G:GetGadgetResponse></s:Body></s:Envelope>`;
  const result = '<G:GetGadgetResult xsi:type="G:GadgetEntity" version="1"><G:TableRight>Read Update</G:TableRight><G:GadgetId>7</G:GadgetId><G:Label>seven</G:Label></G:GetGadgetResult>';
  return [body(result), body(result, '<s:Header><G:Succeeded>true</G:Succeeded></s:Header>'), body('<G:Gadgets><G:Share>1.5</G:Share></G:Gadgets>')]
    .map((b) => ({ plan: compileContract(c), direction: 'response' as const, body: b }));
}
