/**
 * docs/contract-format.md shows the fixture contract and types file in full, and the request the
 * builder makes from them: keep the page true to the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../../src/contract/load.ts';
import { buildMessage } from '../../src/soap/build.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const DOC = readFileSync(join(REPO_ROOT, 'docs', 'contract-format.md'), 'utf8');
const VALID = join(REPO_ROOT, 'test', 'fixtures', 'contracts', 'valid', 'Demo7');
const blocks = (lang: string) => [...DOC.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('docs/contract-format.md', () => {
  it.each([['Gadget/SaveGadget.yaml'], ['types.yaml']])('shows the fixture %s exactly', (file) => {
    expect(blocks('yaml')).toContain(readFileSync(join(VALID, file), 'utf8'));
  });

  it('shows the request the builder makes from it (lines the page shortens aside)', async () => {
    const { contracts, problems } = await loadContracts([VALID]);
    expect(problems).toEqual([]);
    const built = buildMessage(contracts[0]!, 'request').split('\n');
    const shown = blocks('xml').find((b) => b.includes('<G:SaveGadget>'))!.split('\n').filter((l) => l !== '' && !l.includes('…'));
    expect(shown.length).toBeGreaterThan(15);
    let at = 0;
    for (const line of shown) {
      const found = built.indexOf(line, at);
      expect(found, `doc line not in the built request (in order): ${line}`).toBeGreaterThanOrEqual(0);
      at = found + 1;
    }
  });
});
