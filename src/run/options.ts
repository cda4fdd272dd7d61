/** The options of one `soapcheck run`, as the engine executes them. File paths are absolute. */
import type { Profile, RuleSetting } from '../checks/api.ts';
import type { WsSecurity } from '../soap/wssecurity.ts';
import type { FileConfig } from '../checks/config.ts';

export interface RunOptions {
  /** Suite files (absolute). */
  suites: string[];
  /** Contract files/folders/globs given instead of suites (absolute): they form one ad-hoc suite. */
  contracts: string[];
  /** Base URL; overrides every suite's endpoint. Absent: each suite's, else the embedded mock. */
  endpoint?: string;
  /** Overrides every suite's profile. */
  profile?: Profile;
  /** Requests in flight at once. */
  concurrency: number;
  /** `--rule id=level` overrides (win over the suites' rules). */
  rules?: Record<string, RuleSetting>;
  /** Per-request timeout, ms. */
  timeoutMs: number;
  /** `--header 'Name: value'`, parsed (values may hold `${NAME}`; win over the suites' http.headers). */
  headers?: Array<{ name: string; value: string }>;
  /** `--wsse-*`: a WS-Security header on every request (wins over the suites' wsSecurity; `${NAME}` allowed). */
  wsSecurity?: WsSecurity;
  /** `--var NAME=value` (wins over the environment). */
  vars: Record<string, string>;
  /** PEM files (absolute paths). */
  ca?: string;
  cert?: string;
  key?: string;
  insecure: boolean;
  /** `--shard i/n`: run only the cases whose position p (0-based, over all suites) has p % n === i - 1. */
  shard?: { index: number; count: number };
  /**
   * `--namespace-map old=new`: replay the contracts moved into newer namespaces (old URI → new URI); merged over
   * every suite's namespaceMap (the command line wins for the same old URI).
   */
  namespaceMap?: Record<string, string>;
  /** Reports folder (absolute). */
  out: string;
  /** soapcheck.config.yaml's settings: under the suites' and the command line's. */
  config?: FileConfig;
}

export const DEFAULT_CONCURRENCY = 8;

/** Parse `i/n` (1 ≤ i ≤ n). Returns an error message instead when it is not that. */
export function parseShard(text: string): { index: number; count: number } | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `--shard expects i/n, e.g. 1/3, got ${JSON.stringify(text)}`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index < 1 || index > count) return `--shard ${text}: need 1 ≤ i ≤ n`;
  return { index, count };
}
