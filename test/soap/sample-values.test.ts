import { describe, expect, it } from 'vitest';
import type { TypeDef } from '../../src/contract/model.ts';
import { complexTypeDef, simpleTypeDef } from '../../src/contract/defs.ts';
import { XSD_BUILTINS } from '../../src/contract/xsd-builtins.ts';
import { MS_SERIALIZATION_NS, XSD_CHECKS } from '../../src/checks/lexical/index.ts';
import { sampleValue } from '../../src/soap/sample-values.ts';
import { clark, XSD_NS } from '../../src/xml/qname.ts';

const xsd = (local: string) => ({ ns: XSD_NS, local });

/** Lexical spaces (simplified from XML Schema part 2) of the built-ins whose sample must not be ''. */
const LEXICAL: [string, RegExp][] = [
  ['boolean', /^(true|false|1|0)$/],
  ['int', /^[+-]?\d+$/], ['short', /^[+-]?\d+$/], ['long', /^[+-]?\d+$/], ['byte', /^[+-]?\d+$/], ['integer', /^[+-]?\d+$/],
  ['unsignedInt', /^\d+$/], ['positiveInteger', /^\+?0*[1-9]\d*$/], ['negativeInteger', /^-0*[1-9]\d*$/], ['nonPositiveInteger', /^(-\d+|0+)$/],
  ['decimal', /^[+-]?(\d+(\.\d*)?|\.\d+)$/], ['double', /^([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?|INF|-INF|NaN)$/], ['float', /^[+-]?\d/],
  ['dateTime', /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/],
  ['date', /^-?\d{4,}-\d{2}-\d{2}(Z|[+-]\d{2}:\d{2})?$/], ['time', /^\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/],
  ['duration', /^-?P(?=\d|T\d)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/],
  ['gYear', /^\d{4}$/], ['gYearMonth', /^\d{4}-\d{2}$/], ['gMonthDay', /^--\d{2}-\d{2}$/], ['gDay', /^---\d{2}$/], ['gMonth', /^--\d{2}$/],
  ['anyURI', /^\S+$/], ['QName', /^([A-Za-z_][\w.-]*:)?[A-Za-z_][\w.-]*$/], ['language', /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/],
  ['NCName', /^[A-Za-z_][\w.-]*$/],
];

describe('sampleValue', () => {
  it.each(LEXICAL)('xsd:%s sample is in its lexical space', (local, re) => {
    expect(sampleValue(xsd(local), new Map())).toMatch(re);
  });

  it.each([['string'], ['base64Binary'], ['hexBinary'], ['anyType']])('xsd:%s sample is the empty string (valid for it)', (local) => {
    expect(sampleValue(xsd(local), new Map())).toBe('');
  });

  it('gives every built-in a sample that the checks accept in any message (no namespace prefix needed)', () => {
    const rejected: string[] = [];
    for (const local of XSD_BUILTINS) {
      const check = XSD_CHECKS[local];
      const why = check?.(sampleValue(xsd(local), new Map()), {});
      if (why) rejected.push(`${local}: ${why}`);
    }
    expect(rejected).toEqual([]);
  });

  it('has a sample for every built-in it knows', () => {
    for (const local of XSD_BUILTINS) expect(typeof sampleValue(xsd(local), new Map())).toBe('string');
  });

  it('gives a GUID for the .NET serialization guid and PT0S for its duration', () => {
    expect(sampleValue({ ns: MS_SERIALIZATION_NS, local: 'guid' }, new Map())).toMatch(/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/);
    expect(sampleValue({ ns: MS_SERIALIZATION_NS, local: 'duration' }, new Map())).toBe('PT0S');
  });

  it('takes the first enum value, else the base type sample, else ""', () => {
    const colour = { ns: 'urn:t', local: 'Colour' };
    const count = { ns: 'urn:t', local: 'Count' };
    const opaque = { ns: 'urn:t', local: 'Opaque' };
    const entity = { ns: 'urn:t', local: 'Entity' };
    const types = new Map<string, TypeDef>([
      [clark(colour), simpleTypeDef(colour, 't:Colour', { enum: ['Red', 'Blue'] })],
      [clark(count), simpleTypeDef(count, 't:Count', { base: xsd('int') })],
      [clark(opaque), simpleTypeDef(opaque, 't:Opaque')],
      [clark(entity), complexTypeDef(entity, 't:Entity', [])],
    ]);
    expect(sampleValue(colour, types)).toBe('Red');
    expect(sampleValue(count, types)).toBe('0');
    expect(sampleValue(opaque, types)).toBe('');
    expect(sampleValue(entity, types)).toBe('');
    expect(sampleValue({ ns: 'urn:t', local: 'Unknown' }, types)).toBe('');
    expect(sampleValue(undefined, types)).toBe('');
  });
});
