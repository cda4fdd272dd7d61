/**
 * What one test case of a run produced: one contract replayed, or one scenario. The runner
 * makes these; reporters read them. Everything in it is already redacted (no secret values).
 */
import { isAbsolute, relative, sep } from 'node:path';
import type { Finding } from '../checks/api.ts';

export type CaseStatus = 'passed' | 'failed' | 'error' | 'skipped';

export interface ExchangeRecord {
  request: { method: string; url: string; headers: Record<string, string>; body: string };
  response?: { status: number; headers: Record<string, string>; body: string };
  durationMs: number;
}

export interface StepResult {
  name: string;
  /** Operation called, `Service/Operation`. */
  operation?: string;
  status: CaseStatus;
  findings: Finding[];
  /** Assertion failures and captures, in plain English. */
  messages: string[];
  error?: string;
  exchange?: ExchangeRecord;
}

export interface CaseResult {
  /** Stable id: `<suite>/<service>/<version>/<operation>` or `<suite>/scenario/<name>`. */
  id: string;
  /** Test name as shown in reports. */
  name: string;
  kind: 'contract' | 'scenario';
  suite?: string;
  contract?: { file: string; service: string; version: string; operation: string };
  /** passed: no error findings; failed: error findings or failed assertions; error: could not be checked (transport, timeout, …). */
  status: CaseStatus;
  findings: Finding[];
  /** Why the case could not be checked (connection refused, timeout, TLS …). */
  error?: string;
  durationMs: number;
  steps?: StepResult[];
  exchange?: ExchangeRecord;
  /** Set when the case was replayed under a namespace map (an older version's contract against a newer endpoint). */
  replay?: CaseReplay;
}

/**
 * What a replayed case was moved to: the namespace mappings its contract uses (old URI → new URI), and for a
 * contract case the action and endpoint path it was sent with.
 */
export interface CaseReplay {
  namespaces: Record<string, string>;
  action?: string;
  endpoint?: string;
}

/** Who a case is, known before it runs: what reports show for a case that was skipped or never recorded. */
export type CaseIdentity = Pick<CaseResult, 'id' | 'name' | 'kind' | 'suite' | 'contract' | 'replay'>;

/**
 * A contract's path as reports show it: relative to the working folder (so reports made in CI
 * name files the way the repository does, and do not carry the machine's folder layout), with
 * forward slashes. A path on another drive or root stays absolute.
 */
export function reportPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel === '' || isAbsolute(rel) ? file : rel.split(sep).join('/');
}

/** The identity of the case that replays contract `c` in suite `suite` (the runner's CaseResult carries the same). */
export function contractCaseIdentity(suite: string | undefined, c: { file: string; service: string; version: string; operation: string }): CaseIdentity {
  return {
    id: `${suite ?? 'run'}/${c.service}/${c.version}/${c.operation}`,
    name: `${c.version}/${c.service}/${c.operation}`,
    kind: 'contract',
    suite,
    contract: { file: reportPath(c.file), service: c.service, version: c.version, operation: c.operation },
  };
}

/** The identity of the case that runs scenario `name` in suite `suite`. */
export function scenarioCaseIdentity(suite: string | undefined, name: string): CaseIdentity {
  return { id: `${suite ?? 'run'}/scenario/${name}`, name: `scenario: ${name}`, kind: 'scenario', suite };
}
