/**
 * Check configuration: profiles (`strict`, `compatible`) and per-rule overrides by id
 * (`off` | `warn` | `error`) from `soapcheck.config.yaml`, a suite's `rules:` block, or the
 * command line (`--rule id=level`). Bad config is a ConfigError saying what and where.
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import type { Document } from 'yaml';
import { yamlLibrary } from '../contract/yaml-source.ts';
import type { CheckConfig, Profile, RuleSetting } from './api.ts';
import { RULES } from './catalogue.ts';

const PROFILES: readonly Profile[] = ['strict', 'compatible'];
const LEVELS: readonly RuleSetting[] = ['off', 'warn', 'error'];

export class ConfigError extends Error {}

function knownRule(id: string, where: string): void {
  if (!RULES.has(id)) {
    const close = [...RULES.keys()].filter((k) => k.split('/')[0] === id.split('/')[0]);
    throw new ConfigError(`${where}: unknown rule ${JSON.stringify(id)}${close.length ? ` (rules in that group: ${close.join(', ')})` : ''}`);
  }
}

function level(v: unknown, id: string, where: string): RuleSetting {
  if (typeof v === 'string' && (LEVELS as string[]).includes(v)) return v as RuleSetting;
  throw new ConfigError(`${where}: rule ${id} must be off, warn or error — got ${JSON.stringify(v)}`);
}

export function parseProfile(v: unknown, where: string): Profile {
  if (typeof v === 'string' && (PROFILES as string[]).includes(v)) return v as Profile;
  throw new ConfigError(`${where} must be strict or compatible, got ${JSON.stringify(v)}`);
}

/** Parse a `rules:` mapping (id → off|warn|error), as in soapcheck.config.yaml and suites. */
export function parseRulesBlock(block: unknown, where = 'rules'): Record<string, RuleSetting> {
  if (block === undefined || block === null) return {};
  if (typeof block !== 'object' || Array.isArray(block)) throw new ConfigError(`${where}: must be a mapping of rule id to off, warn or error`);
  const out: Record<string, RuleSetting> = {};
  for (const [id, v] of Object.entries(block as Record<string, unknown>)) {
    knownRule(id, where);
    out[id] = level(v, id, where);
  }
  return out;
}

/** Parse one `--rule id=level` option. */
export function parseRuleOption(opt: string): [string, RuleSetting] {
  const i = opt.lastIndexOf('=');
  if (i <= 0) throw new ConfigError(`--rule ${JSON.stringify(opt)}: expected id=off|warn|error`);
  const id = opt.slice(0, i).trim();
  knownRule(id, `--rule ${opt}`);
  return [id, level(opt.slice(i + 1).trim(), id, `--rule ${opt}`)];
}

export interface FileConfig {
  profile?: Profile;
  rules: Record<string, RuleSetting>;
  /** `knownFailures:` the known-failures file of `soapcheck run`, resolved against the config file's folder. */
  knownFailures?: string;
}

/**
 * Parse the text of soapcheck.config.yaml (keys: profile, rules, knownFailures — the known-failures file of
 * `soapcheck run`, relative to the config file — and diff, read by the diff's own
 * config, src/diff/config.ts; any other key is an error, so a
 * typo such as `rule:` does not silently do nothing).
 * Errors name the file and the line of the offending key (`soapcheck.config.yaml:4: rules: …`).
 */
const CONFIG_KEYS = ['profile', 'rules', 'knownFailures', 'diff'];

export function parseConfigText(text: string, file: string): FileConfig {
  const { LineCounter, isMap, isScalar, parseDocument } = yamlLibrary();
  const lines = new LineCounter();
  let d: Record<string, unknown>;
  let yamlDoc: Document;
  try {
    yamlDoc = parseDocument(text, { lineCounter: lines });
    if (yamlDoc.errors.length > 0) throw yamlDoc.errors[0];
    const doc: unknown = yamlDoc.toJS({ maxAliasCount: 100 });
    if (doc === null || doc === undefined) return { rules: {} };
    if (typeof doc !== 'object' || Array.isArray(doc)) throw new ConfigError(`${file}: must be a mapping`);
    d = doc as Record<string, unknown>;
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(`${file}: not valid YAML: ${e instanceof Error ? e.message : String(e)}`);
  }
  const at = (node: unknown): string => {
    const offset = (node as { range?: [number, number, number] } | null)?.range?.[0];
    return offset === undefined ? file : `${file}:${lines.linePos(offset).line}`;
  };
  const contents = yamlDoc.contents;
  if (isMap(contents)) {
    for (const pair of contents.items) {
      const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
      if (!CONFIG_KEYS.includes(key)) throw new ConfigError(`${at(pair.key)}: unknown key ${JSON.stringify(key)} (known keys: ${CONFIG_KEYS.join(', ')})`);
    }
  }
  const rulesNode = yamlDoc.get('rules', true);
  const keyLine = new Map<string, string>();
  if (isMap(rulesNode)) for (const pair of rulesNode.items) keyLine.set(String(isScalar(pair.key) ? pair.key.value : pair.key), at(pair.key));
  const block = d.rules;
  const rules: Record<string, RuleSetting> = {};
  if (block !== null && typeof block === 'object' && !Array.isArray(block)) {
    // One rule at a time, so that an error names the line of its key.
    for (const [id, v] of Object.entries(block)) Object.assign(rules, parseRulesBlock({ [id]: v }, `${keyLine.get(id) ?? file}: rules`));
  } else {
    Object.assign(rules, parseRulesBlock(block, `${at(rulesNode)}: rules`));
  }
  const known = d.knownFailures;
  if (known !== undefined && (typeof known !== 'string' || !known.trim())) {
    throw new ConfigError(`${at(yamlDoc.get('knownFailures', true))}: knownFailures must be the path of a known-failures file, relative to ${basename(file)}`);
  }
  return {
    profile: d.profile === undefined ? undefined : parseProfile(d.profile, `${at(yamlDoc.get('profile', true))}: profile`),
    rules,
    ...(typeof known === 'string' ? { knownFailures: resolve(dirname(file), known) } : {}),
  };
}

export function loadConfigFile(file: string): FileConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parseConfigText(text, file);
}

/** Combine layers, later ones winning: file config, then CLI profile and rule options. */
export function makeConfig(profile: Profile = 'strict', ...ruleLayers: Array<Record<string, RuleSetting> | undefined>): CheckConfig {
  const rules: Record<string, RuleSetting> = {};
  for (const l of ruleLayers) if (l) Object.assign(rules, l);
  return { profile, rules };
}
