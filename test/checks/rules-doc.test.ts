/**
 * docs/rules.md stays true: every rule has a section, and every section's invalid example,
 * checked against the Widget fixture contract, gives exactly the findings the page shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { loadContracts } from '../../src/contract/load.ts';
import { checkMessage, compileContract, RULES, type CompiledContract, type HttpFacts } from '../../src/checks/index.ts';
import { findingLine } from '../../src/report/format.ts';

const page = readFileSync(join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
const sections = new Map<string, string>();
for (const part of page.split(/^## /m).slice(1)) {
  const m = /^`([^`]+)`/.exec(part);
  if (m) sections.set(m[1]!, part);
}

function block(text: string, lang: string): string | undefined {
  return new RegExp('```' + lang + '\\n([\\s\\S]*?)\\n```').exec(text)?.[1];
}

function httpFacts(text: string | undefined): HttpFacts | undefined {
  if (!text) return undefined;
  const [first, ...rest] = text.split('\n');
  const headers: Record<string, string> = {};
  for (const l of rest) { const i = l.indexOf(':'); headers[l.slice(0, i).trim().toLowerCase()] = l.slice(i + 1).trim(); }
  const status = /^HTTP\/\S+ (\d+)/.exec(first!)?.[1];
  return status ? { status: Number(status), headers } : { method: first!.split(' ')[0], headers };
}

let plan: CompiledContract;
/** Plans by operation: a section may name its contract, `Invalid example (response, contract GetGadget)` (the WSDL-style fixture). */
const plans = new Map<string, CompiledContract>();
beforeAll(async () => {
  const { contracts, problems } = await loadContracts([join(REPO_ROOT, 'test', 'fixtures', 'checks', 'contracts'), join(REPO_ROOT, 'test', 'fixtures', 'checks', 'wsdl')]);
  expect(problems).toEqual([]);
  for (const c of contracts) plans.set(c.operation, compileContract(c));
  plan = plans.get('GetWidget')!;
});

describe('docs/rules.md', () => {
  it('has one section per rule, and no section for a rule that does not exist', () => {
    expect([...sections.keys()].sort()).toEqual([...RULES.keys()].sort());
  });

  it("each rule's docs link points at its section (GitHub heading slug)", () => {
    for (const [id, rule] of RULES) expect(rule.docs).toBe(`docs/rules.md#${id.replace('/', '')}`);
  });

  for (const id of RULES.keys()) {
    it(`${id}: the example gives the documented findings`, () => {
      const text = sections.get(id);
      expect(text, `no section for ${id}`).toBeDefined();
      const head = /Invalid example \((request|response)(?:, contract (\w+))?\)/.exec(text!);
      const direction = head?.[1] as 'request' | 'response';
      const sectionPlan = head?.[2] ? plans.get(head[2])! : plan;
      const xml = block(text!, 'xml');
      const shown = block(text!, 'text');
      expect(direction && xml && shown).toBeTruthy();
      const out = checkMessage(sectionPlan, { direction, body: xml!, http: httpFacts(block(text!, 'http')) }, { profile: 'strict' });
      const got = out.findings.filter((f) => f.rule === id).map((f) => findingLine('message.xml', f));
      expect(got.length).toBeGreaterThan(0);
      expect(got.join('\n')).toBe(shown);
    });
  }
});
