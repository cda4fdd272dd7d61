/**
 * Level overrides for the diff's checks: the `diff:` block of soapcheck.config.yaml (check id →
 * ERR, WARN, INFO or off) and `--level id=LEVEL` options, later ones winning. An unknown id or
 * level is an error naming where it was written.
 */
import { readFileSync } from 'node:fs';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { CHECKS } from './registry.ts';
import { LEVELS, type LevelSetting } from './model.ts';

export class DiffConfigError extends Error {}

function setting(id: string, v: unknown, where: string): [string, LevelSetting] {
  if (!CHECKS.has(id)) {
    const group = id.split('/')[0];
    const close = [...CHECKS.keys()].filter((k) => k.split('/')[0] === group);
    throw new DiffConfigError(`${where}: unknown diff check ${JSON.stringify(id)}${close.length ? ` (checks in that group: ${close.join(', ')})` : ''}`);
  }
  if (typeof v === 'string' && ([...LEVELS, 'off'] as string[]).includes(v)) return [id, v as LevelSetting];
  throw new DiffConfigError(`${where}: diff check ${id} must be ERR, WARN, INFO or off — got ${JSON.stringify(v)}`);
}

/** The `diff:` block of a config file's text; {} when the file has none. */
export function parseDiffLevels(text: string, file: string): Record<string, LevelSetting> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  if (doc.errors.length > 0) throw new DiffConfigError(`${file}: not valid YAML: ${doc.errors[0]!.message}`);
  const block = doc.get('diff', true);
  if (block === undefined || block === null) return {};
  const at = (node: unknown): string => {
    const offset = (node as { range?: [number, number, number] } | null)?.range?.[0];
    return offset === undefined ? file : `${file}:${lines.linePos(offset).line}`;
  };
  if (!isMap(block)) throw new DiffConfigError(`${at(block)}: diff: must be a mapping of check id to ERR, WARN, INFO or off`);
  const out: Record<string, LevelSetting> = {};
  for (const pair of block.items) {
    const id = String(isScalar(pair.key) ? pair.key.value : pair.key);
    const [k, v] = setting(id, isScalar(pair.value) ? pair.value.value : pair.value, `${at(pair.key)}: diff`);
    out[k] = v;
  }
  return out;
}

export function loadDiffLevels(file: string): Record<string, LevelSetting> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new DiffConfigError(`${file}: cannot read: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  return parseDiffLevels(text, file);
}

/** One `--level id=LEVEL` option. */
export function parseLevelOption(opt: string): [string, LevelSetting] {
  const i = opt.lastIndexOf('=');
  if (i <= 0) throw new DiffConfigError(`--level ${JSON.stringify(opt)}: expected check-id=ERR|WARN|INFO|off`);
  return setting(opt.slice(0, i).trim(), opt.slice(i + 1).trim(), `--level ${opt}`);
}
