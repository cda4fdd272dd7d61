/**
 * Suites (`suites/*.suite.yaml`): which contracts, which endpoint, profile and rule overrides,
 * variables, request values, embedded-mock settings, and scenarios. Validated with ajv against
 * suites/schema/suite.schema.json; every problem carries file:line.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Profile, RuleSetting } from '../checks/api.ts';
import { unknownRuleProblems } from '../checks/config.ts';
import { formatYamlProblem, readCheckedYaml, valueAt } from '../contract/yaml-problems.ts';
import { pointerSegments } from '../contract/yaml-source.ts';
import { validateSuiteDoc } from './suite-validator.generated.ts';
import type { VariableDecl } from './variables.ts';
import type { PasswordType, WsSecurity } from '../soap/wssecurity.ts';

/** Kept here too: `soapcheck mock` takes a suite's contract paths from this module. */
export { expandContractPaths } from './contract-paths.ts';

export type ValueMap = Record<string, string>;

export interface Assertion {
  xpath: string;
  equals?: string;
  matches?: string;
  exists?: boolean;
  count?: number;
}

export interface Capture {
  xpath: string;
  secret: boolean;
}

/** A negative case: the answer must be a Fault (with this code and reason), and/or these rules must report. */
export interface StepExpect {
  fault?: { code?: string; reason?: string };
  rules: string[];
}

export interface Step {
  name: string;
  /** Absent: a normal response is expected. */
  expect?: StepExpect;
  /** `Service/Operation` or `Version/Service/Operation`. */
  call: string;
  values: ValueMap;
  check: boolean;
  capture: Record<string, Capture>;
  assert: Assertion[];
  /** 1-based line of the step in the suite file. */
  line?: number;
}

export interface Scenario {
  name: string;
  description?: string;
  namespaces: Record<string, string>;
  steps: Step[];
  line?: number;
}

export interface Suite {
  /** Suite file, absolute. */
  file: string;
  name: string;
  description?: string;
  /** Contract files/folders/globs, resolved against the suite's folder. */
  contracts: string[];
  replay: boolean;
  endpoint?: string;
  profile?: Profile;
  rules: Record<string, RuleSetting>;
  variables: Record<string, VariableDecl>;
  /** Operation key (`*`, `Service/Operation`, `Version/Service/Operation`) → values. */
  values: Record<string, ValueMap>;
  /** A WS-Security header on every request (username and password may hold `${NAME}`). */
  wsSecurity?: WsSecurity;
  /** Extra HTTP request headers (values may hold `${NAME}`). */
  http: { headers: Record<string, HeaderSetting> };
  /** Passed to the embedded mock as they are (responses, echo). */
  mock: { responses?: unknown[]; echo?: unknown[] };
  scenarios: Scenario[];
  /** Replay the contracts moved into newer namespaces: old namespace URI → new one (docs/upgrading.md). */
  namespaceMap?: Record<string, string>;
  /**
   * 1-based lines in the suite file, for problems found after loading (e.g. an unset variable):
   * `endpoint`, `contracts`, `namespaceMap/<old uri>`, `values/<key>`, `values/<key>/<path>` (keys as written), `mock/echo/<i>`, `mock/responses/<i>`.
   */
  lines?: Record<string, number>;
}

/** One extra request header: its value (may hold `${NAME}`), and whether it is a secret. */
export interface HeaderSetting {
  value: string;
  secret: boolean;
}

export interface SuiteProblem {
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export class SuiteError extends Error {
  constructor(readonly problems: SuiteProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'SuiteError';
  }
}

/** `file:line:col: message`, as every YAML file's problems read (contract/yaml-problems.ts). */
export const formatProblem: (p: SuiteProblem) => string = formatYamlProblem;


/** Read and validate one suite file. Throws SuiteError (with file:line) for any problem. */
export function loadSuite(file: string): Suite {
  const abs = resolve(file);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new SuiteError([{ file, message: `cannot read suite: ${(e as NodeJS.ErrnoException).code ?? String(e)}` }]);
  }
  return parseSuite(text, file);
}

