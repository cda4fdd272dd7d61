/**
 * Named types: the observations of every page of one service version merged into one set of
 * type definitions, deterministically.
 *
 * - Fields: the union over all observations, in one order consistent with every example (each
 *   new field goes right after the field that precedes it in the example that shows it). When
 *   two examples order fields differently, a conflict is reported and the first order kept.
 * - minOccurs 1 when every observation of the type shows the field, else 0; a field repeated in
 *   one example gets maxOccurs unbounded; the children of `ArrayOf…` and `…Dictionary` types are
 *   array items: minOccurs 0, maxOccurs unbounded.
 * - nillable when any observation shows `xsi:nil`; the first example value seen is kept.
 * - Enums: the values seen, sorted, `enumComplete: false`.
 * - Conflicting evidence (a field typed differently, a type seen both as complex and as enum) is
 *   reported with where each side was seen; the first seen wins, nothing is dropped silently.
 */
import { clark, XSD_NS, type ExpandedName } from '../../xml/index.ts';
import type { IField, TypeObservation } from './infer.ts';
import { MS_CHECKS, MS_SERIALIZATION_NS, XSD_CHECKS } from '../../checks/lexical/index.ts';

export interface MergedType {
  name: ExpandedName;
  kind: 'complex' | 'enum' | 'simple';
  fields?: IField[];
  enum?: string[];
  /** For simple types: the XSD built-in base, when known. */
  base?: ExpandedName;
}

export interface MergeOutcome {
  /** Sorted by Clark name. */
  types: MergedType[];
  conflicts: string[];
}

/** Is this named type an array wrapper whose children are items? */
export function isArrayType(name: ExpandedName): boolean {
  return /^ArrayOf/.test(name.local) || /Dictionary$/.test(name.local);
}

/** XSD bases of the MS serialization types (…/2003/10/Serialization/). */
const MS_BASES: Record<string, string> = { duration: 'duration', guid: 'string', char: 'int', decimal: 'decimal' };

function display(n: ExpandedName | undefined): string {
  return n ? clark(n) : '(none)';
}

interface Entry {
  field: IField;
  count: number;
  repeated: boolean;
  where: string;
  inline?: FieldListMerge;
}

/** Merges the field lists of several observations of one complex type (or inline element). */
export class FieldListMerge {
  private order: string[] = [];
  private entries = new Map<string, Entry>();
  private sequences: Array<{ keys: string[]; where: string }> = [];
  private count = 0;

  constructor(private readonly label: string, private readonly conflicts: string[]) {}

  add(fields: readonly IField[], where: string): void {
    this.count++;
    const keys: string[] = [];
    for (const f of fields) {
      const key = clark(f.name);
      const dup = keys.includes(key);
      if (!dup) keys.push(key);
      let e = this.entries.get(key);
      if (!e) {
        e = { field: { ...f, fields: undefined }, count: 0, repeated: false, where };
        if (f.fields) {
          e.inline = new FieldListMerge(`${this.label}/${f.name.local}`, this.conflicts);
        }
        this.entries.set(key, e);
        this.insert(key, keys);
      } else {
        this.mergeField(e, f, where);
      }
      if (dup) e.repeated = true;
      else e.count++;
      if (f.fields && e.inline) e.inline.add(f.fields, where);
    }
    this.sequences.push({ keys, where });
  }

  /** Insert a new key right after its predecessor in the example that shows it. */
  private insert(key: string, seq: string[]): void {
    const prev = seq.length >= 2 ? seq[seq.length - 2]! : undefined;
    if (prev === undefined) {
      this.order.unshift(key);
      return;
    }
    const at = this.order.indexOf(prev);
    this.order.splice(at + 1, 0, key);
  }

  private mergeField(e: Entry, f: IField, where: string): void {
    const name = `${this.label}/${f.name.local}`;
    const a = e.field;
    if (f.type && a.type && clark(f.type) !== clark(a.type)) {
      this.conflicts.push(`${name}: xsi:type ${display(a.type)} (${e.where}) vs ${display(f.type)} (${where}); kept the first`);
    } else if (f.type && !a.type) {
      if (e.inline) this.conflicts.push(`${name}: inline content (${e.where}) vs xsi:type ${display(f.type)} (${where}); kept the inline content`);
      else a.type = f.type;
    }
    if (f.fields && !e.inline) {
      if (a.type) this.conflicts.push(`${name}: xsi:type ${display(a.type)} (${e.where}) vs inline content (${where}); kept the type`);
      else e.inline = new FieldListMerge(name, this.conflicts);
    }
    if (f.nillable) a.nillable = true;
    if (a.example === undefined && f.example !== undefined) a.example = f.example;
    if (a.description === undefined && f.description !== undefined) a.description = f.description;
    if (f.secret) a.secret = true;
  }

