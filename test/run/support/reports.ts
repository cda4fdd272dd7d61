/** Reading what a run left in its reports folder. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface SummaryCaseView {
  id: string;
  name: string;
  kind: string;
  status: string;
  error: string | null;
  findings: Array<{ rule: string; severity: string }>;
}

export interface SummaryView {
  totals: { cases: number; passed: number; failed: number; error: number; skipped: number };
  cases: SummaryCaseView[];
}

export function readSummary(out: string): SummaryView {
  return JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as SummaryView;
}

/** The <testcase> elements of junit.xml by `classname.name` (e.g. `inventory.V1.Inventory.GetItem`), with their inner text. */
export function junitCases(out: string): Map<string, string> {
  const xml = readFileSync(join(out, 'junit.xml'), 'utf8');
  const cases = new Map<string, string>();
  const unescape = (s: string) => s.replace(/&gt;/g, '>').replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
  for (const m of xml.matchAll(/<testcase\b classname="([^"]*)" name="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    cases.set(`${unescape(m[1]!)}.${unescape(m[2]!)}`, m[3] ?? '');
  }
  return cases;
}

/** Every file under a folder, recursively. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}
