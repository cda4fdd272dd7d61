/**
 * Which variables a run refers to: every `${NAME}` in its suites (endpoint, values, HTTP headers,
 * WS-Security, scenario steps), in its contracts' request examples and in their packs' bindings.
 * A `--var` that none of them names is a typo or a leftover; `soapcheck run` says so.
 */
import type { Contract } from '../contract/model.ts';
import type { Pack } from '../contract/pack.ts';
import type { Suite } from './suite.ts';
import { forEachRequestField } from './values.ts';
import { Variables } from './variables.ts';

/** Names referred to by `${NAME}` anywhere the suite's run reads text. */
export function referencedVariables(suite: Suite, contracts: readonly Contract[], packs: Iterable<Pack>): Set<string> {
  const names = new Set<string>();
  const add = (text: string | undefined) => {
    if (text?.includes('${')) for (const n of Variables.references(text)) names.add(n);
  };
  add(suite.endpoint);
  for (const map of Object.values(suite.values)) Object.values(map).forEach(add);
  for (const text of suiteTexts(suite)) add(text);
  for (const s of suite.scenarios) {
    for (const step of s.steps) {
      Object.values(step.values).forEach(add);
      for (const c of Object.values(step.capture)) add(c.xpath);
      for (const a of step.assert) [a.xpath, a.equals, a.matches].forEach(add);
    }
  }
  for (const c of contracts) forEachRequestField(c, (_path, f) => add(f.example));
  for (const p of packs) Object.values(p.bindings).forEach(add);
  return names;
}

/** Further texts of a suite that may hold `${NAME}` (HTTP headers, WS-Security). */
function suiteTexts(suite: Suite): string[] {
  return [...Object.values(suite.http.headers).map((h) => h.value), suite.wsSecurity?.username ?? '', suite.wsSecurity?.password ?? ''];
}
