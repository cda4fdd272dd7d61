/**
 * Reading the summary.json of an earlier run as the baseline of `soapcheck run --baseline`. Only what the
 * comparison needs is kept: per case its name, status and finding fingerprints.
 *
 * The file is input from outside: bounded in size, and anything that is not a soapcheck summary — missing,
 * unreadable, not JSON, another tool's JSON, a schema version this soapcheck does not read — is a
 * BaselineError saying which file and why (the command turns it into exit 2).
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { SUMMARY_SCHEMA_VERSION } from '../summary-reporter.ts';
import { caseFingerprints, type FindingLike, type FingerprintCount } from './fingerprint.ts';

export class BaselineError extends Error {}

/** Larger summaries are refused: 256 MiB holds several hundred thousand cases. */
export const MAX_BASELINE_BYTES = 256 * 1024 * 1024;

export type BaselineStatus = 'passed' | 'failed' | 'error' | 'skipped';
const STATUSES: readonly string[] = ['passed', 'failed', 'error', 'skipped'];

export interface BaselineCase {
  id: string;
  name: string;
  status: BaselineStatus;
  fingerprints: Map<string, FingerprintCount>;
}

export interface Baseline {
  file: string;
  startedAt: string | null;
  toolVersion: string | null;
  cases: Map<string, BaselineCase>;
}

export function readBaseline(file: string, maxBytes = MAX_BASELINE_BYTES): Baseline {
  const text = readBounded(file, maxBytes);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`${file}: not JSON (${(e as Error).message}); --baseline expects the summary.json of an earlier soapcheck run`);
  }
  return parseBaseline(doc, file);
}

function readBounded(file: string, maxBytes: number): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BaselineError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read (${code ?? String(e)})`}`);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new BaselineError(`${file}: not a file`);
    if (st.size > maxBytes) throw new BaselineError(`${file}: ${st.size} bytes, over the ${maxBytes}-byte limit for a baseline summary`);
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got).toString('utf8');
  } catch (e) {
    if (e instanceof BaselineError) throw e;
    throw new BaselineError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  } finally {
    closeSync(fd);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A parsed summary.json (any schema version this soapcheck reads) as a baseline. */
export function parseBaseline(doc: unknown, file: string): Baseline {
  const not = (why: string) => new BaselineError(`${file}: not a soapcheck summary.json (${why})`);
  if (!isObject(doc)) throw not('expected a JSON object');
  const tool = doc.tool;
  if (!isObject(tool) || tool.name !== 'soapcheck') throw not('no "tool": {"name": "soapcheck"}');
  const version = doc.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw not('no integer "schemaVersion"');
  if (version > SUMMARY_SCHEMA_VERSION) {
    throw new BaselineError(`${file}: summary schema version ${version} was written by a newer soapcheck (${String(tool.version)}); this one reads up to version ${SUMMARY_SCHEMA_VERSION}`);
  }
  if (!Array.isArray(doc.cases)) throw not('no "cases" array');
  const cases = new Map<string, BaselineCase>();
  doc.cases.forEach((c: unknown, i: number) => {
    const where = `cases[${i}]`;
    if (!isObject(c) || typeof c.id !== 'string' || typeof c.name !== 'string') throw not(`${where}: no string "id" and "name"`);
    if (typeof c.status !== 'string' || !STATUSES.includes(c.status)) throw not(`${where}: "status" must be one of ${STATUSES.join(', ')}`);
    const findings = findingsOf(c.findings, `${where}.findings`, not);
    const steps = c.steps === undefined ? undefined : stepsOf(c.steps, `${where}.steps`, not);
    cases.set(c.id, { id: c.id, name: c.name, status: c.status as BaselineStatus, fingerprints: caseFingerprints({ id: c.id, findings, steps }) });
  });
  return {
    file,
    startedAt: typeof doc.startedAt === 'string' ? doc.startedAt : null,
    toolVersion: typeof tool.version === 'string' ? tool.version : null,
    cases,
  };
}

function findingsOf(v: unknown, where: string, not: (why: string) => BaselineError): FindingLike[] {
  if (!Array.isArray(v)) throw not(`${where}: expected an array`);
  return v.map((f: unknown, i) => {
    if (!isObject(f) || typeof f.rule !== 'string' || typeof f.path !== 'string') throw not(`${where}[${i}]: no string "rule" and "path"`);
    return { rule: f.rule, path: f.path, severity: f.severity === 'warn' ? 'warn' : 'error' };
  });
}

function stepsOf(v: unknown, where: string, not: (why: string) => BaselineError): Array<{ name: string; findings: FindingLike[] }> {
  if (!Array.isArray(v)) throw not(`${where}: expected an array`);
  return v.map((s: unknown, i) => {
    if (!isObject(s) || typeof s.name !== 'string') throw not(`${where}[${i}]: no string "name"`);
    return { name: s.name, findings: findingsOf(s.findings, `${where}[${i}].findings`, not) };
  });
}
