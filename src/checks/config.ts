/**
 * Check configuration: profiles (`strict`, `compatible`) and per-rule overrides by id
 * (`off` | `warn` | `error`) from `soapcheck.config.yaml`, a suite's `rules:` block, or the
 * command line (`--rule id=level`). Bad config is a ConfigError saying what and where.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ContractProblem } from '../contract/model.ts';
import { formatYamlProblem, label, readCheckedYaml, valueAt } from '../contract/yaml-problems.ts';
import type { YamlSource } from '../contract/yaml-source.ts';
import { validateConfigDoc } from './config-validator.generated.ts';
import type { CheckConfig, Profile, RuleSetting } from './api.ts';
import { RULES } from './catalogue.ts';
import { ConfigError, parseProfile } from './profile.ts';

const LEVELS: readonly RuleSetting[] = ['off', 'warn', 'error'];

export { ConfigError, parseProfile } from './profile.ts';

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
 * Problems of a `rules:` block already checked against its schema (levels are off, warn or error):
 * each unknown rule id, at its key. Shared by soapcheck.config.yaml and suites.
 */
export function unknownRuleProblems(src: YamlSource, pointer = '/rules'): ContractProblem[] {
  const block = valueAt(src.data, pointer);
  if (block === null || typeof block !== 'object' || Array.isArray(block)) return [];
  const out: ContractProblem[] = [];
  for (const id of Object.keys(block)) {
    if (RULES.has(id)) continue;
    const close = [...RULES.keys()].filter((k) => k.split('/')[0] === id.split('/')[0]);
    out.push({ file: src.file, ...src.locateKey(pointer, id), pointer: `${pointer}/${id.replace(/~/g, '~0').replace(/\//g, '~1')}`, code: 'schema', message: `unknown rule ${JSON.stringify(id)} in \`${label(pointer)}\`${close.length ? ` (rules in that group: ${close.join(', ')})` : ''}` });
  }
  return out;
}

/**
 * Parse the text of soapcheck.config.yaml (docs/config.schema.json: profile, rules, knownFailures — the
 * known-failures file of `soapcheck run`, relative to the config file — and diff, read by the diff's own
 * config, src/diff/config.ts; any other key is an error, so a typo such as `rule:` does not silently do
 * nothing). Read and checked as every YAML file of soapcheck's is (contract/yaml-problems.ts): a
 * ConfigError whose lines are `file:line:col: message`.
 */
export function parseConfigText(text: string, file: string): FileConfig {
  const read = readCheckedYaml(text, file, validateConfigDoc);
  const problems = read.ok ? unknownRuleProblems(read.source) : read.problems;
  if (problems.length) throw new ConfigError(problems.map(formatYamlProblem).join('\n'));
  const d = (read.ok ? read.source.data : null) as { profile?: Profile; rules?: Record<string, RuleSetting> | null; knownFailures?: string } | null;
  if (!d) return { rules: {} };
  return {
    ...(d.profile !== undefined ? { profile: d.profile } : {}),
    rules: { ...(d.rules ?? {}) },
    ...(d.knownFailures !== undefined ? { knownFailures: resolve(dirname(file), d.knownFailures) } : {}),
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
