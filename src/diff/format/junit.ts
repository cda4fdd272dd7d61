/**
 * The JUnit format: one testcase per operation of either side, failed by its changes at the
 * fail-on level or above (its own, and those of the shared types it uses); lower levels go to
 * its system-out. Facts about the whole set (namespace and endpoint moves) are one more testcase.
 */
import { escapeAttr, escapeText, stripInvalidXmlChars } from '../../xml/escape.ts';
import type { Change } from '../model.ts';
import { fails, type DiffReport } from './shared.ts';

const SET_CASE = '(contract set)';

function line(c: Change): string {
  return `${c.level} ${c.id}${c.type ? ` in type ${c.type}` : ''}${c.path ? ` at ${c.path}` : ''}: ${c.message}`;
}

export function formatJunit(r: DiffReport, operationNames: readonly string[]): string {
  const byCase = new Map<string, Change[]>([[SET_CASE, []], ...[...new Set(operationNames)].sort().map((o) => [o, []] as [string, Change[]])]);
  for (const c of r.changes) {
    const targets = c.type ? c.operations ?? [] : [c.operation ?? SET_CASE];
    for (const t of targets) byCase.get(t)?.push(c) ?? byCase.set(t, [c]);
  }
  let failures = 0;
  const cases: string[] = [];
  for (const [name, cs] of byCase) {
    const bad = cs.filter((c) => fails(c, r.failOn));
    const rest = cs.filter((c) => !fails(c, r.failOn));
    const x = (s: string): string => escapeText(stripInvalidXmlChars(s));
    let body = '';
    if (bad.length > 0) {
      failures++;
      body += `\n      <failure message="${escapeAttr(stripInvalidXmlChars(`${bad.length} change(s) at ${r.failOn} or above`))}" type="${escapeAttr(bad[0]!.id)}">${x(bad.map(line).join('\n'))}</failure>`;
    }
    if (rest.length > 0) body += `\n      <system-out>${x(rest.map(line).join('\n'))}</system-out>`;
    cases.push(`    <testcase classname="soapcheck.diff" name="${escapeAttr(stripInvalidXmlChars(name))}">${body}${body ? '\n    ' : ''}</testcase>`);
  }
  const suite = escapeAttr(stripInvalidXmlChars(`${r.oldLabel} → ${r.newLabel}`));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="soapcheck diff" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="${suite}" tests="${cases.length}" failures="${failures}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