/** Parse suite text (`file` is used for messages and to resolve relative contract paths). */
export function parseSuite(text: string, file: string): Suite {
  // Positions at once: every scenario and step keeps its line.
  const read = readCheckedYaml(text, file, validateSuiteDoc, { positions: 'eager' });
  if (!read.ok) throw new SuiteError(read.problems);
  const src = read.source;
  const raw = src.data as RawSuite;
  const base = dirname(resolve(file));
  /** The line of the value at a JSON pointer, or of its key (`atKey`). */
  const lineOf = (pointer: string, atKey = false): number => {
    if (!atKey || !pointer) return src.locate(pointer).line;
    const cut = pointer.lastIndexOf('/');
    if (Array.isArray(valueAt(src.data, pointer.slice(0, cut)))) return src.locate(pointer).line;
    return src.locateKey(pointer.slice(0, cut), pointerSegments(pointer.slice(cut))[0]!).line;
  };
  const problems: SuiteProblem[] = [];
  problems.push(...unknownRuleProblems(src));
  const rules: Record<string, RuleSetting> = { ...(raw.rules ?? {}) };
  const scenarios: Scenario[] = (raw.scenarios ?? []).map((s, si) => ({
    name: s.name,
    description: s.description,
    namespaces: { ...(raw.namespaces ?? {}), ...(s.namespaces ?? {}) },
    line: lineOf(`/scenarios/${si}`),
    steps: s.steps.map((st, i) => ({
      name: st.name ?? `${i + 1}. ${st.call}`,
      call: st.call,
      values: stringify(st.values),
      check: st.check ?? true,
      ...(st.expect ? { expect: { ...(st.expect.fault ? { fault: st.expect.fault === true ? {} : st.expect.fault } : {}), rules: st.expect.rules ?? [] } } : {}),
      capture: Object.fromEntries(Object.entries(st.capture ?? {}).map(([k, c]) => [k, typeof c === 'string' ? { xpath: c, secret: false } : { xpath: c.xpath, secret: c.secret ?? false }])),
      assert: (st.assert ?? []).map((a) => ({ ...a, ...(a.equals !== undefined ? { equals: String(a.equals) } : {}) })),
      line: lineOf(`/scenarios/${si}/steps/${i}`),
    })),
  }));
  const names = new Set<string>();
  scenarios.forEach((s) => {
    if (names.has(s.name)) problems.push({ file, line: s.line, message: `scenario name "${s.name}" is used twice` });
    names.add(s.name);
    for (const st of s.steps) {
      const reason = st.expect?.fault?.reason;
      if (reason !== undefined) {
        try {
          new RegExp(reason);
        } catch (e) {
          problems.push({ file, line: st.line, message: `expect.fault.reason is not a valid regular expression: ${(e as Error).message}` });
        }
      }
      for (const a of st.assert) {
        if (a.matches !== undefined) {
          try {
            new RegExp(a.matches);
          } catch (e) {
            problems.push({ file, line: st.line, message: `assert.matches is not a valid regular expression: ${(e as Error).message}` });
          }
        }
      }
    }
  });
  if (problems.length) throw new SuiteError(problems);
  const lines: Record<string, number> = {};
  const note = (name: string, pointer: string) => {
    const line = lineOf(pointer, true);
    if (line !== undefined) lines[name] = line;
  };
  const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
  if (raw.endpoint !== undefined) note('endpoint', '/endpoint');
  for (const from of Object.keys(raw.namespaceMap ?? {})) note(`namespaceMap/${from}`, `/namespaceMap/${esc(from)}`);
  note('contracts', '/contracts');
  for (const kind of ['echo', 'responses'] as const) (raw.mock?.[kind] ?? []).forEach((_, i) => note(`mock/${kind}/${i}`, `/mock/${kind}/${i}`));
  for (const [k, m] of Object.entries(raw.values ?? {})) {
    note(`values/${k}`, `/values/${esc(k)}`);
    for (const path of Object.keys(m ?? {})) note(`values/${k}/${path}`, `/values/${esc(k)}/${esc(path)}`);
  }
  return {
    file: resolve(file),
    name: raw.name,
    description: raw.description,
    contracts: raw.contracts.map((c) => (isAbsolute(c) ? c : join(base, c))),
    replay: raw.replay ?? true,
    endpoint: raw.endpoint,
    profile: raw.profile,
    rules,
    variables: Object.fromEntries(Object.entries(raw.variables ?? {}).map(([k, d]) => [k, typeof d === 'string' ? { default: d } : d])),
    values: Object.fromEntries(Object.entries(raw.values ?? {}).map(([k, m]) => [k, stringify(m)])),
    ...(raw.wsSecurity ? { wsSecurity: wsSecurityOf(raw.wsSecurity) } : {}),
    http: { headers: Object.fromEntries(Object.entries(raw.http?.headers ?? {}).map(([k, h]) => [k, typeof h === 'string' ? { value: h, secret: false } : { value: h.value, secret: h.secret ?? false }])) },
    mock: raw.mock ?? {},
    scenarios,
    ...(raw.namespaceMap ? { namespaceMap: raw.namespaceMap } : {}),
    lines,
  };
}

/** Every `*.suite.yaml` directly in a folder, sorted. */
export function suitesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.suite.yaml')).sort().map((n) => join(dir, n));
}

/** Path of a file relative to the working directory, for messages. */
export function shown(path: string): string {
  const r = relative(process.cwd(), path);
  return r.startsWith('..') ? path : r;
}

// --- helpers ---------------------------------------------------------------

interface RawStep {
  name?: string;
  call: string;
  values?: Record<string, string | number | boolean>;
  check?: boolean;
  expect?: { fault?: true | { code?: string; reason?: string }; rules?: string[] };
  capture?: Record<string, string | { xpath: string; secret?: boolean }>;
  assert?: Array<Assertion & { equals?: string | number | boolean }>;
}

interface RawSuite {
  name: string;
  description?: string;
  contracts: string[];
  replay?: boolean;
  endpoint?: string;
  profile?: Profile;
  rules?: Record<string, RuleSetting>;
  variables?: Record<string, string | VariableDecl>;
  values?: Record<string, Record<string, string | number | boolean>>;
  mock?: { responses?: unknown[]; echo?: unknown[] };
  http?: { headers?: Record<string, string | { value: string; secret?: boolean }> };
  wsSecurity?: { username: string; password: string; passwordType?: PasswordType; nonce?: boolean; created?: boolean; timestamp?: number; mustUnderstand?: boolean };
  namespaces?: Record<string, string>;
  namespaceMap?: Record<string, string>;
  scenarios?: Array<{ name: string; description?: string; namespaces?: Record<string, string>; steps: RawStep[] }>;
}

function wsSecurityOf(w: NonNullable<RawSuite['wsSecurity']>): WsSecurity {
  const { timestamp, ...rest } = w;
  return { ...rest, ...(timestamp !== undefined ? { timestampSeconds: timestamp } : {}) };
}

function stringify(m: Record<string, string | number | boolean> | undefined): ValueMap {
  const out: ValueMap = {};
  for (const [k, v] of Object.entries(m ?? {})) out[k] = String(v);
  return out;
}
