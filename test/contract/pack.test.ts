/** Contract packs: found above a contract, validated with positions, someone else's pack.yaml ignored. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { packFor } from '../../src/contract/pack.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const root = mkdtempSync(join(tmpdir(), 'soapcheck-pack-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function tree(name: string, pack: string | null): string {
  const dir = join(root, name, 'V1', 'Svc');
  mkdirSync(dir, { recursive: true });
  if (pack !== null) writeFileSync(join(root, name, 'pack.yaml'), pack);
  return join(dir, 'Op.yaml');
}

describe('packFor', () => {
  it('finds the SuperOffice pack for a shipped contract, with both credentials secret', () => {
    const { pack, problems } = packFor(join(REPO_ROOT, 'contracts/superoffice/Services88/User/GetUser.yaml'));
    expect(problems).toEqual([]);
    expect(pack?.bindings).toEqual({ ApplicationToken: '${SO_APP_TOKEN}', 'Credentials.Ticket': '${SO_TICKET}' });
    expect(pack?.variables.SO_TICKET?.secret).toBe(true);
    expect(pack?.variables.SO_APP_TOKEN?.secret).toBe(true);
  });

  it('finds the nearest pack two folders up', () => {
    const c = tree('good', 'soapcheck: 1\nkind: pack\nname: demo\nbindings:\n  Auth.Key: ${DEMO_KEY}\n');
    expect(packFor(c).pack?.bindings).toEqual({ 'Auth.Key': '${DEMO_KEY}' });
  });

  it('reports a bad pack with its line', () => {
    const c = tree('bad', 'soapcheck: 1\nkind: pack\nname: demo\nbindngs:\n  A: x\n');
    const { pack, problems } = packFor(c);
    expect(pack).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file: join(root, 'bad', 'pack.yaml'), line: 4, column: 1, message: 'unknown key `bindngs` at the top level; allowed: soapcheck, kind, name, description, variables, bindings' })]);
  });

  it('ignores a pack.yaml that is not a soapcheck pack', () => {
    const c = tree('other', 'name: some other tool\nversion: 3\n');
    expect(packFor(c)).toEqual({ problems: [] });
  });
});
