/** What every command module exports, and the helpers they share. */
import { parseArgs, type ParseArgsConfig } from 'node:util';

export const EXIT = { OK: 0, FINDINGS: 1, USAGE: 2 } as const;

export interface Command {
  /** Full --help text: usage line, description, every option. Must stay true to `run`. */
  help: string;
  /** Runs the command; returns the exit code. Throws UsageError for bad arguments. */
  run(argv: string[]): Promise<number>;
}

/** Bad arguments or input: printed with the command's name, exit code 2. */
export class UsageError extends Error {}

/** node:util parseArgs, with its errors turned into UsageError. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(e));
  }
}
