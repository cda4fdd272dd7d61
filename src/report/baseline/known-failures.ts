/**
 * The known-failures file: findings a team accepts for now, so that a CI gate fails only on new ones.
 * Reviewed like code; every entry says why. docs/baselines.md describes it.
 *
 *   soapcheck: 1
 *   kind: known-failures
 *   failures:
 *     - case: inventory/Inventory/V1/MissingField    # the case id of summary.json
 *       step: log in                                   # scenarios only: the step's name
 *       rule: field/missing
 *       path: /Envelope/Body/MissingFieldResponse/Item # positional indexes ([2]) are ignored
 *       reason: vendor bug SO-1234, fixed in 10.4      # required
 *       expires: 2027-03-01                            # optional: from the day after, it accepts nothing
 *
 * An entry accepts every finding with its fingerprint (fingerprint.ts), however many. Entries whose case ran
 * but which accepted nothing are stale; entries past their expiry are expired (and accept nothing).
 * Errors name the file and the line.
 */
import { readFileSync, statSync } from 'node:fs';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { fingerprint, stablePath, type FingerprintParts } from './fingerprint.ts';
import type { KnownMatcher } from './compare.ts';

export class KnownFailuresError extends Error {}

export const MAX_KNOWN_FAILURES_BYTES = 16 * 1024 * 1024;

export interface KnownEntry extends FingerprintParts {
  reason: string;
  /** YYYY-MM-DD, the last day the entry accepts findings. */
  expires?: string;
  /** `file:line` of the entry. */
  where: string;
}

const ENTRY_KEYS = ['case', 'step', 'rule', 'path', 'reason', 'expires'];

/** Parse the text of a known-failures file. */
export function parseKnownFailures(text: string, file: string): KnownEntry[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (node: unknown): string => {
    const offset = (node as { range?: [number, number, number] } | null)?.range?.[0];
    return offset === undefined ? file : `${file}:${lines.linePos(offset).line}`;
  };
  if (doc.errors.length > 0) throw new KnownFailuresError(`${file}: not valid YAML: ${doc.errors[0]!.message}`);
  const root = doc.contents;
  if (!isMap(root)) throw new KnownFailuresError(`${file}: expected a mapping with soapcheck: 1, kind: known-failures and failures:`);
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!['soapcheck', 'kind', 'failures'].includes(key)) throw new KnownFailuresError(`${at(pair.key)}: unknown key ${JSON.stringify(key)} (known keys: soapcheck, kind, failures)`);
  }
  if (doc.get('soapcheck') !== 1) throw new KnownFailuresError(`${file}: expected soapcheck: 1`);
  if (doc.get('kind') !== 'known-failures') throw new KnownFailuresError(`${file}: expected kind: known-failures`);
  const list = doc.get('failures', true) as Node | undefined | null;
  if (list === undefined || list === null || (isScalar(list) && list.value === null)) return [];
  if (!isSeq(list)) throw new KnownFailuresError(`${at(list)}: failures: must be a list of entries`);
  const seen = new Map<string, string>();
  return list.items.map((item) => {
    const where = at(item);
    if (!isMap(item)) throw new KnownFailuresError(`${where}: an entry must be a mapping with case, rule, path and reason`);
    const e: Record<string, string> = {};
    for (const pair of item.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      if (!ENTRY_KEYS.includes(key)) throw new KnownFailuresError(`${at(pair.key)}: unknown key ${JSON.stringify(key)} (an entry has ${ENTRY_KEYS.join(', ')})`);
      const value = isScalar(pair.value) ? pair.value.value : undefined;
      if (typeof value !== 'string' && !(key === 'step' && typeof value === 'number')) throw new KnownFailuresError(`${at(pair.key)}: ${key} must be text`);
      e[key] = String(value);
    }
    for (const k of ['case', 'rule', 'path', 'reason']) if (!e[k]?.trim()) throw new KnownFailuresError(`${where}: the entry has no ${k}${k === 'reason' ? ' (say why this finding is accepted)' : ''}`);
    if (e.expires !== undefined && !validDay(e.expires)) throw new KnownFailuresError(`${where}: expires must be a date YYYY-MM-DD, got ${JSON.stringify(e.expires)}`);
    const entry: KnownEntry = { case: e.case!, ...(e.step !== undefined ? { step: e.step } : {}), rule: e.rule!, path: stablePath(e.path!), reason: e.reason!, ...(e.expires ? { expires: e.expires } : {}), where };
    const key = fingerprint(entry);
    const dup = seen.get(key);
    if (dup) throw new KnownFailuresError(`${where}: the same case, step, rule and path as the entry at ${dup}`);
    seen.set(key, where);
    return entry;
  });
}

function validDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

export function loadKnownFailures(file: string): KnownEntry[] {
  let text: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_KNOWN_FAILURES_BYTES) throw new KnownFailuresError(`${file}: ${size} bytes, over the ${MAX_KNOWN_FAILURES_BYTES}-byte limit`);
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof KnownFailuresError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new KnownFailuresError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`}`);
  }
  return parseKnownFailures(text, file);
}

/** What the file did in a run. */
export interface KnownFailuresReport {
  file: string;
  entries: number;
  /** Entries whose case ran and which accepted nothing: the finding is fixed (or moved); remove them. */
  stale: KnownEntry[];
  /** Entries past their expiry date: they accept nothing any more. */
  expired: KnownEntry[];
}

/** The entries of a file, matched against a run's findings. */
export class KnownFailures implements KnownMatcher {
  readonly file: string;
  readonly #entries = new Map<string, KnownEntry & { used: boolean; live: boolean }>();
  readonly #ranCases = new Set<string>();

  /** `today`: YYYY-MM-DD (UTC) the expiry dates are compared with. */
  constructor(file: string, entries: readonly KnownEntry[], today: string = new Date().toISOString().slice(0, 10)) {
    this.file = file;
    for (const e of entries) this.#entries.set(fingerprint(e), { ...e, used: false, live: e.expires === undefined || e.expires >= today });
  }

  /** The live entry for this fingerprint, if any (an expired one accepts nothing). */
  entryFor(fp: FingerprintParts): KnownEntry | undefined {
    const e = this.#entries.get(fingerprint(fp));
    return e?.live ? e : undefined;
  }

  /** True when a live entry accepts this fingerprint; the entry is then not stale. */
  accepts(fp: FingerprintParts): boolean {
    const e = this.#entries.get(fingerprint(fp));
    if (!e?.live) return false;
    e.used = true;
    return true;
  }

  /** A case of this run that was not skipped: its entries can be stale. */
  ran(caseId: string): void {
    this.#ranCases.add(caseId);
  }

  /** Did the case run (not skipped) in this run? */
  didRun(caseId: string): boolean {
    return this.#ranCases.has(caseId);
  }

  /** The entries, as read. */
  entries(): KnownEntry[] {
    return [...this.#entries.values()].map(({ used: _u, live: _l, ...e }) => e);
  }

  report(): KnownFailuresReport {
    const all = [...this.#entries.values()];
    const strip = ({ used: _u, live: _l, ...e }: KnownEntry & { used: boolean; live: boolean }): KnownEntry => e;
    return {
      file: this.file,
      entries: all.length,
      stale: all.filter((e) => e.live && !e.used && this.#ranCases.has(e.case)).map(strip),
      expired: all.filter((e) => !e.live).map(strip),
    };
  }
}
