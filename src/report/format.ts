/**
 * Plain-text rendering of findings and case outcomes, shared by the console reporter and the failure message
 * that junit.xml and Allure show. One finding: rule, location, expected vs actual, message.
 */
import type { Finding } from '../checks/api.ts';
import type { CaseResult } from '../run/result.ts';
import type { Redactor } from '../secrets/redact.ts';

/**
 * A case as the text reports (console, junit.xml, summary.json) use it: without the request and response
 * bodies (Allure alone attaches them), redacted once more with the run's redactor — a second line of defence
 * behind the runner's own redaction.
 */
export function textCase(r: CaseResult, redactor: Redactor): CaseResult {
  const { exchange: _exchange, ...rest } = r;
  const bare = rest.steps ? { ...rest, steps: rest.steps.map(({ exchange: _e, ...step }) => step) } : rest;
  return redactor.redactDeep(bare);
}

/**
 * Control characters of text from outside (contract and suite names, server messages) made
 * visible as `\u{…}` escapes, so that no escape sequence, carriage return or bidi override reaches
 * a terminal. Line feeds and tabs stay.
 */
// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(s: string): string {
  return s.replace(TERMINAL_UNSAFE, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

/** `terminalSafe` applied to every string in plain data (arrays and objects copied). */
export function terminalSafeDeep<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value) as T;
  if (Array.isArray(value)) return value.map((v) => terminalSafeDeep(v)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = terminalSafeDeep(v);
    return out as T;
  }
  return value;
}

/** Rule groups in the order reports show them; a rule's group is the part of its id before the first `/`. */
export const RULE_GROUPS = ['envelope', 'http', 'fault', 'body', 'namespace', 'field', 'xsi-type', 'value'] as const;

export function ruleGroup(ruleId: string): string {
  const i = ruleId.indexOf('/');
  return i < 0 ? ruleId : ruleId.slice(0, i);
}

/** Findings grouped by rule group, known groups first in RULE_GROUPS order, then others alphabetically. */
export function groupFindings(findings: readonly Finding[]): Map<string, Finding[]> {
  const byGroup = new Map<string, Finding[]>();
  for (const f of findings) {
    const g = ruleGroup(f.rule);
    let list = byGroup.get(g);
    if (!list) byGroup.set(g, (list = []));
    list.push(f);
  }
  const known = RULE_GROUPS.filter((g) => byGroup.has(g));
  const other = [...byGroup.keys()].filter((g) => !(RULE_GROUPS as readonly string[]).includes(g)).sort();
  return new Map([...known, ...other].map((g) => [g, byGroup.get(g)!]));
}

/** `path (line 12:5)` or just the path; `(document)` when the finding has no path. */
export function location(f: Pick<Finding, 'path' | 'line' | 'column'>): string {
  const where = f.path || '(document)';
  if (f.line === undefined) return where;
  return `${where} (line ${f.line}${f.column !== undefined ? `:${f.column}` : ''})`;
}

/** One-line rendering of one finding in a message file, as `verify` prints it: `file:line  rule  message`. */
export function findingLine(file: string, f: Pick<Finding, 'line' | 'rule' | 'severity' | 'message'>): string {
  return `${file}${f.line ? `:${f.line}` : ''}  ${f.rule}  ${f.severity === 'warn' ? 'warning: ' : ''}${f.message}`;
}

/** Multi-line rendering of one finding, indented by `indent` (console, JUnit and Allure). */
export function formatFinding(f: Finding, indent = '  '): string {
  const lines = [`${indent}${f.severity === 'warn' ? 'warning' : 'error'} ${f.rule} at ${location(f)}`];
  if (f.expected !== undefined || f.actual !== undefined) {
    lines.push(`${indent}  expected: ${oneLine(f.expected ?? '(not given)')}`);
    lines.push(`${indent}  actual:   ${oneLine(f.actual ?? '(not given)')}`);
  }
  if (f.message) lines.push(`${indent}  ${oneLine(f.message)}`);
  return lines.join('\n');
}

/** Why a case did not pass, as the text of its failure in junit.xml / Allure / the console. */
export function formatCaseFailure(result: Omit<CaseResult, 'kind'>): string {
  const lines: string[] = [];
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const head = result.contract
    ? `${result.contract.service}/${result.contract.operation} (${result.contract.version})`
    : result.name;
  if (result.status === 'error') {
    lines.push(`${head} could not be checked: ${result.error ?? 'unknown error'}`);
  } else if (result.steps?.length && errors === 0) {
    const bad = result.steps.filter((s) => s.status === 'failed' || s.status === 'error').length;
    lines.push(`${head}: ${plural(bad, 'step')} of ${result.steps.length} did not pass${warnSuffix(result.findings)}`);
  } else {
    lines.push(`${head}: ${plural(errors, 'error finding')}${warnSuffix(result.findings)}`);
    if (result.error) lines.push(`  ${result.error}`);
  }
  for (const f of result.findings) lines.push(formatFinding(f));
  for (const step of result.steps ?? []) {
    if (step.status === 'passed' && step.findings.length === 0) continue;
    lines.push(`  step "${step.name}"${step.operation ? ` (${step.operation})` : ''}: ${step.status}`);
    if (step.error) lines.push(`    ${oneLine(step.error)}`);
    for (const m of step.messages) lines.push(`    ${oneLine(m)}`);
    for (const f of step.findings) lines.push(formatFinding(f, '    '));
  }
  return lines.join('\n');
}

function warnSuffix(findings: readonly Finding[]): string {
  const warns = findings.filter((f) => f.severity === 'warn').length;
  return warns ? `, ${plural(warns, 'warning')}` : '';
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Collapse whitespace runs so a value stays on one report line; long values are cut with an ellipsis. */
export function oneLine(s: string, max = 300): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
