import { evaluateXPaths, type XPathFailure, type XPathOutcome, type XPathValue } from '../../xml/xpath.ts';
import type { NativeDocument } from '../../xml/native.ts';
import { ENVELOPE_NS_MARK } from '../../xml/xpath.ts';
import type { XElement } from '../../xml/tree.ts';
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

/**
 * A value as one line of at most MAX_PLACEHOLDER_TEXT characters (node-sets: their first three items), its secrets
 * masked before it is cut (RuleContext.mask).
 */
function show(v: XPathValue, mask: (text: string) => string): string {
  const items = Array.isArray(v) ? v.slice(0, 3).concat(v.length > 3 ? [`… (${v.length})`] : []) : [String(v)];
  const s = items.map((x) => mask(x).replace(/\s+/g, ' ').trim()).filter((x) => x !== '').join(', ');
  return s.length > MAX_PLACEHOLDER_TEXT ? `${s.slice(0, MAX_PLACEHOLDER_TEXT - 1)}…` : s;
}

/** XPath 1.0 boolean() of a result. */
function truthy(v: XPathValue): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'string') return v.length > 0;
  if (typeof v === 'number') return v !== 0 && !Number.isNaN(v);
  return v;
}

/**
 * Does the expectation fail on this message? And its message, placeholders filled. On the
 * engine's document of the message when the checks have one, else parsing the text.
 */
export function evaluateExpectation(e: Expectation, message: NativeDocument | string | Uint8Array, mask: (text: string) => string = (t) => t): { failed: false } | { failed: true; message: string } | { error: string } {
  const holes = placeholders(e.message);
  const exprs = [e.test, ...holes];
  const results: Array<XPathOutcome | XPathFailure> = typeof message === 'string' || message instanceof Uint8Array ? evaluateXPaths(message, exprs, e.namespaces) : message.xpaths(exprs, e.namespaces);
  const test = results[0]!;
  if (!test.ok) return { error: test.message };
  if (truthy(test.value) !== e.failWhen) return { failed: false };
  let i = 0;
  const text = e.message.replace(PLACEHOLDER, (whole: string, expr: string | undefined) => {
    if (expr === undefined) return whole[0]!;
    const r = results[1 + i++]!;
    return r.ok ? show(r.value, mask) : '(?)';
  });
  return { failed: true, message: text };
}

/** A test that is a plain absolute path of named child steps, with at most a predicate on the last: `/a:B/a:C[…]`. */
const SIMPLE_PATH = /^((?:\/[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)+)(\[[^\]]*\])?$/;

/**
 * True when the test is certainly false on this tree: a plain path (predicate or not) that selects
 * nothing is an empty node-set. Lets a `failWhen` such as `/env:Envelope/env:Header/so:Succeeded[…]`
 * pass a message without that header without handing the message to the engine. False = unknown.
 */
export function certainlyFalse(test: string, namespaces: Readonly<Record<string, string>>, root: XElement): boolean {
  const steps = simplePathOf(test, namespaces);
  return steps !== null && selectsNothing(steps, root);
}

interface Step { readonly ns: string; readonly local: string }

/** The named steps of a plain path test (`ENVELOPE_NS_MARK` for the message's own envelope namespace), or null when it is no plain path. */
function simplePathOf(test: string, namespaces: Readonly<Record<string, string>>): Step[] | null {
  const m = SIMPLE_PATH.exec(test.trim());
  if (!m) return null;
  const steps: Step[] = [];
  for (const step of m[1]!.slice(1).split('/')) {
    const i = step.indexOf(':');
    const prefix = i < 0 ? '' : step.slice(0, i);
    const ns = i < 0 ? '' : namespaces[prefix];
    if (ns === undefined) return null;
    steps.push({ ns, local: i < 0 ? step : step.slice(i + 1) });
  }
  return steps;
}

/** Does the plain path select nothing in this tree? A depth-first search that stops at the first match. */
function selectsNothing(steps: readonly Step[], root: XElement): boolean {
  return !matches(steps, 0, root, root.ns);
}

function matches(steps: readonly Step[], i: number, el: XElement, envNs: string): boolean {
  const step = steps[i]!;
  if (el.local !== step.local || el.ns !== (step.ns === ENVELOPE_NS_MARK ? envNs : step.ns)) return false;
  if (i === steps.length - 1) return true;
  for (const c of el.children) if (c.kind === 'element' && matches(steps, i + 1, c, envNs)) return true;
  return false;
}

export const rule: Rule = {
  id: 'expectation/failed',
  description: "A message breaks one of the contract's (or its types file's) expectations: an XPath test with a message, such as `Succeeded` false in a response header.",
  docs: docsAnchor('expectation/failed'),
  appliesTo: 'both',
  levels: { strict: 'error', compatible: 'error' },
  create(ctx) {
    const mine = ctx.compiled.contract.expectations.filter((e) => e.applies === 'both' || e.applies === ctx.direction);
    if (mine.length === 0) return {};
    // Once per contract: the steps of each failWhen test that is a plain path.
    const paths = mine.map((e) => (e.failWhen ? simplePathOf(e.test, e.namespaces) : null));
    return {
      envelope(env) {
        if (!env.isEnvelope) return;
        for (const [i, e] of mine.entries()) {
          const steps = paths[i];
          if (steps && selectsNothing(steps, env.root)) continue;
          const r = evaluateExpectation(e, ctx.native ?? ctx.input.body, ctx.mask);
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
