import { describe, expect, it } from 'vitest';
import { makeConfig, parseConfigText, parseRuleOption } from '../../src/checks/config.ts';
import { levelOf } from '../../src/checks/engine.ts';
import { RULES } from '../../src/checks/index.ts';

describe('--rule', () => {
  it('id=level; unknown ids and bad levels are clear errors', () => {
    expect(parseRuleOption('field/order=warn')).toEqual(['field/order', 'warn']);
    expect(() => parseRuleOption('field/order')).toThrow(/expected id=off\|warn\|error/);
    expect(() => parseRuleOption('field/orders=warn')).toThrow(/unknown rule "field\/orders" \(rules in that group: field\/missing/);
    expect(() => parseRuleOption('field/order=loud')).toThrow(/must be off, warn or error — got "loud"/);
  });
});

describe('config files', () => {
  it('profile and rules', () => {
    expect(parseConfigText('profile: compatible\nrules:\n  value/lexical: warn\n', 'soapcheck.config.yaml')).toEqual({ profile: 'compatible', rules: { 'value/lexical': 'warn' } });
    expect(() => parseConfigText('profile: compatible\nrule:\n  value/lexical: warn\n', 'c.yaml')).toThrow(/^c\.yaml:2:1: unknown key `rule` at the top level; allowed: profile, rules, knownFailures, diff$/);
    expect(parseConfigText('', 'c.yaml')).toEqual({ rules: {} });
    expect(parseConfigText('rules:\n', 'c.yaml')).toEqual({ rules: {} });
  });
  it('errors name the line of the offending key', () => {
    expect(() => parseConfigText('profile: strict\nrules:\n  field/order: warn\n  field/bogus: off\n', 'c.yaml')).toThrow(/^c\.yaml:4:3: unknown rule "field\/bogus" in `rules` \(rules in that group: /);
    expect(() => parseConfigText('rules:\n  field/order: warning\n', 'c.yaml')).toThrow(/^c\.yaml:2:16: `rules\.field\/order` must be one of off, warn, error — got "warning"$/);
    expect(() => parseConfigText('# a comment\nprofile: lax\n', 'c.yaml')).toThrow(/^c\.yaml:2:10: `profile` must be one of strict, compatible — got "lax"$/);
    expect(() => parseConfigText('\nrules: [field/order]\n', 'c.yaml')).toThrow(/^c\.yaml:2:8: `rules` must be a mapping — got a list$/);
    expect(() => parseConfigText('knownFailures: "  "\n', 'c.yaml')).toThrow(/^c\.yaml:1:16: `knownFailures` has an invalid value — got "  " \(The known-failures file/);
  });
  it('bad YAML names the file and line', () => {
    expect(() => parseConfigText('rules: [', 'c.yaml')).toThrow(/^c\.yaml:1:\d+: YAML syntax error: /);
    expect(() => parseConfigText('- a list\n', 'c.yaml')).toThrow(/^c\.yaml:1:1: the file must be a mapping — got a list$/);
  });
});

describe('profiles', () => {
  it('compatible allows unknown fields and makes order a warning; strict errors on both', () => {
    const strict = makeConfig('strict');
    const compatible = makeConfig('compatible');
    expect(levelOf(RULES.get('field/unexpected')!, strict)).toBe('error');
    expect(levelOf(RULES.get('field/unexpected')!, compatible)).toBe('off');
    expect(levelOf(RULES.get('field/order')!, compatible)).toBe('warn');
    expect(levelOf(RULES.get('field/missing')!, compatible)).toBe('error');
  });
  it('later layers win', () => {
    const c = makeConfig('compatible', { 'field/order': 'error', 'http/action': 'warn' }, { 'http/action': 'off' });
    expect(levelOf(RULES.get('field/order')!, c)).toBe('error');
    expect(levelOf(RULES.get('http/action')!, c)).toBe('off');
  });
});
