/**
 * `soapcheck run --write-known-failures FILE`: a known-failures file that accepts every error finding of this
 * run. An entry that the file given with --known-failures already had keeps its reason and expiry; entries of
 * cases this run did not run are kept as they were; new ones get a reason to replace in review.
 *
 * Only fingerprints are written (case id, step, rule, path — never a message, expected or actual text, which
 * carry values from the responses), and every string goes through the run's redactor first.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { Document } from 'yaml';
import type { Redactor } from '../../secrets/redact.ts';
import { fingerprint, type FingerprintParts } from './fingerprint.ts';
import type { KnownEntry } from './known-failures.ts';

export const NEW_ENTRY_REASON = 'TODO: say why this finding is accepted';

export interface WriteKnownFailuresInput {
  /** Error findings of this run, by fingerprint. */
  findings: readonly FingerprintParts[];
  /** Entries of the file read with --known-failures, if any. */
  previous?: readonly KnownEntry[];
  /** Cases this run ran (not skipped): previous entries of other cases are kept. */
  ran: (caseId: string) => boolean;
  today: string;
  redactor?: Redactor;
}

export function knownFailuresText(x: WriteKnownFailuresInput): string {
  const previous = new Map((x.previous ?? []).map((e) => [fingerprint(e), e]));
  const entries = new Map<string, Omit<KnownEntry, 'where'>>();
  for (const fp of x.findings) {
    const key = fingerprint(fp);
    const old = previous.get(key);
    entries.set(key, { ...fp, reason: old?.reason ?? `${NEW_ENTRY_REASON} (added ${x.today})`, ...(old?.expires ? { expires: old.expires } : {}) });
  }
  for (const [key, e] of previous) if (!x.ran(e.case) && !entries.has(key)) entries.set(key, e);
  const sorted = [...entries.values()]
    .map(({ where: _w, ...e }: Omit<KnownEntry, 'where'> & { where?: string }) => e)
    .sort((a, b) => cmp(a.case, b.case) || cmp(a.step ?? '', b.step ?? '') || cmp(a.rule, b.rule) || cmp(a.path, b.path));
  const failures = sorted.map((e) => {
    const out: Record<string, string> = { case: e.case };
    if (e.step !== undefined) out.step = e.step;
    Object.assign(out, { rule: e.rule, path: e.path, reason: e.reason });
    if (e.expires) out.expires = e.expires;
    return x.redactor ? x.redactor.redactDeep(out) : out;
  });
  const doc = new Document({ soapcheck: 1, kind: 'known-failures', failures });
  doc.commentBefore = [
    ' Known failures: findings accepted for now, so that `soapcheck run --known-failures` fails only on new ones.',
    ' Review this file like code: every entry needs a real reason; `expires: YYYY-MM-DD` ends an entry. See docs/baselines.md.',
    ` Written by soapcheck run --write-known-failures on ${x.today}.`,
  ].join('\n');
  return String(doc);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Write the file whole or not at all. */
export function writeKnownFailures(file: string, text: string): void {
  const part = `${file}.${process.pid}.part`;
  try {
    writeFileSync(part, text);
    renameSync(part, file);
  } catch (e) {
    rmSync(part, { force: true });
    throw e;
  }
}
