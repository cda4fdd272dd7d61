/**
 * One example SOAP message (parsed with src/xml) → the shape of a message: header blocks, the
 * body element and its field tree, plus what the example shows about named types (observations
 * that types.ts merges across all pages of a version).
 *
 * Evidence rules (documented in docs/import-docs.md):
 *  - `type` is the element's xsi:type (a resolved QName); an element without one that has child
 *    elements gets inline `fields`.
 *  - An element with xsi:type outside the XSD namespace is an observation of that named type:
 *    child elements → complex type; a word as content → enum value seen; MS serialization types
 *    (…/2003/10/Serialization/) → simple types.
 *  - `xsi:nil="true"` → nillable; no example then.
 *  - minOccurs: every element an example shows is taken as required (1) in the message; types.ts
 *    lowers it to 0 when another example of the same type lacks the field, and array items
 *    (children of `ArrayOf…`/`…Dictionary` types) are 0..unbounded.
 *  - Fields named like secrets (tickets, tokens, passwords, secret values) get `secret: true` and
 *    keep no example.
 */
import { attribute, childElements, isNil, resolveQName, XSD_NS, XSI_NS, type ExpandedName, type XDocument, type XElement } from '../../xml/index.ts';
import { versionOfEnvelopeNs } from '../../soap/versions.ts';
import type { Field, SoapVersion, SourceQuirk } from '../../contract/model.ts';
import { DEFAULT_SECRET_NAMES } from '../../secrets/redact.ts';
import { MS_SERIALIZATION_NS } from '../../checks/lexical/index.ts';
import { isXsdBuiltin } from '../../contract/xsd-builtins.ts';

/**
 * A field with resolved names: what infer produces and types.ts merges; rendered to FieldDoc at
 * the end. The loader's resolved Field without `written` (prefixes are chosen when rendering).
 */
export interface IField extends Omit<Field, 'written' | 'fields'> {
  /** Inline complex content. */
  fields?: IField[];
}

/** What one occurrence of an element typed with a named (non-XSD) type shows about that type. */
export interface TypeObservation {
  name: ExpandedName;
  /** complex: has child elements; enum: a word as content; simple: MS serialization leaf; empty: nothing to tell. */
  kind: 'complex' | 'enum' | 'simple' | 'empty';
  fields?: IField[];
  value?: string;
  /** Where it was seen (page and element path), for conflict messages. */
  where: string;
}

/** A quirk of one example; which message it belongs to is added when the contract is written. */
export type ExampleQuirk = Omit<SourceQuirk, 'message'>;

export interface InferredMessage {
  soapVersion: SoapVersion;
  headers: IField[];
  body: IField;
  quirks: ExampleQuirk[];
  /** Every prefix → URI declared in the example (first binding of a prefix wins). */
  declarations: Array<[string, string]>;
  observations: TypeObservation[];
  /** What the example got wrong and the import worked around (an xsi:type that is no XSD built-in), for the log. */
  notes: string[];
}

export type InferResult = { ok: true; message: InferredMessage } | { ok: false; reason: string; line?: number };


/** Local names of fields whose values are secrets (case-insensitive): the reports' list, and the pages' `AppToken`. */
const SECRET_NAMES = new Set([...DEFAULT_SECRET_NAMES, 'AppToken'].map((s) => s.toLowerCase()));

export function isSecretName(local: string): boolean {
  return SECRET_NAMES.has(local.toLowerCase());
}

