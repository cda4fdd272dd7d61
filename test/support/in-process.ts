/**
 * Runs a soapcheck command in this process through `main(argv)` — what bin/soapcheck.js does — capturing what it
 * writes, optionally from another working folder. Much cheaper than spawning the CLI; one spawned smoke test per
 * command checks the real entry point.
 */
import { main } from '../../src/cli/main.ts';

export interface InProcessOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runMain(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<InProcessOutcome> {
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  const savedEnv: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries(opts.env ?? {})) {
    savedEnv[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  const cwd = process.cwd();
  if (opts.cwd) process.chdir(opts.cwd);
  // What the command writes is captured, as a pipe would take it: not a terminal (no colours).
  const tty = process.stdout.isTTY;
  process.stdout.isTTY = false;
  process.stdout.write = ((c: string | Uint8Array) => ((stdout += String(c)), true)) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array) => ((stderr += String(c)), true)) as typeof process.stderr.write;
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
    process.stdout.isTTY = tty;
    process.chdir(cwd);
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
