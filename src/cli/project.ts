/**
 * The user's project as every command finds it: the configuration file `soapcheck.config.yaml`
 * (profile, per-rule levels) and the folder whose `suites/*.suite.yaml` `soapcheck run` runs
 * when given no arguments.
 *
 * Both are looked for from the working folder upward, up to and including the first folder that
 * is a project boundary (has package.json or .git), so a parent project's files are never picked
 * up. `--config FILE` names the file instead (it must exist).
 *
 * Precedence of check settings, highest first: command line (`--profile`, `--rule`) > suite
 * (`profile:`, `rules:`) > configuration file > defaults (profile strict, every rule at its
 * catalogue level).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigError, loadConfigFile, type FileConfig } from '../checks/config.ts';
import { UsageError } from './command.ts';

export const CONFIG_FILE = 'soapcheck.config.yaml';

export interface Project {
  /**
   * The folder `suites/` is looked up in: where the config file is, else the first folder up with a suites/
   * folder, else the project boundary (package.json or .git), else the working folder.
   */
  root: string;
  /** The configuration file read, if any. */
  configFile?: string;
  /** Its settings (empty without a file). */
  config: FileConfig;
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Folders from `cwd` upward, ending with the first project boundary (package.json or .git) or the file system's root. */
function foldersUp(cwd: string): string[] {
  const out: string[] = [];
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    out.push(dir);
    if (existsSync(join(dir, 'package.json')) || existsSync(join(dir, '.git')) || dirname(dir) === dir) return out;
  }
}

/** Find the project from `cwd`; `configOption` is `--config` when given. A bad or unreadable config file is a UsageError (exit 2). */
export function findProject(cwd: string = process.cwd(), configOption?: string): Project {
  const folders = foldersUp(cwd);
  let configFile: string | undefined;
  if (configOption !== undefined) {
    configFile = resolve(cwd, configOption);
    if (!existsSync(configFile)) throw new UsageError(`--config ${configOption}: no such file`);
  } else {
    configFile = folders.map((d) => join(d, CONFIG_FILE)).find((f) => existsSync(f));
  }
  let config: FileConfig = { rules: {} };
  if (configFile) {
    try {
      config = loadConfigFile(configFile);
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(e.message);
      throw e;
    }
  }
  const last = folders.at(-1)!;
  const boundary = existsSync(join(last, 'package.json')) || existsSync(join(last, '.git')) ? last : resolve(cwd);
  const root = configFile && configOption === undefined ? dirname(configFile) : (folders.find((d) => isDir(join(d, 'suites'))) ?? boundary);
  return { root, ...(configFile ? { configFile } : {}), config };
}
