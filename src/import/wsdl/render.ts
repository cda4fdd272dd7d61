/**
 * The WSDL importer's fields and types → the contract format's documents, every QName written
 * through a PrefixMap (so `namespaces` lists exactly what a file uses). Defaults are left out
 * (minOccurs 1, maxOccurs 1, nillable false); key order is fixed.
 */
import type { AttributeDoc, FieldDoc, ParticleDoc, TypeDefDoc } from '../../contract/model.ts';
import { isSecretName } from '../docs/infer.ts';
import type { PrefixMap } from '../docs/render.ts';
import type { WAttr, WComplex, WField, WParticle, WType } from './schema.ts';

const occurs = (min: number, max: number) => ({
  ...(min !== 1 ? { minOccurs: min } : {}),
  ...(max !== 1 ? { maxOccurs: max === Infinity ? ('unbounded' as const) : max } : {}),
});

export function renderParticle(p: WParticle, pm: PrefixMap): ParticleDoc {
  if ('any' in p) {
    return { any: true, ...(p.namespace ? { namespace: p.namespace } : {}), ...(p.processContents ? { processContents: p.processContents } : {}), ...occurs(p.minOccurs, p.maxOccurs) };
  }
  if ('group' in p) {
    const entries = p.particles.map((c) => renderParticle(c, pm));
    return p.group === 'choice' ? { choice: entries, ...occurs(p.minOccurs, p.maxOccurs) } : { sequence: entries, ...occurs(p.minOccurs, p.maxOccurs) };
  }
  return renderField(p, pm);
}

export function renderField(f: WField, pm: PrefixMap): FieldDoc {
  const d: FieldDoc = { name: pm.qname(f.name) };
  if (f.type) d.type = pm.qname(f.type);
  if (f.inline) {
    d.fields = f.inline.particles.map((c) => renderParticle(c, pm));
    if (f.inline.content !== 'sequence') d.content = f.inline.content;
    if (f.inline.attributes.length > 0) d.attributes = f.inline.attributes.map((a) => renderAttribute(a, pm));
    if (f.inline.anyAttribute) d.anyAttribute = { ...f.inline.anyAttribute };
  }
  Object.assign(d, occurs(f.minOccurs, f.maxOccurs));
  if (f.nillable) d.nillable = true;
  if (f.description) d.description = f.description;
  if (isSecretName(f.name.local)) d.secret = true;
  return d;
}

function renderAttribute(a: WAttr, pm: PrefixMap): AttributeDoc {
  const d: AttributeDoc = { name: pm.qname(a.name) };
  if (a.type) d.type = pm.qname(a.type);
  if (a.use === 'required') d.use = 'required';
  if (a.fixed !== undefined) d.fixed = a.fixed;
  if (a.default !== undefined) d.default = a.default;
  return d;
}

export function renderType(t: WType, pm: PrefixMap): TypeDefDoc {
  const d: TypeDefDoc = {};
  if (t.description) d.description = t.description;
  if (t.kind === 'complex') return renderComplex(t, pm, d);
  if (t.base) d.base = pm.qname(t.base);
  if (t.enum) d.enum = t.enum;
  if (t.list) d.list = true;
  if (t.itemType) d.itemType = pm.qname(t.itemType);
  Object.assign(d, t.facets);
  return d;
}

function renderComplex(t: WComplex, pm: PrefixMap, d: TypeDefDoc): TypeDefDoc {
  if (t.abstract) d.abstract = true;
  if (t.extends) d.extends = pm.qname(t.extends);
  if (t.restricts) d.restricts = pm.qname(t.restricts);
  if (t.simpleContent) d.simpleContent = pm.qname(t.simpleContent);
  if (t.content !== 'sequence') d.content = t.content;
  // A complex type always says it is one: `fields` (perhaps empty) unless another key does.
  if (t.particles.length > 0 || (!t.extends && !t.restricts && !t.simpleContent && !t.abstract && t.content === 'sequence' && t.attributes.length === 0 && !t.anyAttribute)) {
    d.fields = t.particles.map((p) => renderParticle(p, pm));
  }
  if (t.attributes.length > 0) d.attributes = t.attributes.map((a) => renderAttribute(a, pm));
  if (t.anyAttribute) d.anyAttribute = { ...t.anyAttribute };
  return d;
}
