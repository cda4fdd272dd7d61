import { evaluateXPaths, type XPathValue } from '../../xml/xpath.ts';
import type { Expectation } from '../../contract/model.ts';
import type { Rule } from '../rule.ts';
import { docsAnchor } from '../rule.ts';

/** Longest text one `{…}` placeholder puts into a finding's message. */
export const MAX_PLACEHOLDER_TEXT = 200;

/** `{xpath}` placeholders of a message template (`{{` and `}}` write braces). */
const PLACEHOLDER = /\{\{|\}\}|\{([^{}]+)\}/g;

function placeholders(template: string): string[] {
  const out: string[] = [];
  for (const m of template.matchAll(PLACEHOLDER)) if (m[1] !== undefined) out.push(m[1]);
  return out;
}

/** A value as one line of at most MAX_PLACEHOLDER_TEXT characters (node-sets: their first three items). */
function show(v: XPathValue): string {
  const items = Array.isArray(v) ? v.slice(0, 3).concat(v.length > 3 ? [`… (${v.length})`] : []) : [String(v)];
  const s = items.map((x) => x.replace(/\s+/g, ' ').trim()).filter((x) => x !== '').join(', ');
  return s.length > MAX_PLACEHOLDER_TEXT ? `${s.slice(0, MAX_PLACEHOLDER_TEXT - 1)}…` : s;
}

/** XPath 1.0 boolean() of a result. */
function truthy(v: XPathValue): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v;
}

/** Does the expectation fail on this message? And its message, placeholders filled. */
export function evaluateExpectation(e: Expectation, body: string | Uint8Array): { failed: false } | { failed: true; message: string } | { error: string } {
  const holes = placeholders(e.message);
  const results = evaluateXPaths(body, [e.test, ...holes], e.namespaces);
  const test = results[0]!;
  if (!test.ok) return { error: test.message };
  if (truthy(test.value) !== e.failWhen) return { failed: false };
  let i = 0;
  const message = e.message.replace(PLACEHOLDER, (whole, expr: string | undefined) => {
    if (expr === undefined) return whole[0]!;
    const r = results[1 + i++]!;
    return r.ok ? show(r.value) : '(?)';
  });
  return { failed: true, message };
}

export const rule: Rule = {
  id: 'expectation/failed',
  description: "A message breaks one of the contract's (or its types file's) expectations: an XPath test with a message, such as `Succeeded` false in a response header.",
  docs: docsAnchor('expectation/failed'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    const mine = ctx.plan.contract.expectations.filter((e) => e.applies === 'both' || e.applies === ctx.direction);
    if (mine.length === 0) return {};
    return {
      envelope(env) {
        if (!env.isEnvelope) return;
        for (const e of mine) {
          const r = evaluateExpectation(e, ctx.input.body);
          if ('error' in r) {
            ctx.report({ el: env.root, message: `expectation ${e.id} (${e.file}) could not be evaluated: ${r.error}`, expected: e.test, actual: 'an error' });
          } else if (r.failed) {
            ctx.report({ el: env.root, message: `${e.id}: ${r.message}`, expected: `${e.failWhen ? 'not ' : ''}${e.test}`, actual: e.failWhen ? 'true' : 'false', soft: e.severity === 'warn' });
          }
        }
      },
    };
  },
};
