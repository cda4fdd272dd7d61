/** `soapcheck crosscheck` in process (runMain): exit codes, formats, narrowing, input errors. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain } from '../support/in-process.ts';

const widgets = join(REPO_ROOT, 'test', 'fixtures', 'checks', 'contracts');
const pack = (v: number) => join(REPO_ROOT, 'contracts', 'superoffice', `Services${v}`, 'User');

async function crosscheck(args: string[]) {
  const r = await runMain(['crosscheck', ...args]);
  return { code: r.code, out: r.stdout, err: r.stderr };
}

describe('soapcheck crosscheck', () => {
  it('exit 0 when the two sides agree', async () => {
    const r = await crosscheck([widgets, widgets]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/0 disagreement\(s\)\n/);
  });

  it('exit 1 when they disagree: a summary per check, grouped examples', async () => {
    const r = await crosscheck([pack(86), pack(88)]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^operation\/wsdl-only\s+6\s+6$/m);
    expect(r.out).toMatch(/^ {2}docs: no page {2}\| {2}WSDL: bound {2}×6$/m);
  });

  it('json lists every disagreement; markdown has a table per check and per group', async () => {
    const j = JSON.parse((await crosscheck([pack(86), pack(88), '--format', 'json'])).out) as { disagreements: unknown[]; summary: Array<{ id: string; count: number }> };
    expect(j.disagreements.length).toBe(j.summary.reduce((a, s) => a + s.count, 0));
    const md = (await crosscheck([pack(86), pack(88), '--format', 'markdown', '--operation', 'GetUser'])).out;
    expect(md).toMatch(/^### Docs against WSDL: /);
    expect(md).toContain('| check | the pages say | the WSDL says | times | for example |');
  });

  it('usage and input errors exit 2', async () => {
    expect((await crosscheck([widgets])).code).toBe(2);
    expect((await crosscheck([widgets, widgets, '--format', 'junit'])).err).toMatch(/--format must be one of text, markdown, json/);
    expect((await crosscheck([widgets, join(widgets, 'nowhere')])).code).toBe(2);
  });
});
