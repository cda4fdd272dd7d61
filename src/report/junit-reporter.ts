/**
 * The run's JUnit XML reporter (`<out>/junit.xml`), a small writer of the format CI test browsers
 * read (Jenkins, GitLab, GitHub test reporters):
 *
 *   <testsuites>                         one per run
 *     <testsuite name="superoffice-user"> one per suite
 *       <testcase classname="superoffice-user.Services88.User" name="GetUser" file="contracts/…"/>
 *       <testcase classname="untrusted-credentials-roundtrip.scenario" name="round-trip"/>
 *
 * A case with error findings or failed assertions has a `<failure type="AssertionError">`, a case that
 * could not be checked an `<error type="CaseError">`, a skipped case `<skipped/>`; their text is the
 * case's failure as the console shows it (rule, location, expected, actual, message).
 *
 * Streams: each testcase is written to its suite's temporary file when its result arrives; at the end
 * the suites (whose opening tags carry the counts) are joined into junit.xml and the temporary files
 * removed. A reader never sees a half-written junit.xml.
 */
import { createReadStream, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { RunEnd, RunListener, RunStart } from '../run/events.ts';
import type { CaseIdentity, CaseReplay, CaseResult } from '../run/result.ts';
import { escapeAttr, escapeText, stripInvalidXmlChars } from '../xml/escape.ts';
import { formatCaseFailure, textCase } from './format.ts';
import { Redactor } from '../secrets/redact.ts';
import type { RunGate } from './baseline/gate.ts';
import { KNOWN_FAILURE_NOTE } from './baseline/format.ts';
import { TextSink } from './text-sink.ts';

export const JUNIT_FILE = 'junit.xml';

/** Where a case sits in JUnit: its testsuite, classname and testcase name. */
export function junitNames(c: CaseIdentity): { suite: string; classname: string; name: string } {
  const suite = c.suite ?? 'run';
  if (c.contract) return { suite, classname: `${suite}.${c.contract.version}.${c.contract.service}`, name: c.contract.operation };
  return { suite, classname: `${suite}.${c.kind}`, name: c.name.replace(/^scenario: /, '') };
}

interface SuiteFile {
  name: string;
  sink: TextSink;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  /** Wall time from the suite's first case's start to its last case's end. */
  firstStart: number;
  lastEnd: number;
}

export interface JunitReporterOptions {
  outDir: string;
  redactor?: Redactor;
  /** Marks known failures (type KnownFailure); fed each case before this reporter. */
  gate?: RunGate;
}

export class JunitReporter implements RunListener {
  readonly file: string;
  readonly #outDir: string;
  readonly #redactor: Redactor;
  readonly #gate: RunGate | undefined;
  readonly #suites = new Map<string, SuiteFile>();
  #startedAt = new Date(0);

  constructor(options: JunitReporterOptions) {
    this.#outDir = options.outDir;
    this.file = join(options.outDir, JUNIT_FILE);
    this.#redactor = options.redactor ?? new Redactor();
    this.#gate = options.gate;
  }

  onRunStart(start: RunStart): void {
    this.#startedAt = start.startedAt;
    mkdirSync(this.#outDir, { recursive: true });
    // Suites in plan order, each with its temporary file.
    for (const c of start.cases) this.#suite(junitNames(c).suite);
  }

  onCaseResult(result: CaseResult): Promise<void> | void {
    const r = textCase(result, this.#redactor);
    const n = junitNames(r);
    const s = this.#suite(n.suite);
    s.tests++;
    const now = performance.now();
    s.firstStart = Math.min(s.firstStart, now - r.durationMs);
    s.lastEnd = Math.max(s.lastEnd, now);
    const file = r.contract ? ` file="${attr(r.contract.file)}"` : '';
    const open = `    <testcase classname="${attr(n.classname)}" name="${attr(n.name)}" time="${seconds(r.durationMs)}"${file}`;
    // Children of the testcase, each indented under it: properties first, as the JUnit schema orders them.
    const children: string[] = r.replay ? [replayProperties(r.replay)] : [];
    if (r.status === 'skipped') {
      s.skipped++;
      children.push('<skipped/>');
    } else if (r.status === 'failed' || r.status === 'error') {
      const known = this.#gate?.isKnownFailure(result) === true;
      const text = known ? `${KNOWN_FAILURE_NOTE}\n${formatCaseFailure(r)}` : formatCaseFailure(r);
      const tag = r.status === 'failed' ? 'failure' : 'error';
      if (r.status === 'failed') s.failures++;
      else s.errors++;
      const type = r.status === 'failed' ? (known ? 'KnownFailure' : 'AssertionError') : 'CaseError';
      children.push(`<${tag} type="${type}" message="${attr(text.split('\n', 1)[0]!)}">${escapeText(stripInvalidXmlChars(text))}</${tag}>`);
    }
    return s.sink.write(children.length ? `${open}>\n${children.map((c) => `      ${c}\n`).join('')}    </testcase>\n` : `${open}/>\n`);
  }

  async onRunEnd(_end: RunEnd): Promise<void> {
    const suites = [...this.#suites.values()];
    const errors: Error[] = [];
    for (const s of suites) await s.sink.end().catch((e: Error) => errors.push(e));
    try {
      if (errors.length) throw errors[0];
      const total = (k: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((n, s) => n + s[k], 0);
      const ms = suites.reduce((n, s) => n + wall(s), 0);
      const part = `${this.file}.${process.pid}.part`;
      const out = new TextSink(part);
      const stamp = this.#startedAt.toISOString().replace(/\.\d+Z$/, '');
      await out.write(
        `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="soapcheck" tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}" skipped="${total('skipped')}" time="${seconds(ms)}">\n`,
      );
      for (const s of suites) {
        await out.write(
          `  <testsuite name="${attr(s.name)}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}" time="${seconds(wall(s))}" timestamp="${stamp}">\n`,
        );
        for await (const chunk of createReadStream(s.sink.path, { encoding: 'utf8' })) {
          if (out.error) break;
          await out.write(chunk as string);
        }
        await out.write('  </testsuite>\n');
      }
      try {
        await out.end('</testsuites>\n');
      } catch (e) {
        rmSync(part, { force: true });
        throw e;
      }
      renameSync(part, this.file);
    } finally {
      for (const s of suites) rmSync(s.sink.path, { force: true });
    }
  }

  #suite(name: string): SuiteFile {
    let s = this.#suites.get(name);
    if (!s) {
      const path = join(this.#outDir, `.${JUNIT_FILE}.${process.pid}.${this.#suites.size}.cases`);
      this.#suites.set(name, (s = { name, sink: new TextSink(path), tests: 0, failures: 0, errors: 0, skipped: 0, firstStart: Infinity, lastEnd: -Infinity }));
    }
    return s;
  }
}

/**
 * A replayed case's namespace map, action and endpoint path as testcase properties (read by Jenkins, GitLab and
 * the Allure JUnit importer): `soapcheck.replay.namespace` `old → new`, `soapcheck.replay.action`, `soapcheck.replay.endpoint`.
 */
function replayProperties(replay: CaseReplay): string {
  const props = [
    ...Object.entries(replay.namespaces).map(([from, to]) => ['soapcheck.replay.namespace', `${from} → ${to}`] as const),
    ...(replay.action !== undefined ? [['soapcheck.replay.action', replay.action] as const] : []),
    ...(replay.endpoint !== undefined ? [['soapcheck.replay.endpoint', replay.endpoint] as const] : []),
  ];
  return `<properties>\n${props.map(([n, v]) => `        <property name="${attr(n)}" value="${attr(v)}"/>\n`).join('')}      </properties>`;
}

function wall(s: SuiteFile): number {
  return s.tests ? Math.max(0, s.lastEnd - s.firstStart) : 0;
}

function attr(s: string): string {
  return escapeAttr(stripInvalidXmlChars(s));
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}
