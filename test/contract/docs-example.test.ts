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
const WSDL = join(REPO_ROOT, 'test', 'fixtures', 'contracts', 'wsdl', 'Demo8');
const blocks = (lang: string) => [...DOC.matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]!);

describe('docs/contract-format.md', () => {
  it.each([['Gadget/SaveGadget.yaml'], ['types.yaml']])('shows the fixture %s exactly', (file) => {
    expect(blocks('yaml')).toContain(readFileSync(join(VALID, file), 'utf8'));
  });

  it.each([['Gadget/GetGadget.yaml'], ['types.yaml']])('shows the WSDL-shaped fixture Demo8/%s exactly, and it loads clean', async (file) => {
    expect(blocks('yaml')).toContain(readFileSync(join(WSDL, file), 'utf8'));
    expect((await loadContracts([WSDL])).problems).toEqual([]);
  });

  it('names every key of the JSON Schemas in a table', () => {
    const keys = new Set<string>();
    const visit = (s: unknown): void => {
      if (Array.isArray(s)) s.forEach(visit);
      else if (s && typeof s === 'object') {
        for (const [k, v] of Object.entries(s)) {
          if (k === 'properties') Object.keys(v as object).forEach((p) => keys.add(p));
          visit(v);
        }
      }
    };
    for (const f of ['contract.schema.json', 'types.schema.json']) visit(JSON.parse(readFileSync(join(REPO_ROOT, 'contracts', 'schema', f), 'utf8')));
    const missing = [...keys].filter((k) => !DOC.includes(`\`${k}\``) && !DOC.includes(`\`soap.${k}\``) && !DOC.includes(`\`source.${k}\``));
    expect(missing).toEqual([]);
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
