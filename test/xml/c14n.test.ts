import { describe, expect, it } from 'vitest';
import { canonicalize, type CanonicalizeOptions } from '../../src/xml/index.ts';

function c14n(xml: string | Uint8Array, options?: CanonicalizeOptions): string {
  const r = canonicalize(xml, options);
  if (!r.ok) throw new Error(`${r.kind}: ${r.message}`);
  return r.text;
}

describe('canonicalize (C14N 1.0)', () => {
  it.each([
    ['drops the XML declaration', '<?xml version="1.0" encoding="UTF-8"?>\n<a/>', '<a></a>'],
    ['writes empty elements as start and end tags', '<a><b/></a>', '<a><b></b></a>'],
    ['uses double quotes for attribute values', `<a x='1'/>`, '<a x="1"></a>'],
    ['sorts attributes: no namespace first, then by namespace URI', '<a xmlns:z="urn:a" xmlns:y="urn:b" y:k="1" z:k="2" b="3" a="4"/>', '<a xmlns:y="urn:b" xmlns:z="urn:a" a="4" b="3" z:k="2" y:k="1"></a>'],
    ['normalizes whitespace inside tags', '<a   x = "1"  ></a  >', '<a x="1"></a>'],
    ['replaces CDATA sections by escaped text', '<a><![CDATA[<b> & ]]></a>', '<a>&lt;b&gt; &amp; </a>'],
    ['escapes > in text, and quotes and tabs in attributes', `<a t="&quot;&#9;&#10;">&gt;'"</a>`, '<a t="&quot;&#x9;&#xA;">&gt;\'"</a>'],
    ['keeps whitespace text between elements', '<a>\n  <b/>\n</a>', '<a>\n  <b></b>\n</a>'],
    ['removes comments by default', '<a><!-- c --><b/></a>', '<a><b></b></a>'],
    ['removes a superfluous redeclaration of a prefix', '<a xmlns:p="urn:p"><p:b xmlns:p="urn:p"/></a>', '<a xmlns:p="urn:p"><p:b></p:b></a>'],
    ['keeps declarations that are in scope but unused (inclusive)', '<a xmlns:u="urn:unused"><b/></a>', '<a xmlns:u="urn:unused"><b></b></a>'],
  ])('%s', (_what, input, expected) => {
    expect(c14n(input)).toBe(expected);
  });

  it('gives the same form to documents that differ only in syntax', () => {
    const a = `<?xml version="1.0"?><s:E xmlns:s="urn:s" xmlns:m="urn:m"><s:B><m:Op m:x='1' y="2"><m:V/></m:Op></s:B></s:E>`;
    const b = `<s:E xmlns:m="urn:m"  xmlns:s="urn:s" ><s:B ><m:Op y="2" m:x="1"><m:V></m:V></m:Op></s:B></s:E>`;
    expect(c14n(a)).toBe(c14n(b));
  });

  it('keeps prefixes: documents with other prefixes for the same namespaces stay different (C14N is not a semantic compare)', () => {
    expect(c14n('<p:a xmlns:p="urn:x"/>')).not.toBe(c14n('<q:a xmlns:q="urn:x"/>'));
  });

  it('decodes bytes by their declared encoding and writes UTF-8 text', () => {
    expect(c14n(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>\xe9</a>', 'latin1'))).toBe('<a>é</a>');
  });
});

describe('canonicalize: options', () => {
  const doc = '<!-- before -->\n<s:E xmlns:s="urn:s" xmlns:u="urn:unused" xmlns:m="urn:m"><s:B><!-- in --><m:Op/></s:B></s:E>';

  it('exclusive: declares a namespace only where it is visibly used', () => {
    expect(c14n(doc, { exclusive: true })).toBe('<s:E xmlns:s="urn:s"><s:B><m:Op xmlns:m="urn:m"></m:Op></s:B></s:E>');
  });

  it('exclusive with inclusive prefixes: keeps the listed declarations where they are', () => {
    expect(c14n(doc, { exclusive: true, inclusivePrefixes: ['u'] })).toBe(
      '<s:E xmlns:s="urn:s" xmlns:u="urn:unused"><s:B><m:Op xmlns:m="urn:m"></m:Op></s:B></s:E>',
    );
  });

  it('withComments: keeps comments, those outside the root on their own lines', () => {
    expect(c14n(doc, { withComments: true })).toBe(
      '<!-- before -->\n<s:E xmlns:m="urn:m" xmlns:s="urn:s" xmlns:u="urn:unused"><s:B><!-- in --><m:Op></m:Op></s:B></s:E>',
    );
  });
});

describe('canonicalize: bad input', () => {
  it.each([
    ['not XML', 'hello', 'not-xml'],
    ['not well-formed', '<a><b></a>', 'malformed'],
    ['a DOCTYPE', '<!DOCTYPE a><a/>', 'doctype'],
    ['a relative namespace URI', '<a xmlns:p="relative"><p:b/></a>', 'malformed'],
  ])('%s is refused with a reason, not thrown', (_what, input, kind) => {
    const r = canonicalize(input);
    expect(r).toMatchObject({ ok: false, kind });
    if (!r.ok) expect(r.message.length).toBeGreaterThan(10);
  });

  it('says which namespace URI is relative', () => {
    expect(canonicalize('<a xmlns:p="relative"><p:b/></a>')).toMatchObject({ message: expect.stringContaining('"relative" is relative') });
  });
});
