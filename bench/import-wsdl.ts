/**
 * bench/import-wsdl — `import wsdl` on the Services88 User WSDL (321 KB) side by side with
 * node-soap (npm `soap`) loading the same WSDL text, alternating in one run. Goal: soapcheck no
 * slower than node-soap (ratio ≤ 1.0). soapcheck's side is the whole import minus the file
 * writes: read and parse, schemas and bindings, and every contract and the types file rendered
 * to YAML text.
 *
 *   npx tsx bench/import-wsdl.ts [--rounds N]
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import soap from 'soap';
import { chooseBindings, readWsdl, schemaFiles, wsdlContractDoc, wsdlTypesDoc } from '../src/import/wsdl.ts';
import { wsdlFence } from '../src/import/wsdl/documents.ts';
import { toYaml } from '../src/import/yaml-write.ts';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const shared = process.env.SOAPCHECK_CORPUS ? resolve(process.env.SOAPCHECK_CORPUS) : resolve(root, '..', 'shared');
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 9;

const page = join(shared, 'corpus', 'superoffice-docs', 'Services88', 'Services88-User.md');
const wsdlText = wsdlFence(readFileSync(page, 'utf8'))!.text;
const dir = mkdtempSync(join(tmpdir(), 'soapcheck-bench-wsdl-'));
const file = join(dir, 'User.wsdl');
writeFileSync(file, wsdlText);

async function soapcheckImport(): Promise<number> {
  const read = await readWsdl(file, 'User.wsdl');
  if (typeof read === 'string') throw new Error(read);
  const xsds = schemaFiles(read).map((x) => x.name);
  let bytes = toYaml(wsdlTypesDoc(read, 'Services88')).length;
  for (const b of chooseBindings(read.bindings, undefined).chosen) for (const op of b.operations) bytes += toYaml(wsdlContractDoc(op, read, 'Services88', xsds, '0'.repeat(64))).length;
  return bytes;
}

function nodeSoapLoad(): Promise<number> {
  return new Promise((done, fail) => {
    const w = new soap.WSDL(wsdlText, file, {});
    w.onReady((err?: Error) => (err ? fail(err) : done(Object.keys(w.definitions.messages).length)));
  });
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  // Warm-up: one full round of each (JIT, module loading).
  await soapcheckImport();
  await nodeSoapLoad();
  const ours: number[] = [];
  const theirs: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    ours.push(await time(soapcheckImport));
    theirs.push(await time(nodeSoapLoad));
  }
  const a = median(ours);
  const b = median(theirs);
  console.log(`WSDL ${(wsdlText.length / 1024).toFixed(0)} KB, ${ROUNDS} rounds, medians:`);
  console.log(`  soapcheck import wsdl (no file writes): ${a.toFixed(1)} ms`);
  console.log(`  node-soap new WSDL(...).onReady:        ${b.toFixed(1)} ms`);
  console.log(`  ratio soapcheck / node-soap: ${(a / b).toFixed(2)} (goal ≤ 1.00)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
