/**
 * A finding's fingerprint: what stays the same about a finding from one run to the next, so that two runs
 * (or a run and the known-failures file) can say which findings are new and which went away.
 *
 *   <case id> | <step name, scenarios only> | <rule id> | <path without positional indexes>
 *
 * - The case id is the one every report uses (`<suite>/<service>/<version>/<operation>`,
 *   `<suite>/scenario/<name>`).
 * - The message, expected and actual texts are NOT part of it: they carry values from the response and the
 *   wording of a rule may improve; neither makes a finding new.
 * - Positional indexes (`Item[3]`) are removed from the path: a response that gains an element before the
 *   broken one shifts every index after it, and the finding is still the same finding. Several findings with
 *   one fingerprint (the same rule on `Item[1]/Name` and `Item[2]/Name`) are told apart by their number: when
 *   a run has more of them than the baseline, the extra ones are new.
 */
export interface FindingLike {
  rule: string;
  path: string;
  severity: 'error' | 'warn';
}

export interface FingerprintParts {
  case: string;
  step?: string;
  rule: string;
  path: string;
}

/** `/Envelope/Body/R/Item[3]/Name` → `/Envelope/Body/R/Item/Name`. */
export function stablePath(path: string): string {
  return path.replace(/\[\d+\]/g, '');
}

export function fingerprint(p: FingerprintParts): string {
  return JSON.stringify([p.case, p.step ?? '', p.rule, stablePath(p.path)]);
}

/** One fingerprint of a case, with how often it occurs and its worst severity. */
export interface FingerprintCount extends FingerprintParts {
  key: string;
  count: number;
  severity: 'error' | 'warn';
}

interface CaseLike {
  id: string;
  findings: readonly FindingLike[];
  steps?: ReadonlyArray<{ name: string; findings: readonly FindingLike[] }> | undefined;
}

/** The fingerprints of every finding of a case (its own and its steps'), counted. */
export function caseFingerprints(c: CaseLike): Map<string, FingerprintCount> {
  const out = new Map<string, FingerprintCount>();
  const add = (f: FindingLike, step?: string) => {
    const parts: FingerprintParts = { case: c.id, ...(step !== undefined ? { step } : {}), rule: f.rule, path: stablePath(f.path) };
    const key = fingerprint(parts);
    const seen = out.get(key);
    if (seen) {
      seen.count++;
      if (f.severity === 'error') seen.severity = 'error';
    } else {
      out.set(key, { ...parts, key, count: 1, severity: f.severity });
    }
  };
  for (const f of c.findings) add(f);
  for (const s of c.steps ?? []) for (const f of s.findings) add(f, s.name);
  return out;
}
