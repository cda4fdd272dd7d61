/**
 * Comparing two parsed documents by meaning, in the manner of XMLUnit: element and attribute
 * names by namespace URI and local name (never by prefix), `xsi:type` values as resolved QNames,
 * `xsi:nil` as a boolean, whitespace-only text ignored, comments and processing instructions
 * ignored, namespace declarations ignored. A test oracle (round trips of imported examples); no
 * feature of soapcheck compares documents this way. Returns every difference with an XPath-like path;
 * an empty list means the documents are equivalent.
 */
import type { XAttribute, XElement } from '../../src/xml/tree.ts';
import { childElements } from '../../src/xml/tree.ts';
import { clark, resolveQName, XSI_NS } from '../../src/xml/qname.ts';

export type XmlDifferenceKind =
  | 'element-name'
  | 'child-missing'
  | 'child-extra'
  | 'attribute-missing'
  | 'attribute-extra'
  | 'attribute-value'
  | 'xsi-type'
  | 'text';

export interface XmlDifference {
  kind: XmlDifferenceKind;
  /** Location in the expected document, e.g. `/Envelope/Body/Save/Item[2]`. */
  path: string;
  expected?: string;
  actual?: string;
  message: string;
}

export interface CompareOptions {
  /** Do not compare character data (shape only). Default false. */
  ignoreText?: boolean;
  /** Attributes to leave out, by Clark name (`{uri}local` or `local`). */
  ignoreAttributes?: readonly string[];
}

/** Differences between `expected` and `actual` (roots of two documents or any two elements). */
export function compareXml(expected: XElement, actual: XElement, opts: CompareOptions = {}): XmlDifference[] {
  const out: XmlDifference[] = [];
  compareElement(expected, actual, `/${expected.local}`, opts, out);
  return out;
}

function nameOf(el: { ns: string; local: string }): string {
  return clark({ ns: el.ns, local: el.local });
}

function compareElement(e: XElement, a: XElement, path: string, opts: CompareOptions, out: XmlDifference[]): void {
  if (e.ns !== a.ns || e.local !== a.local) {
    out.push({ kind: 'element-name', path, expected: nameOf(e), actual: nameOf(a), message: `element ${nameOf(a)} where ${nameOf(e)} was expected` });
    return;
  }
  compareAttributes(e, a, path, opts, out);

  const ek = childElements(e);
  const ak = childElements(a);
  const n = Math.min(ek.length, ak.length);
  const ePaths = childPaths(ek, path);
  for (let i = 0; i < n; i++) compareElement(ek[i]!, ak[i]!, ePaths[i]!, opts, out);
  for (let i = n; i < ek.length; i++) {
    out.push({ kind: 'child-missing', path: ePaths[i]!, expected: nameOf(ek[i]!), message: `element ${nameOf(ek[i]!)} is missing` });
  }
  const aPaths = childPaths(ak, path);
  for (let i = n; i < ak.length; i++) {
    out.push({ kind: 'child-extra', path: aPaths[i]!, actual: nameOf(ak[i]!), message: `unexpected element ${nameOf(ak[i]!)}` });
  }

  if (!opts.ignoreText) {
    const et = significantText(e);
    const at = significantText(a);
    if (et !== at) out.push({ kind: 'text', path, expected: et, actual: at, message: `text ${JSON.stringify(at)} where ${JSON.stringify(et)} was expected` });
  }
}

/** Paths of child elements, with `[n]` where siblings share a name. */
function childPaths(kids: XElement[], parent: string): string[] {
  const totals = new Map<string, number>();
  for (const k of kids) totals.set(nameOf(k), (totals.get(nameOf(k)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return kids.map((k) => {
    const key = nameOf(k);
    const i = (seen.get(key) ?? 0) + 1;
    seen.set(key, i);
    return `${parent}/${k.local}${totals.get(key)! > 1 ? `[${i}]` : ''}`;
  });
}

/** Text directly inside an element; whitespace-only text counts as none. */
function significantText(el: XElement): string {
  let s = '';
  for (const c of el.children) if (c.kind === 'text') s += c.value;
  return /\S/.test(s) ? s : '';
}

function attrValue(el: XElement, at: XAttribute): string {
  if (at.ns === XSI_NS && at.local === 'type') {
    const q = resolveQName(at.value, el.scope);
    return q ? clark(q) : `unresolved ${at.value}`;
  }
  if (at.ns === XSI_NS && at.local === 'nil') return String(at.value.trim() === 'true' || at.value.trim() === '1');
  return at.value;
}

function compareAttributes(e: XElement, a: XElement, path: string, opts: CompareOptions, out: XmlDifference[]): void {
  const ignore = new Set(opts.ignoreAttributes ?? []);
  const map = (el: XElement) => {
    const m = new Map<string, string>();
    for (const at of el.attrs) {
      const key = nameOf(at);
      if (!ignore.has(key)) m.set(key, attrValue(el, at));
    }
    return m;
  };
  const em = map(e);
  const am = map(a);
  // xsi:nil="false" says nothing: treat it as absent.
  for (const m of [em, am]) if (m.get(`{${XSI_NS}}nil`) === 'false') m.delete(`{${XSI_NS}}nil`);
  for (const [k, v] of em) {
    const got = am.get(k);
    const isType = k === `{${XSI_NS}}type`;
    if (got === undefined) {
      out.push({ kind: isType ? 'xsi-type' : 'attribute-missing', path, expected: v, message: `attribute ${k} (${v}) is missing` });
    } else if (got !== v) {
      out.push({ kind: isType ? 'xsi-type' : 'attribute-value', path, expected: v, actual: got, message: `attribute ${k} is ${JSON.stringify(got)} where ${JSON.stringify(v)} was expected` });
    }
  }
  for (const [k, v] of am) {
    if (!em.has(k)) out.push({ kind: k === `{${XSI_NS}}type` ? 'xsi-type' : 'attribute-extra', path, actual: v, message: `unexpected attribute ${k} (${v})` });
  }
}

export type XmlVerdict = 'identical' | 'similar' | 'different';

/**
 * XMLUnit's three answers: `different` when `compareXml` finds a difference; `similar` when the
 * meaning is the same but the spelling is not (other prefixes, whitespace-only text, comments,
 * attribute order or declarations); `identical` when even that agrees.
 */
export function xmlVerdict(expected: XElement, actual: XElement, opts: CompareOptions = {}): XmlVerdict {
  if (compareXml(expected, actual, opts).length > 0) return 'different';
  return sameSpelling(expected, actual) ? 'identical' : 'similar';
}

function sameSpelling(e: XElement, a: XElement): boolean {
  if (e.prefix !== a.prefix || e.children.length !== a.children.length || e.attrs.length !== a.attrs.length) return false;
  for (let i = 0; i < e.attrs.length; i++) {
    const x = e.attrs[i]!;
    const y = a.attrs[i]!;
    if (x.prefix !== y.prefix || x.local !== y.local || x.value !== y.value) return false;
  }
  const ed = Object.entries(e.declared).sort().join('|');
  const ad = Object.entries(a.declared).sort().join('|');
  if (ed !== ad) return false;
  for (let i = 0; i < e.children.length; i++) {
    const x = e.children[i]!;
    const y = a.children[i]!;
    if (x.kind !== y.kind) return false;
    if (x.kind === 'element' && !sameSpelling(x, y as XElement)) return false;
    if ((x.kind === 'text' || x.kind === 'comment') && x.value !== (y as typeof x).value) return false;
  }
  return true;
}
