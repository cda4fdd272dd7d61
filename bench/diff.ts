/**
 * bench/diff — `soapcheck diff` of the shipped Services86 and Services88 User packs (79 and 85
 * operations) against loading the two packs alone, side by side in one run. Goal: the diff well
 * under a second, and small beside the load (diff / load printed; the CLI pays both).
 *
 *   npx tsx bench/diff.ts [--rounds N]
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadContracts } from '../src/contract/load.ts';
import { diffContracts } from '../src/diff/diff.ts';

const root = resolve(fileURLToPath(import.meta.url), '..', '..');
const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 10;
const OLD = join(root, 'contracts', 'superoffice', 'Services86', 'User');
const NEW = join(root, 'contracts', 'superoffice', 'Services88', 'User');

async function load() {
  const [o, n] = await Promise.all([loadContracts([OLD]), loadContracts([NEW])]);
  if (o.problems.length + n.problems.length > 0) throw new Error('the packs do not load cleanly');
  return [o.contracts, n.contracts] as const;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

// Warm-up: one full round of each side.
const [olds, news] = await load();
diffContracts(olds, news);

const loadMs: number[] = [];
const diffMs: number[] = [];
let changes = 0;
for (let i = 0; i < ROUNDS; i++) {
  let t = performance.now();
  const [o, n] = await load();
  loadMs.push(performance.now() - t);
  t = performance.now();
  changes = diffContracts(o, n).changes.length;
  diffMs.push(performance.now() - t);
}
const l = median(loadMs);
const d = median(diffMs);
console.log(`packs: ${olds.length} → ${news.length} operations, ${changes} changes; ${ROUNDS} rounds, medians`);
console.log(`load both packs   ${l.toFixed(1)} ms`);
console.log(`diff              ${d.toFixed(1)} ms   (goal: well under 1000 ms)`);
console.log(`diff / load       ${(d / l).toFixed(3)}`);
