/**
 * The `.xsd` files `import wsdl` writes beside the contracts, for the `schema/xsd` rule: each
 * `xs:schema` of the WSDL and the documents it imports, cut out with the namespaces in scope and
 * made to compile on its own in the set, the way WSDL stacks read a WSDL's schemas as one whole:
 *
 * - `schemaLocation` of imports and includes is dropped (the rule resolves imports by namespace,
 *   and every included document is a file of the set itself); an include is dropped with it.
 * - A namespace a schema refers to (type, base, ref, itemType, memberTypes, substitutionGroup)
 *   without importing it gets an `xs:import`, when the set defines that namespace or soapcheck
 *   knows its schema (SOAP encoding): WSDLs often leave these imports out or misname them, and
 *   node-soap, WCF and zeep do not mind.
 * - A reference to a component no document read defines (a schema that was not fetched, a
 *   trimmed copy) is written as what the contracts make of it (the import notes each one): a
 *   type as xs:anyType (xs:string where a simple type is needed; an extension of an unknown
 *   complex base becomes a restriction of xs:anyType: the base's fields are not known), an element as an `xs:any`
 *   of its namespace that skips its content, an attribute not at all.
 * - A SOAP-encoded array declared as a restriction of soapenc:Array with only its arrayType
 *   attribute (which, read as XSD, allows no items) keeps any items, as the contracts do.
 */
import { attribute, clark, resolveQName, serializeElement, SOAP_ENC_NS, XSD_NS, type ExpandedName, type XAttribute, type XElement, type XNode } from '../../xml/index.ts';
import { KNOWN_NAMESPACES } from '../../xml/xsd-known.ts';

export interface SchemaPiece {
  el: XElement;
  tns: string;
}

type Kind = 'type' | 'element' | 'attribute' | 'group' | 'attributeGroup';
const KIND_OF: Record<string, Kind> = { complexType: 'type', simpleType: 'type', element: 'element', attribute: 'attribute', group: 'group', attributeGroup: 'attributeGroup' };

/** The global components the set defines, as `kind {ns}local`. */
function definitions(schemas: readonly SchemaPiece[]): Set<string> {
  const out = new Set<string>();
  for (const s of schemas) {
    for (const c of s.el.children) {
      if (c.kind !== 'element' || c.ns !== XSD_NS) continue;
      const kind = KIND_OF[c.local];
      const name = attribute(c, '', 'name')?.value;
      if (kind && name !== undefined) out.add(`${kind} ${clark({ ns: s.tns, local: name })}`);
    }
  }
  return out;
}

/** Which kind of component a QName-valued attribute of an xs: element names. */
function refKind(el: XElement, attr: string): Kind | undefined {
  if (attr === 'type' || attr === 'base' || attr === 'itemType' || attr === 'memberTypes') return 'type';
  if (attr === 'substitutionGroup') return 'element';
  if (attr === 'ref') return el.local === 'element' ? 'element' : el.local === 'attribute' ? 'attribute' : el.local === 'group' ? 'group' : el.local === 'attributeGroup' ? 'attributeGroup' : undefined;
  return undefined;
}

/** True where a type reference must name a simple type. */
function wantsSimple(el: XElement): boolean {
  if (el.local === 'attribute' || el.local === 'list' || el.local === 'union') return true;
  if (el.local === 'restriction' || el.local === 'extension') return el.parent?.local === 'simpleType' || el.parent?.local === 'simpleContent';
  return false;
}

type Writable = { -readonly [K in keyof XElement]: XElement[K] };

interface Ctx {
  defined: Set<string>;
  referenced: Set<string>;
}

const XS_REF_ATTRS = new Set(['type', 'base', 'ref', 'itemType', 'memberTypes', 'substitutionGroup']);

function isDefined(ctx: Ctx, kind: Kind, n: ExpandedName): boolean {
  if (n.ns === XSD_NS) return kind === 'type';
  if (KNOWN_NAMESPACES.includes(n.ns)) return true;
  return ctx.defined.has(`${kind} ${clark(n)}`);
}