/** Names are collected with the page they come from, for conflict messages. */
export function inferMessage(doc: XDocument, where: string): InferResult {
  const env = doc.root;
  const soap = versionOfEnvelopeNs(env.ns);
  if (env.local !== 'Envelope' || !soap) {
    return { ok: false, reason: `root element is {${env.ns}}${env.local}, not a SOAP 1.1 or 1.2 Envelope`, line: env.line };
  }
  const observations: TypeObservation[] = [];
  const ctx: Ctx = { where, observations, notes: [] };
  const headers: IField[] = [];
  const outside: XElement[] = [];
  let bodyEl: XElement | undefined;
  for (const c of childElements(env)) {
    if (c.ns === env.ns && c.local === 'Header') {
      for (const h of childElements(c)) headers.push(fieldOf(h, ctx));
    } else if (c.ns === env.ns && c.local === 'Body') {
      bodyEl = c;
    } else {
      outside.push(c);
      headers.push(fieldOf(c, ctx));
    }
  }
  if (!bodyEl) return { ok: false, reason: 'the Envelope has no Body', line: env.line };
  const bodyChildren = childElements(bodyEl);
  if (bodyChildren.length !== 1) {
    return { ok: false, reason: `the Body has ${bodyChildren.length} child elements, expected exactly one`, line: bodyEl.line };
  }
  const body = fieldOf(bodyChildren[0]!, ctx);
  if (!body.type && !body.fields) {
    // An empty body element is an empty complex element (an operation without parameters or result).
    body.fields = [];
    delete body.example;
  }
  const quirks: ExampleQuirk[] = [];
  if (outside.length > 0) {
    quirks.push({
      code: 'header-blocks-outside-header',
      description:
        'The source example puts these elements directly under the SOAP Envelope, outside its Header, which SOAP does not allow; they are imported as header blocks of this operation.',
      elements: outside.map((e) => ({ ns: e.ns, local: e.local })),
    });
  }
  return { ok: true, message: { soapVersion: soap.version, headers, body, quirks, declarations: declarationsOf(env), observations, notes: ctx.notes } };
}

interface Ctx {
  where: string;
  observations: TypeObservation[];
  /** Things the page got wrong that the import worked around. */
  notes: string[];
}


/** Text of a leaf: whitespace-only content counts as empty. */
function leafText(el: XElement): string {
  let s = '';
  for (const c of el.children) if (c.kind === 'text') s += c.value;
  return /\S/.test(s) ? s : '';
}

function fieldOf(el: XElement, ctx: Ctx): IField {
  const name = { ns: el.ns, local: el.local };
  const nil = isNil(el);
  const typeAttr = attribute(el, XSI_NS, 'type');
  let type = typeAttr ? resolveQName(typeAttr.value, el.scope) ?? undefined : undefined;
  // A name in the XML Schema namespace that is no built-in (`xsd:hasOwnProperty`, `xsd:strnig`) would make a
  // contract lint rejects: the field is imported as if the page gave no type, and the run's log says so.
  if (type && type.ns === XSD_NS && !isXsdBuiltin(type)) {
    ctx.notes.push(`${ctx.where} ${pathOf(el)}: xsi:type ${typeAttr!.value} is not an XML Schema built-in type; imported without it`);
    type = undefined;
  }
  const kids = childElements(el);
  const secret = isSecretName(el.local);
  const f: IField = { name, minOccurs: 1, maxOccurs: 1, nillable: nil, secret };
  if (type) f.type = type;
  const where = `${ctx.where} ${pathOf(el)}`;

  if (kids.length > 0) {
    const fields = kids.map((k) => fieldOf(k, ctx));
    if (type && type.ns !== XSD_NS) ctx.observations.push({ name: type, kind: 'complex', fields, where });
    else {
      // No named type: inline content (an xsd:anyType with children is kept inline too).
      delete f.type;
      f.fields = fields;
    }
    return f;
  }
  if (nil) return f;
  const text = leafText(el);
  if (type && type.ns !== XSD_NS) {
    const simple = type.ns === MS_SERIALIZATION_NS;
    const kind = simple ? 'simple' : text ? 'enum' : 'empty';
    ctx.observations.push({ name: type, kind, where, ...(kind !== 'empty' ? { value: text } : {}) });
    if (kind === 'empty') return f; // an empty element of a complex type: no example
  }
  if (!secret) f.example = text;
  return f;
}

function pathOf(el: XElement): string {
  const parts: string[] = [];
  for (let e: XElement | null = el; e; e = e.parent) parts.push(e.local);
  return '/' + parts.reverse().join('/');
}

/** All namespace declarations of the document in document order (first binding of a prefix wins). */
function declarationsOf(root: XElement): Array<[string, string]> {
  const seen = new Map<string, string>();
  const walk = (el: XElement): void => {
    for (const [p, uri] of Object.entries(el.declared)) if (!seen.has(p)) seen.set(p, uri);
    for (const c of childElements(el)) walk(c);
  };
  walk(root);
  return [...seen];
}

/** Visit every field of a tree (depth first). */
export function* walkFields(fields: readonly IField[]): Generator<IField> {
  for (const f of fields) {
    yield f;
    if (f.fields) yield* walkFields(f.fields);
  }
}
