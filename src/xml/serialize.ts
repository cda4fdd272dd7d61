/**
 * Writing a parsed element back out as a standalone XML document: every namespace in scope is
 * declared on the root element (so a schema cut out of a WSDL keeps the prefixes its QName-valued
 * attributes use), attributes and text escaped, comments and processing instructions dropped.
 */
import { escapeAttr, escapeText } from './escape.ts';
import type { XAttribute, XElement } from './tree.ts';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The element and its descendants as a document with an XML declaration, two-space indented where it had only whitespace. */
export function serializeElement(root: XElement, keepAttribute: (el: XElement, attr: XAttribute) => boolean = () => true): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n'];
  write(root, out, 0, true, keepAttribute);
  out.push('\n');
  return out.join('');
}

function nameOf(prefix: string, local: string): string {
  return prefix ? `${prefix}:${local}` : local;
}

function write(el: XElement, out: string[], depth: number, isRoot: boolean, keep: (el: XElement, attr: XAttribute) => boolean): void {
  const pad = '  '.repeat(depth);
  out.push(`<${nameOf(el.prefix, el.local)}`);
  const decls = isRoot ? el.scope : el.declared;
  for (const p of Object.keys(decls).sort()) {
    if (p === 'xml' && decls[p] === XML_NS) continue;
    out.push(p === '' ? ` xmlns="${escapeAttr(decls[p]!)}"` : ` xmlns:${p}="${escapeAttr(decls[p]!)}"`);
  }
  for (const a of el.attrs) if (keep(el, a)) out.push(` ${nameOf(a.prefix, a.local)}="${escapeAttr(a.value)}"`);
  const kids = el.children.filter((c) => c.kind === 'element' || c.kind === 'text');
  const onlyElements = kids.every((c) => c.kind === 'element' || !/\S/.test(c.value));
  const elements = kids.filter((c) => c.kind === 'element');
  if (kids.length === 0 || (onlyElements && elements.length === 0)) {
    out.push('/>');
    return;
  }
  out.push('>');
  if (onlyElements) {
    for (const c of elements) {
      out.push(`\n${pad}  `);
      write(c, out, depth + 1, false, keep);
    }
    out.push(`\n${pad}`);
  } else {
    for (const c of kids) {
      if (c.kind === 'text') out.push(escapeText(c.value));
      else write(c, out, depth + 1, false, keep);
    }
  }
  out.push(`</${nameOf(el.prefix, el.local)}>`);
}