/** A copy of an xs: element with unresolvable references rewritten; null to leave it out. */
function rewrite(el: XElement, parent: XElement | null, ctx: Ctx): XElement | null {
  const isXs = el.ns === XSD_NS;
  if (isXs && el.local === 'include') return null;
  const xsq = (local: string) => (el.prefix ? `${el.prefix}:${local}` : local);
  const attrs: XAttribute[] = [];
  let replaceWithAny: string | undefined;
  let unknownBase = false;
  for (const a of el.attrs) {
    if (isXs && a.ns === '' && a.local === 'schemaLocation' && el.local === 'import') continue;
    if (!isXs || a.ns !== '' || !XS_REF_ATTRS.has(a.local)) {
      attrs.push(a);
      continue;
    }
    const kind = refKind(el, a.local);
    if (!kind) {
      attrs.push(a);
      continue;
    }
    const names = a.local === 'memberTypes' ? a.value.trim().split(/\s+/).filter(Boolean) : [a.value];
    const kept: string[] = [];
    for (const q of names) {
      const n = resolveQName(q, el.scope, true);
      if (n && isDefined(ctx, kind, n)) {
        kept.push(q);
        if (n.ns !== XSD_NS) ctx.referenced.add(n.ns);
      } else if (kind === 'type') {
        kept.push(xsq(wantsSimple(el) ? 'string' : 'anyType'));
        if (a.local === 'base') unknownBase = true;
      }
      else if (a.local === 'ref' && el.local === 'element') replaceWithAny = n ? n.ns || '##local' : '##other';
      else if (a.local === 'ref') return null;
      // an unknown substitutionGroup head is dropped
    }
    if (kept.length > 0) attrs.push({ ...a, value: kept.join(' ') });
  }
  if (replaceWithAny !== undefined) {
    const occurs = el.attrs.filter((a) => a.ns === '' && (a.local === 'minOccurs' || a.local === 'maxOccurs'));
    const any = [{ local: 'namespace', ns: '', prefix: '', value: replaceWithAny }, { local: 'processContents', ns: '', prefix: '', value: 'skip' }];
    return { kind: 'element', local: 'any', ns: XSD_NS, prefix: el.prefix, attrs: [...occurs, ...any], children: [], line: el.line, scope: el.scope, declared: el.declared, parent };
  }
  const copy: Writable = { ...el, attrs, parent, children: [] };
  // Extending xs:anyType (mixed) by element-only content is no valid XSD; restricting it is the same content.
  if (unknownBase && el.local === 'extension' && el.parent?.local === 'complexContent') copy.local = 'restriction';
  const children: XNode[] = [];
  for (const c of el.children) {
    if (c.kind !== 'element') children.push(c);
    else {
      const r = rewrite(c, copy, ctx);
      if (r) children.push(r);
    }
  }
  copy.children = encodedArrayItems(el, children);
  return copy;
}

/**
 * A SOAP-encoded array as WSDLs declare it — a restriction of soapenc:Array giving only the
 * `soapenc:arrayType` attribute — restricts the items away, read as XSD. Its items are kept as
 * the contracts keep them (any elements), so that the array's items are not each a finding.
 */
function encodedArrayItems(el: XElement, children: XNode[]): XNode[] {
  if (!(el.ns === XSD_NS && el.local === 'restriction' && el.parent?.local === 'complexContent')) return children;
  const base = resolveQName(attribute(el, '', 'base')?.value ?? '', el.scope, true);
  if (!base || base.ns !== SOAP_ENC_NS || base.local !== 'Array') return children;
  const particle = children.some((c) => c.kind === 'element' && c.ns === XSD_NS && ['sequence', 'choice', 'all', 'group'].includes(c.local));
  if (particle) return children;
  const at = (local: string, value: string) => ({ local, ns: '', prefix: '', value });
  const mk = (local: string, attrs: XAttribute[], kids: XNode[]): XElement => ({ kind: 'element', local, ns: XSD_NS, prefix: el.prefix, attrs, children: kids, line: el.line, scope: el.scope, declared: {}, parent: null });
  const any = mk('any', [at('namespace', '##any'), at('processContents', 'lax'), at('minOccurs', '0'), at('maxOccurs', 'unbounded')], []);
  const firstNonAnnotation = children.findIndex((c) => c.kind === 'element' && c.local !== 'annotation');
  const i = firstNonAnnotation < 0 ? children.length : firstNonAnnotation;
  return [...children.slice(0, i), mk('sequence', [], [any]), ...children.slice(i)];
}

/** The text of each schema's `.xsd` file, in the order given. */
export function schemaTexts(schemas: readonly SchemaPiece[]): string[] {
  const defined = definitions(schemas);
  const namespaces = new Set(schemas.map((s) => s.tns));
  return schemas.map((s) => {
    const ctx: Ctx = { defined, referenced: new Set() };
    const copy = rewrite(s.el, null, ctx) as Writable;
    const imported = new Set<string>();
    for (const c of copy.children) if (c.kind === 'element' && c.ns === XSD_NS && c.local === 'import') imported.add(attribute(c, '', 'namespace')?.value ?? '');
    const missing = [...ctx.referenced].filter((ns) => ns !== s.tns && !imported.has(ns) && (namespaces.has(ns) || KNOWN_NAMESPACES.includes(ns))).sort();
    if (missing.length > 0) {
      const added: XElement[] = missing.map((ns) => ({
        kind: 'element', local: 'import', ns: XSD_NS, prefix: copy.prefix, attrs: ns ? [{ local: 'namespace', ns: '', prefix: '', value: ns }] : [],
        children: [], line: copy.line, scope: copy.scope, declared: {}, parent: copy,
      }));
      copy.children = [...added, ...copy.children];
    }
    return serializeElement(copy);
  });
}
