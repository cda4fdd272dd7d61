/**
 * Fuzzing the contract loader (fast-check): a valid contract, mutated at random (lines dropped, repeated, swapped,
 * hostile values put in), always loads into contracts or file:line problems — never an exception, never a hang.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContracts } from '../../src/contract/load.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const VALID = join(REPO_ROOT, 'test/fixtures/contracts/valid/Demo7/Gadget/SaveGadget.yaml');

const hostileValue = fc.constantFrom(
  '"\\\\\\\\127.0.0.1:9\\\\x"', '" //127.0.0.1:9/x"', '../../x', 'https://elsewhere/x', '&a [*a, *a, *a]', '*a', '!!js/function "f"',
  '__proto__', 'constructor', '{ __proto__: { polluted: 1 } }', 'xsd:hasOwnProperty', '"\\u0000"', '"\\e[31mred"', '[[[[[[[[[[', '{', '- -', ': :',
  "'", '"', '\t', '9999999999999999999999', '-1', 'null', '~', '', 'p:q:r', '"a\\nb"',
);

/** One mutation of the contract's lines. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('repeat' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constant('value' as const), at: fc.nat(), value: hostileValue }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

type Mutation = { kind: string; at: number; with?: number; value?: string; by?: number };

function mutate(lines: string[], ms: readonly Mutation[]): string {
  const out = [...lines];
  for (const m of ms) {
    if (out.length === 0) break;
    const i = m.at % out.length;
    if (m.kind === 'drop') out.splice(i, 1);
    else if (m.kind === 'repeat') out.splice(i, 0, out[i]!);
    else if (m.kind === 'swap') {
      const j = m.with! % out.length;
      [out[i], out[j]] = [out[j]!, out[i]!];
    } else if (m.kind === 'value') {
      const colon = out[i]!.indexOf(': ');
      out[i] = colon < 0 ? `${out[i]} ${m.value}` : `${out[i]!.slice(0, colon + 2)}${m.value}`;
    } else {
      out[i] = m.by! >= 0 ? ' '.repeat(m.by!) + out[i] : out[i]!.slice(-m.by!);
    }
  }
  return out.join('\n');
}

describe('contract loader (property)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'soapcheck-fuzz-contract-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a mutated contract loads or gives file:line problems with a code, never an exception', async () => {
    const lines = readFileSync(VALID, 'utf8').split('\n');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 4 }), async (ms) => {
        const file = join(dir, `c${n++}.yaml`);
        writeFileSync(file, mutate(lines, ms));
        const out = await loadContracts([file]);
        expect(out.contracts.length + out.problems.length).toBeGreaterThan(0);
        for (const p of out.problems) {
          expect(p.file.startsWith(file)).toBe(true);
          expect(typeof p.code).toBe('string');
          expect(p.message.length).toBeGreaterThan(0);
        }
        // Nothing a contract says reaches the prototype of plain objects.
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        rmSync(file);
      }),
      { numRuns: 120 },
    );
  });
});
