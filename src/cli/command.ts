/** What every command module exports, and the helpers they share. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Profile } from '../checks/api.ts';
import { ConfigError, parseProfile } from '../checks/profile.ts';
import { closest } from './did-you-mean.ts';

/** Exit codes. REPORTS: the run finished but a report could not be written (disk full, …): the result cannot be trusted from the files. */
export const EXIT = { OK: 0, FINDINGS: 1, USAGE: 2, REPORTS: 3 } as const;

export interface Command {
  /** Full --help text: usage line, description, every option. Must stay true to `run`. */
  help: string;
  /** Runs the command; returns the exit code. Throws UsageError for bad arguments. */
  run(argv: string[]): Promise<number>;
}

/** Bad arguments or input: printed with the command's name, exit code 2. */
export class UsageError extends Error {}

/** A whole-number option (`--port`, `--concurrency`, …) from `min` to `max`; a usage error otherwise. */
export function wholeNumberOption(name: string, text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) throw new UsageError(`${name} expects a whole number from ${min} to ${max}, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** `--profile`, read as the config file's `profile:` is (checks/config.ts); a usage error otherwise. */
export function profileOption(text: string): Profile {
  try {
    return parseProfile(text, '--profile');
  } catch (e) {
    throw e instanceof ConfigError ? new UsageError(e.message) : e;
  }
}

/**
 * node:util parseArgs, with its errors turned into one short UsageError each: an unknown option names the
 * closest known one ("did you mean"), a missing or unwanted value says so in a few words.
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(optionErrorMessage(e, options));
  }
}

/** The option names a user can type: `--name` for each, and `-x` for short ones, with --help. */
function optionNames(options: NonNullable<ParseArgsConfig['options']>): string[] {
  const names = ['--help', '-h'];
  for (const [name, o] of Object.entries(options)) {
    names.push(name.length === 1 ? `-${name}` : `--${name}`);
    if (o.short) names.push(`-${o.short}`);
  }
  return names;
}

function optionErrorMessage(e: unknown, options: NonNullable<ParseArgsConfig['options']>): string {
  const err = e as { code?: string; message?: string };
  const message = err.message ?? String(e);
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const typed = /^Unknown option '([^']*)'/.exec(message)?.[1] ?? '';
    const bare = typed.split('=')[0]!;
    const guess = closest(bare, optionNames(options).filter((n) => n.startsWith('--') === bare.startsWith('--')));
    return `unknown option ${bare}${guess ? `; did you mean ${guess}?` : ''}`;
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const missing = /^Option '(-[^' ]+)(?: <value>)?' argument missing/.exec(message);
    if (missing) return `option ${missing[1]} needs a value`;
    const unwanted = /^Option '(-[^' ]+)' does not take an argument/.exec(message);
    if (unwanted) return `option ${unwanted[1]} takes no value`;
  }
  return message.split('\n')[0]!.replace(/^TypeError \[[A-Z_]+\]: /, '');
}
