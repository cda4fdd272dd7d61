import { describe, expect, it } from 'vitest';
import { ConfigError, makeConfig, parseConfigText, parseRuleOption, parseRulesBlock } from '../../src/checks/config.ts';
import { levelOf } from '../../src/checks/engine.ts';
import { RULES } from '../../src/checks/index.ts';

describe('rules blocks', () => {
  it('parses rule ids to levels', () => {
    expect(parseRulesBlock({ 'field/order': 'warn', 'http/action': 'off' })).toEqual({ 'field/order': 'warn', 'http/action': 'off' });
    expect(parseRulesBlock(undefined)).toEqual({});
  });
  it('unknown ids and bad levels are clear errors naming where', () => {
    expect(() => parseRulesBlock({ 'field/orders': 'warn' }, 'suite.yaml: rules')).toThrow(/suite\.yaml: rules: unknown rule "field\/orders" \(rules in that group: field\/missing/);
    expect(() => parseRulesBlock({ 'field/order': 'loud' })).toThrow(/must be off, warn or error — got "loud"/);
    expect(() => parseRulesBlock(['field/order'])).toThrow(ConfigError);
  });
  it('--rule id=level', () => {
    expect(parseRuleOption('field/order=warn')).toEqual(['field/order', 'warn']);
    expect(() => parseRuleOption('field/order')).toThrow(/expected id=off\|warn\|error/);
  });
});

describe('config files', () => {
  it('profile and rules', () => {
    expect(parseConfigText('profile: compatible\nrules:\n  value/lexical: warn\n', 'soapcheck.config.yaml')).toEqual({ profile: 'compatible', rules: { 'value/lexical': 'warn' } });
    expect(() => parseConfigText('profile: compatible\nrule:\n  value/lexical: warn\n', 'c.yaml')).toThrow(/^c\.yaml:2: unknown key "rule" \(known keys: profile, rules, knownFailures, diff\)/);
    expect(parseConfigText('', 'c.yaml')).toEqual({ rules: {} });
  });
  it('errors name the line of the offending key', () => {
    expect(() => parseConfigText('profile: strict\nrules:\n  field/order: warn\n  field/bogus: off\n', 'c.yaml')).toThrow(/^c\.yaml:4: rules: unknown rule "field\/bogus"/);
    expect(() => parseConfigText('rules:\n  field/order: warning\n', 'c.yaml')).toThrow(/^c\.yaml:2: rules: rule field\/order must be off, warn or error — got "warning"/);
    expect(() => parseConfigText('# a comment\nprofile: lax\n', 'c.yaml')).toThrow(/^c\.yaml:2: profile must be strict or compatible/);
    expect(() => parseConfigText('\nrules: [field/order]\n', 'c.yaml')).toThrow(/^c\.yaml:2: rules: must be a mapping/);
  });
  it('bad YAML and bad profile name the file', () => {
    expect(() => parseConfigText('rules: [', 'c.yaml')).toThrow(/^c\.yaml: not valid YAML/);
    expect(() => parseConfigText('profile: loose', 'c.yaml')).toThrow(/c\.yaml:1: profile must be strict or compatible/);
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
