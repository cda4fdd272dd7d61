/** Mistyped options and commands: one short line naming the closest known one. */
import { describe, expect, it } from 'vitest';
import { runMain } from '../support/in-process.ts';
import { closest, distance } from '../../src/cli/did-you-mean.ts';

const inProcess = (args: string[]) => runMain(args);

describe('closest', () => {
  it.each([
    ['--endpont', ['--endpoint', '--out'], '--endpoint'],
    ['--ednpoint', ['--endpoint', '--out'], '--endpoint'],
    ['--profle', ['--profile', '--rule'], '--profile'],
    ['--xyzzy', ['--endpoint', '--out'], undefined],
    ['--ot', ['--out'], '--out'],
    ['--o', ['--out'], undefined],
    ['', ['--out'], undefined],
    ['rnu', ['run', 'report', 'mock'], 'run'],
  ] as const)('%s → %s', (word, candidates, expected) => {
    expect(closest(word, candidates)).toBe(expected);
  });

  it('counts a swap of neighbours as one edit', () => {
    expect(distance('ab', 'ba')).toBe(1);
    expect(distance('kitten', 'sitting')).toBe(3);
  });

  it('gives up on a very long word instead of comparing it', () => {
    expect(closest('-'.repeat(10_000), ['--out'])).toBeUndefined();
  });
});

describe('soapcheck <command> with a mistyped option', () => {
  it('says it in one line, with the closest option', async () => {
    const r = await inProcess(['run', '--endpont', 'http://127.0.0.1:9/']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('soapcheck run: unknown option --endpont; did you mean --endpoint? (see soapcheck run --help)\n');
  });

  it('names the option without a guess when nothing is close', async () => {
    const r = await inProcess(['lint', '--frobnicate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('soapcheck lint: unknown option --frobnicate (see soapcheck lint --help)\n');
  });

  it('an option given without its value', async () => {
    const r = await inProcess(['run', '--out']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('soapcheck run: option --out needs a value (see soapcheck run --help)\n');
  });

  it('a value given to a switch', async () => {
    const r = await inProcess(['run', '--insecure=yes']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('soapcheck run: option --insecure takes no value (see soapcheck run --help)\n');
  });

  it('a mistyped command', async () => {
    const r = await inProcess(['verfiy']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("soapcheck: unknown command 'verfiy'; did you mean verify? (soapcheck --help lists the commands)\n");
  });
});
