import { describe, expect, it } from 'vitest';
import { MS_CHECKS, XSD_CHECKS, enumCheck } from '../../src/checks/lexical/index.ts';

const scope = { xml: 'http://www.w3.org/XML/1998/namespace', p: 'urn:p', '': 'urn:default' };

const TABLE: Record<string, { valid: string[]; invalid: string[] }> = {
  string: { valid: ['', ' any thing <> ', '\n'], invalid: [] },
  boolean: { valid: ['true', 'false', '1', '0', ' true '], invalid: ['True', 'yes', '', '2'] },
  int: { valid: ['0', '-2147483648', '2147483647', '+5', ' 12 '], invalid: ['2147483648', '-2147483649', '1.0', '', '1e3', '0x10'] },
  long: { valid: ['9223372036854775807', '-9223372036854775808'], invalid: ['9223372036854775808', 'abc'] },
  short: { valid: ['32767', '-32768'], invalid: ['32768'] },
  byte: { valid: ['127', '-128'], invalid: ['128', '-129'] },
  unsignedByte: { valid: ['0', '255'], invalid: ['256', '-1'] },
  unsignedShort: { valid: ['65535'], invalid: ['65536'] },
  unsignedInt: { valid: ['4294967295'], invalid: ['4294967296', '-1'] },
  unsignedLong: { valid: ['18446744073709551615'], invalid: ['18446744073709551616'] },
  integer: { valid: ['123456789012345678901234567890', '-1'], invalid: ['1.5'] },
  positiveInteger: { valid: ['1'], invalid: ['0'] },
  nonNegativeInteger: { valid: ['0'], invalid: ['-1'] },
  negativeInteger: { valid: ['-1'], invalid: ['0'] },
  nonPositiveInteger: { valid: ['0', '-3'], invalid: ['1'] },
  decimal: { valid: ['0', '-1.5', '.5', '5.', '+3.14'], invalid: ['1e5', '', '.', 'NaN', '1,5'] },
  float: { valid: ['1e5', '-1.5E-3', 'INF', '-INF', 'NaN', '3'], invalid: ['inf', 'nan', '1e', ''] },
  double: { valid: ['1.7976931348623157E308', '.5e1'], invalid: ['1.2.3', 'e5'] },
  dateTime: {
    valid: ['2021-11-30T13:23:06Z', '2021-11-30T13:23:06', '2021-11-30T13:23:06.1234567+01:00', '2020-02-29T00:00:00', '2021-01-01T24:00:00'],
    invalid: ['2021-11-30', '2021-13-01T00:00:00', '2021-02-29T00:00:00', '2021-11-30T25:00:00', '2021-11-30 13:23:06', '0000-01-01T00:00:00', '2021-01-01T00:00:00+15:00', '', '02021-01-01T00:00:00'],
  },
  date: { valid: ['2021-11-30', '2021-11-30Z', '-0044-03-15', '12021-01-01', '0999-01-01'], invalid: ['2021-11-31', '21-11-30', '2021-11-30T00:00:00', '02021-01-01'] },
  time: { valid: ['13:23:06', '00:00:00.5Z'], invalid: ['13:23', '13:60:00', '24:00:01'] },
  duration: { valid: ['PT0S', 'P1Y2M3DT4H5M6.7S', '-P1D', 'PT36H'], invalid: ['P', 'PT', '1D', 'P1H', ''] },
  base64Binary: { valid: ['', 'AAAA', 'YWJj', 'YQ==', 'YWI=', 'YWJj\nZGVm', 'AA==', 'AAA='], invalid: ['YQ', 'Y===', '@@@@', 'YQ==YQ==', 'YR==', 'YWJ='] },
  hexBinary: { valid: ['', '0aFF'], invalid: ['abc', 'zz'] },
  anyURI: { valid: ['http://example.com/a?b#c', 'relative/path', '', 'urn:x:y', 'a%20b'], invalid: ['http://x/%zz', 'a#b#c', '1http://x'] },
  QName: { valid: ['p:local', 'local', ' p:x '], invalid: ['q:local', 'a:b:c', '1x', ''] },
  gYear: { valid: ['2021', '2021Z', '12021', '0001'], invalid: ['21', '02021'] },
  gYearMonth: { valid: ['2021-11'], invalid: ['2021-13', '02021-11'] },
  gMonthDay: { valid: ['--12-31'], invalid: ['12-31'] },
  language: { valid: ['en', 'en-US'], invalid: ['englishlanguage', 'en_US', ''] },
};

describe('XSD lexical checkers', () => {
  for (const [type, { valid, invalid }] of Object.entries(TABLE)) {
    const check = XSD_CHECKS[type]!;
    it(`${type}: accepts ${valid.length}, rejects ${invalid.length}`, () => {
      expect(check).toBeTypeOf('function');
      for (const v of valid) expect(check(v, scope), `${type} should accept ${JSON.stringify(v)}`).toBeNull();
      for (const v of invalid) expect(check(v, scope), `${type} should reject ${JSON.stringify(v)}`).toBeTypeOf('string');
    });
  }
});

describe('.NET serialization primitives', () => {
  it('guid', () => {
    expect(MS_CHECKS.guid!('3f2504e0-4f89-11d3-9a0c-0305e82c3301', scope)).toBeNull();
    expect(MS_CHECKS.guid!('3F2504E0-4F89-11D3-9A0C-0305E82C3301', scope)).toBeNull();
    for (const bad of ['{3f2504e0-4f89-11d3-9a0c-0305e82c3301}', '3f2504e04f8911d39a0c0305e82c3301', '', 'not-a-guid']) {
      expect(MS_CHECKS.guid!(bad, scope), bad).toBeTypeOf('string');
    }
  });
  it('char is a UTF-16 code unit number', () => {
    expect(MS_CHECKS.char!('65', scope)).toBeNull();
    expect(MS_CHECKS.char!('A', scope)).toBeTypeOf('string');
    expect(MS_CHECKS.char!('65536', scope)).toBeTypeOf('string');
  });
  it('duration follows xs:duration (an empty value is invalid)', () => {
    expect(MS_CHECKS.duration!('PT15M', scope)).toBeNull();
    expect(MS_CHECKS.duration!('', scope)).toBeTypeOf('string');
  });
});

describe('enums and enum lists', () => {
  const single = enumCheck(['Static', 'Dynamic'], { list: false, complete: true });
  const flags = enumCheck(['Read', 'Write', 'Delete'], { list: true, complete: true });
  const seen = enumCheck(['A'], { list: false, complete: false });
  it('single values, whitespace collapsed, case-sensitive', () => {
    expect(single('Static')).toBeNull();
    expect(single(' Dynamic\n')).toBeNull();
    expect(single('static')).toMatchObject({ soft: false });
    expect(single('')).not.toBeNull();
  });
  it('lists: every item must be a value; empty list allowed', () => {
    expect(flags('Read Write')).toBeNull();
    expect(flags('  Read\tDelete ')).toBeNull();
    expect(flags('')).toBeNull();
    expect(flags('Read Execute')?.reason).toMatch(/Execute/);
  });
  it('incomplete lists give soft problems', () => {
    expect(seen('A')).toBeNull();
    expect(seen('B')).toMatchObject({ soft: true });
  });
});
