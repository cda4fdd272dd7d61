import { describe, expect, it } from 'vitest';
import type { IField, TypeObservation } from '../../src/import/docs/infer.ts';
import { isArrayType, mergeTypeObservations } from '../../src/import/docs/types.ts';

const NS = 'urn:demo';
const XSD = 'http://www.w3.org/2001/XMLSchema';
const f = (local: string, type?: string, extra: Partial<IField> = {}): IField => ({
  name: { ns: NS, local },
  ...(type ? { type: type.startsWith('xsd:') ? { ns: XSD, local: type.slice(4) } : { ns: NS, local: type } } : {}),
  minOccurs: 1,
  maxOccurs: 1,
  nillable: false,
  secret: false,
  ...extra,
});
const complex = (type: string, fields: IField[], where = 'p.md'): TypeObservation => ({ name: { ns: NS, local: type }, kind: 'complex', fields, where });
const names = (fs: IField[] | undefined) => (fs ?? []).map((x) => x.name.local);

describe('mergeTypeObservations', () => {
  it('unions fields in an order consistent with every example', () => {
    const r = mergeTypeObservations([
      complex('T', [f('A', 'xsd:int'), f('C', 'xsd:int')]),
      complex('T', [f('A', 'xsd:int'), f('B', 'xsd:int'), f('C', 'xsd:int'), f('D', 'xsd:int')]),
      complex('T', [f('Z', 'xsd:int'), f('A', 'xsd:int')]),
    ]);
    expect(r.conflicts).toEqual([]);
    expect(names(r.types[0]!.fields)).toEqual(['Z', 'A', 'B', 'C', 'D']);
  });

  it('makes a field optional when some example of the type lacks it', () => {
    const r = mergeTypeObservations([complex('T', [f('A', 'xsd:int'), f('B', 'xsd:int')]), complex('T', [f('A', 'xsd:int')])]);
    expect(r.types[0]!.fields!.map((x) => [x.name.local, x.minOccurs])).toEqual([['A', 1], ['B', 0]]);
  });

  it('makes a field nillable when any example has it nil, and fills its type from another', () => {
    const r = mergeTypeObservations([complex('T', [f('A', undefined, { nillable: true })]), complex('T', [f('A', 'xsd:int', { example: '3' })])]);
    expect(r.types[0]!.fields![0]).toMatchObject({ type: { ns: XSD, local: 'int' }, nillable: true, example: '3' });
  });

  it('makes the children of ArrayOf… and …Dictionary types 0..unbounded items', () => {
    expect(isArrayType({ ns: NS, local: 'ArrayOfThing' })).toBe(true);
    expect(isArrayType({ ns: NS, local: 'StringDictionary' })).toBe(true);
    expect(isArrayType({ ns: NS, local: 'Thing' })).toBe(false);
    const r = mergeTypeObservations([complex('ArrayOfThing', [f('Thing', 'Thing')])]);
    expect(r.types[0]!.fields![0]).toMatchObject({ minOccurs: 0, maxOccurs: Infinity });
  });

  it('marks a field repeated within one example as unbounded', () => {
    const r = mergeTypeObservations([complex('T', [f('A', 'xsd:int'), f('A', 'xsd:int')])]);
    expect(r.types[0]!.fields!).toHaveLength(1);
    expect(r.types[0]!.fields![0]!.maxOccurs).toBe(Infinity);
  });

  it('merges enum values, sorted, and reports a type seen as complex and as enum', () => {
    const r = mergeTypeObservations([
      { name: { ns: NS, local: 'E' }, kind: 'enum', value: 'Static', where: 'a.md' },
      { name: { ns: NS, local: 'E' }, kind: 'empty', where: 'b.md' },
      { name: { ns: NS, local: 'E' }, kind: 'enum', value: 'Dynamic', where: 'c.md' },
      complex('E', [f('A', 'xsd:int')], 'd.md'),
    ]);
    expect(r.types).toEqual([{ name: { ns: NS, local: 'E' }, kind: 'enum', enum: ['Dynamic', 'Static'] }]);
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toMatch(/enum \(a\.md\) vs complex \(d\.md\)/);
  });

  it('reports a field typed differently in two examples, keeping the first', () => {
    const r = mergeTypeObservations([complex('T', [f('A', 'xsd:int')], 'one.md'), complex('T', [f('A', 'xsd:string')], 'two.md')]);
    expect(r.types[0]!.fields![0]!.type).toEqual({ ns: XSD, local: 'int' });
    expect(r.conflicts).toHaveLength(1);
    expect(r.conflicts[0]).toContain('one.md');
    expect(r.conflicts[0]).toContain('two.md');
  });

  it('reports field orders that no single order satisfies', () => {
    const r = mergeTypeObservations([complex('T', [f('A', 'xsd:int'), f('B', 'xsd:int')], 'one.md'), complex('T', [f('B', 'xsd:int'), f('A', 'xsd:int')], 'two.md')]);
    expect(names(r.types[0]!.fields)).toEqual(['A', 'B']);
    expect(r.conflicts.join('\n')).toMatch(/field order in two\.md/);
  });

  it.each([
    { local: 'duration', values: ['PT5M', 'P1D'], base: 'duration' },
    { local: 'duration', values: ['PT5M', ''], base: undefined },
    { local: 'guid', values: ['0f8fad5b-d9cb-469f-a165-70867728950e'], base: 'string' },
    { local: 'guid', values: ['not-a-guid'], base: undefined },
  ])('keeps the MS base of $local only when every example value fits it: $values', ({ local, values, base }) => {
    const name = { ns: 'http://schemas.microsoft.com/2003/10/Serialization/', local };
    const r = mergeTypeObservations(values.map((value, i) => ({ name, kind: 'simple' as const, value, where: `p${i}` })));
    expect(r.types[0]?.base?.local).toBe(base);
  });

  it('gives MS serialization simple types their XSD base', () => {
    const r = mergeTypeObservations([{ name: { ns: 'http://schemas.microsoft.com/2003/10/Serialization/', local: 'duration' }, kind: 'simple', where: 'a' }]);
    expect(r.types[0]).toMatchObject({ kind: 'simple', base: { ns: XSD, local: 'duration' } });
  });

  it('sorts types by expanded name and is deterministic', () => {
    const obs = [complex('B', [f('X', 'xsd:int')]), complex('A', [f('Y', 'xsd:int')])];
    const r1 = mergeTypeObservations(obs);
    expect(r1.types.map((t) => t.name.local)).toEqual(['A', 'B']);
    expect(mergeTypeObservations(obs)).toEqual(r1);
  });
});
