/**
 * The dispatcher: in process through runMain (test/support/in-process.ts); --help and a closed pipe spawned, as a
 * user runs them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/corpus.ts';
import { runMain } from '../support/in-process.ts';
import { runCli } from '../support/spawned-cli.ts';

const BIN = join(REPO_ROOT, 'bin', 'soapcheck.js');

async function cli(args: string[]) {
  const r = await runMain(args, { cwd: REPO_ROOT });
  return { status: r.code, stdout: r.stdout, stderr: r.stderr };
}

describe('soapcheck (dispatcher)', () => {
  it('lists every command in --help and exits 0 (spawned, as a user runs it)', async () => {
    const r = await runCli(['--help'], { timeoutMs: 30_000 });
    expect(r.code).toBe(0);
    for (const c of ['import', 'lint', 'verify', 'mock', 'run', 'report', 'diff', 'crosscheck']) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\s`, 'm'));
  });

  it('exits 2 with usage when no command is given', async () => {
    const r = await cli([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('Usage: soapcheck <command>');
  });

  it('exits 2 and names an unknown command', async () => {
    const r = await cli(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });

  it('exits 2 for an unknown option of a command, naming the command', async () => {
    const r = await cli(['lint', '--no-such-option']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/soapcheck lint: .*--no-such-option/);
  });

  it('prints the package version', async () => {
    const r = await cli(['--version']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('stops quietly when its reader closes the pipe early (soapcheck … | head)', async () => {
    // A contract with 3,000 unknown keys: far more lint output than a pipe buffers.
    const dir = mkdtempSync(join(tmpdir(), 'soapcheck-epipe-'));
    const keys = Array.from({ length: 3000 }, (_, i) => `unknown_key_${i}: x`).join('\n');
    writeFileSync(join(dir, 'Broken.yaml'), `soapcheck: 1\nkind: operation\n${keys}\n`);
    const child = spawn(process.execPath, [BIN, 'lint', dir], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    rmSync(dir, { recursive: true, force: true });
    expect(stderr).not.toMatch(/EPIPE|Error/);
    // lint found problems (exit 2), and says so by its exit code even though nobody read the rest.
    expect(code).toBe(2);
  });
});