  result(arrayItems: boolean): IField[] {
    this.checkOrder();
    return this.order.map((key) => {
      const e = this.entries.get(key)!;
      const f: IField = { ...e.field };
      delete f.fields;
      if (arrayItems) {
        f.minOccurs = 0;
        f.maxOccurs = Infinity;
      } else {
        f.minOccurs = e.count === this.count ? 1 : 0;
        f.maxOccurs = e.repeated ? Infinity : 1;
      }
      if (e.inline && !(f.type && f.type.ns !== XSD_NS)) {
        delete f.type;
        f.fields = e.inline.result(false);
      }
      if (f.secret) delete f.example;
      return f;
    });
  }

  private checkOrder(): void {
    const pos = new Map(this.order.map((k, i) => [k, i]));
    for (const s of this.sequences) {
      for (let i = 1; i < s.keys.length; i++) {
        if (pos.get(s.keys[i]!)! < pos.get(s.keys[i - 1]!)!) {
          this.conflicts.push(`${this.label}: field order in ${s.where} differs from the merged order (${s.keys[i - 1]} before ${s.keys[i]}); kept the first order`);
          break;
        }
      }
    }
  }
}

/**
 * The XSD base presumed for an MS serialization type — only when every value the examples show
 * is valid for it. The pages' own examples are the evidence: where one contradicts the presumed
 * base (an empty `duration`, say), the base is left out and the lexical space stays unknown,
 * rather than shipping a contract that rejects its own source.
 */
function msBaseConsistentWith(name: ExpandedName, values: ReadonlySet<string>): string | undefined {
  if (name.ns !== MS_SERIALIZATION_NS) return undefined;
  const base = MS_BASES[name.local];
  if (!base) return undefined;
  const check = MS_CHECKS[name.local] ?? XSD_CHECKS[base];
  if (check) for (const v of values) if (check(v, {}) !== null) return undefined;
  return base;
}

interface TypeAcc {
  name: ExpandedName;
  kind: TypeObservation['kind'];
  where: string;
  fields?: FieldListMerge;
  values: Set<string>;
}

/** Merge every observation of one version. Same observations in the same order → same result. */
export function mergeTypeObservations(observations: readonly TypeObservation[]): MergeOutcome {
  const conflicts: string[] = [];
  const acc = new Map<string, TypeAcc>();
  for (const o of observations) {
    const key = clark(o.name);
    let t = acc.get(key);
    if (!t) {
      t = { name: o.name, kind: o.kind, where: o.where, values: new Set() };
      acc.set(key, t);
    } else if (t.kind === 'empty' && o.kind !== 'empty') {
      t.kind = o.kind;
      t.where = o.where;
    } else if (o.kind !== 'empty' && o.kind !== t.kind) {
      conflicts.push(`type ${key}: ${t.kind} (${t.where}) vs ${o.kind} (${o.where}); kept ${t.kind}`);
      continue;
    }
    if (o.kind === 'complex') {
      t.fields ??= new FieldListMerge(o.name.local, conflicts);
      t.fields.add(o.fields ?? [], o.where);
    } else if ((o.kind === 'enum' || o.kind === 'simple') && o.value !== undefined) {
      t.values.add(o.value);
    }
  }
  const types: MergedType[] = [];
  for (const key of [...acc.keys()].sort()) {
    const t = acc.get(key)!;
    if (t.kind === 'complex' || t.kind === 'empty') {
      types.push({ name: t.name, kind: 'complex', fields: t.fields ? t.fields.result(isArrayType(t.name)) : [] });
    } else if (t.kind === 'enum') {
      types.push({ name: t.name, kind: 'enum', enum: [...t.values].sort() });
    } else {
      const base = msBaseConsistentWith(t.name, t.values);
      types.push({ name: t.name, kind: 'simple', ...(base ? { base: { ns: XSD_NS, local: base } } : {}) });
    }
  }
  return { types, conflicts };
}
