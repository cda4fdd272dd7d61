/**
 * Generated parts of the docs: the check catalogue of docs/diff.md (from the registry) and the
 * worked examples under docs/examples/ (from the shipped packs). Tests compare them with the
 * checked-in files; `SOAPCHECK_UPDATE_DOCS=1 npx vitest run test/diff` rewrites them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { expect } from 'vitest';
import { CHECK_LIST } from '../../../src/diff/registry.ts';

export const UPDATE = process.env.SOAPCHECK_UPDATE_DOCS === '1';

export function catalogue(): string {
  const out: string[] = [];
  for (const c of CHECK_LIST) {
    const mirror = typeof c.mirror === 'string' ? `[\`${c.mirror}\`](#${c.mirror.replace(/[^a-z0-9 _-]/g, '')})` : `none: ${c.mirror.none}`;
    out.push(
      `### \`${c.id}\``,
      '',
      `**${c.level}** · ${c.direction === 'none' ? 'operation' : c.direction} · ${c.location} · ${c.action} · mirror: ${mirror}`,
      '',
      c.description,
      '',
      `Why ${c.level}: ${c.reason}`,
      '',
    );
  }
  return out.join('\n');
}

/** The text between `<!-- name:start -->` and `<!-- name:end -->`. */
export function between(text: string, name: string): string | undefined {
  const m = new RegExp(`<!-- ${name}:start -->\\n([\\s\\S]*?)<!-- ${name}:end -->`).exec(text);
  return m?.[1];
}

/** Expect a generated block of a checked-in file to be `want`; rewrite it instead under SOAPCHECK_UPDATE_DOCS=1. */
export function expectGenerated(file: string, name: string, want: string): void {
  const text = readFileSync(file, 'utf8');
  const got = between(text, name);
  if (UPDATE && got !== want) {
    writeFileSync(file, text.replace(`<!-- ${name}:start -->\n${got ?? ''}<!-- ${name}:end -->`, `<!-- ${name}:start -->\n${want}<!-- ${name}:end -->`));
    return;
  }
  expect(got, `${file}: no <!-- ${name}:start/end --> block`).toBeDefined();
  expect(got, `${file} is out of date: run SOAPCHECK_UPDATE_DOCS=1 npx vitest run test/diff`).toBe(want);
}

/** Expect a whole generated file to be `want` (rewritten under SOAPCHECK_UPDATE_DOCS=1). */
export function expectFile(file: string, want: string): void {
  let got: string | undefined;
  try {
    got = readFileSync(file, 'utf8');
  } catch {
    got = undefined;
  }
  if (UPDATE && got !== want) {
    writeFileSync(file, want);
    return;
  }
  expect(got, `${file} is out of date: run SOAPCHECK_UPDATE_DOCS=1 npx vitest run test/diff`).toBe(want);
}
