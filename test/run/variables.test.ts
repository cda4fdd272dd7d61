import { describe, expect, it } from 'vitest';
import { parseVarOptions, Variables, VariableError } from '../../src/run/variables.ts';

class Sink {
  secrets: string[] = [];
  addSecret(v: string) {
    this.secrets.push(v);
  }
}

describe('Variables', () => {
  it.each([
    ['--var wins over the environment and the default', { A: 'cli' }, { A: 'env' }, { A: { default: 'dflt' } }, 'cli'],
    ['the environment wins over the default', {}, { A: 'env' }, { A: { default: 'dflt' } }, 'env'],
    ['the default when nothing else gives one', {}, {}, { A: { default: 'dflt' } }, 'dflt'],
    ['an empty environment value counts as unset', {}, { A: '' }, { A: { default: 'dflt' } }, 'dflt'],
  ])('%s', (_n, cli, env, decls, expected) => {
    expect(new Variables(cli, env, decls).substitute('x-${A}-y', 'f.yaml', 'k')).toBe(`x-${expected}-y`);
  });

  it('substitutes several references and keeps $${ as a literal ${', () => {
    const v = new Variables({ A: '1', B: '2' }, {});
    expect(v.substitute('${A}+${B} costs $${A}', 'f', 'k')).toBe('1+2 costs ${A}');
  });

  it('names the file, the key and the variable when a value is missing', () => {
    const v = new Variables({}, {});
    expect(() => v.substitute('${NOPE}', 'suites/x.suite.yaml', 'values.*.Ticket')).toThrowError(VariableError);
    expect(() => v.substitute('${NOPE}', 'suites/x.suite.yaml', 'values.*.Ticket')).toThrow(/suites\/x\.suite\.yaml: values\.\*\.Ticket: variable \$\{NOPE\} has no value/);
  });

  it('registers secret values (SO_TICKET, SO_APP_TOKEN, secret: true) and only those', () => {
    const sink = new Sink();
    const v = new Variables({ MINE: 'm-value' }, { SO_TICKET: 't-value', SO_APP_TOKEN: 'a-value', PLAIN: 'p-value' }, { MINE: { secret: true } }, sink);
    v.substitute('${SO_TICKET} ${SO_APP_TOKEN} ${MINE} ${PLAIN}', 'f', 'k');
    expect(sink.secrets.sort()).toEqual(['a-value', 'm-value', 't-value']);
  });

  it('overlay values (scenario captures) win', () => {
    const v = new Variables({ A: 'cli' }, {});
    expect(v.substitute('${A}', 'f', 'k', new Map([['A', 'captured']]))).toBe('captured');
  });
});

describe('parseVarOptions', () => {
  it('splits at the first =', () => {
    expect(parseVarOptions(['A=1', 'B=x=y', 'C='])).toEqual({ A: '1', B: 'x=y', C: '' });
  });
  it.each(['=1', 'A', '1A=2', 'A-B=3'])('refuses %j', (item) => {
    expect(() => parseVarOptions([item])).toThrow(/--var expects NAME=value/);
  });
});
