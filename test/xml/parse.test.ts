import { describe, expect, it } from 'vitest';
import {
  attribute,
  childElements,
  hasSignificantText,
  parseXml,
  textContent,
  XSI_NS,
  type XDocument,
  type XElement,
} from '../../src/xml/index.ts';

function parsed(xml: string | Uint8Array): XDocument {
  const r = parseXml(xml);
  if (!r.ok) throw new Error(`expected a parse, got ${r.kind}: ${r.message}`);
  return r.doc;
}

/** The first descendant element with this local name (depth first). */
function find(el: XElement, local: string): XElement {
  if (el.local === local) return el;
  for (const c of childElements(el)) {
    try {
      return find(c, local);
    } catch {
      /* not below this child */
    }
  }
  throw new Error(`no <${local}> below <${el.local}>`);
}

const ENVELOPE = `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"
               xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
               xmlns="urn:default">
  <soap:Body>
    <m:GetThing xmlns:m="urn:made-up:things">
      <m:Id xsi:type="xsd:int" xmlns:xsd="http://www.w3.org/2001/XMLSchema">42</m:Id>
      <Plain a="1" m:b="2">in the default namespace</Plain>
      <m:Item>one</m:Item>
      <m:Item>two</m:Item>
      <NoNs xmlns="">unqualified</NoNs>
    </m:GetThing>
  </soap:Body>
</soap:Envelope>`;

describe('parseXml: names and namespaces', () => {
  const doc = parsed(ENVELOPE);
  const root = doc.root;

  it('gives each element its local name, namespace URI and prefix', () => {
    expect([root.local, root.ns, root.prefix]).toEqual(['Envelope', 'http://schemas.xmlsoap.org/soap/envelope/', 'soap']);
    const op = find(root, 'GetThing');
    expect([op.ns, op.prefix]).toEqual(['urn:made-up:things', 'm']);
  });

  it('puts unprefixed elements in the default namespace, and in none after xmlns=""', () => {
    expect(find(root, 'Plain')).toMatchObject({ ns: 'urn:default', prefix: '' });
    expect(find(root, 'NoNs')).toMatchObject({ ns: '', prefix: '' });
  });

  it('keeps the declarations in scope (own and inherited) and those made on the element itself', () => {
    const id = find(root, 'Id');
    expect(id.scope).toMatchObject({
      soap: 'http://schemas.xmlsoap.org/soap/envelope/',
      xsi: XSI_NS,
      '': 'urn:default',
      m: 'urn:made-up:things',
      xsd: 'http://www.w3.org/2001/XMLSchema',
      xml: 'http://www.w3.org/XML/1998/namespace',
    });
    expect(id.declared).toEqual({ xsd: 'http://www.w3.org/2001/XMLSchema' });
    expect(find(root, 'Body').declared).toEqual({});
    expect(find(root, 'NoNs').scope['']).toBe('');
    // A declaration does not leak to siblings.
    expect(find(root, 'Plain').scope.xsd).toBeUndefined();
  });

  it('gives attributes their namespace: none when unprefixed (not the default namespace), the URI when prefixed', () => {
    const plain = find(root, 'Plain');
    expect(attribute(plain, '', 'a')?.value).toBe('1');
    expect(attribute(plain, 'urn:made-up:things', 'b')).toMatchObject({ value: '2', prefix: 'm' });
    expect(attribute(plain, 'urn:default', 'a')).toBeUndefined();
    expect(attribute(find(root, 'Id'), XSI_NS, 'type')?.value).toBe('xsd:int');
  });

  it('does not list namespace declarations as attributes', () => {
    expect(root.attrs).toEqual([]);
    expect(find(root, 'Id').attrs.map((a) => a.local)).toEqual(['type']);
  });

  it('links each element to its parent', () => {
    const id = find(root, 'Id');
    expect(id.parent?.local).toBe('GetThing');
    expect(root.parent).toBeNull();
  });

  it('reports the declared encoding', () => {
    expect(doc.declaredEncoding).toBe('UTF-8');
    expect(parsed('<a/>').declaredEncoding).toBeNull();
  });
});

describe('parseXml: content nodes', () => {
  it('keeps text and CDATA apart, and textContent joins them', () => {
    const a = parsed('<a>x &amp; <![CDATA[<b>&amp;</b>]]> y</a>').root;
    expect(a.children).toEqual([
      expect.objectContaining({ kind: 'text', value: 'x & ', cdata: false }),
      expect.objectContaining({ kind: 'text', value: '<b>&amp;</b>', cdata: true }),
      expect.objectContaining({ kind: 'text', value: ' y', cdata: false }),
    ]);
    expect(textContent(a)).toBe('x & <b>&amp;</b> y');
  });

  it('resolves character references and the five predefined entities', () => {
    expect(textContent(parsed('<a>&lt;&gt;&amp;&apos;&quot;&#233;&#x20AC;</a>').root)).toBe(`<>&'"é€`);
  });

  it('keeps comments as comment nodes, not text', () => {
    const a = parsed('<a><!-- note -->x</a>').root;
    expect(a.children[0]).toMatchObject({ kind: 'comment', value: ' note ' });
    expect(textContent(a)).toBe('x');
  });

  it('records processing instructions with their target, inside and outside the root', () => {
    const doc = parsed('<?xml version="1.0"?>\n<?before x?>\n<a>\n<?inside y?>\n</a>\n<?after z?>');
    expect(doc.processingInstructions.map((p) => p.target).sort()).toEqual(['after', 'before', 'inside']);
    expect(doc.root.children.find((c) => c.kind === 'pi')).toMatchObject({ target: 'inside', line: 4 });
  });

  it('tells whitespace-only content from significant text', () => {
    expect(hasSignificantText(parsed('<a>\n  <b/>\n</a>').root)).toBe(false);
    expect(hasSignificantText(parsed('<a>\n x <b/></a>').root)).toBe(true);
  });
});

describe('parseXml: positions', () => {
  it('gives each element the line it starts on', () => {
    const root = parsed(ENVELOPE).root;
    expect(root.line).toBe(2);
    expect(find(root, 'Body').line).toBe(5);
    expect(find(root, 'Id').line).toBe(7);
    expect(find(root, 'NoNs').line).toBe(11);
  });

  it('keeps line numbers past 65535', () => {
    const root = parsed(`<a>${'\n'.repeat(70_000)}<b/></a>`).root;
    expect(childElements(root)[0]!.line).toBe(70_001);
  });
});

describe('parseXml: encodings', () => {
  it('accepts a UTF-8 byte order mark, in text and in bytes', () => {
    expect(textContent(parsed('\uFEFF<a>é</a>').root)).toBe('é');
    expect(textContent(parsed(Buffer.from('\uFEFF<?xml version="1.0"?><a>é</a>', 'utf8')).root)).toBe('é');
  });

  it('decodes bytes by the declared encoding', () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><a>\xe9</a>', 'latin1');
    expect(textContent(parsed(latin1).root)).toBe('é');
  });

  it('decodes UTF-16 bytes with a byte order mark', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a>é€</a>', 'utf16le')]);
    expect(textContent(parsed(utf16).root)).toBe('é€');
  });

  it('takes text as the characters it is, whatever encoding its declaration names', () => {
    const doc = parsed('<?xml version="1.0" encoding="ISO-8859-1"?><a>é</a>');
    expect(textContent(doc.root)).toBe('é');
    expect(doc.declaredEncoding).toBe('ISO-8859-1');
  });
});
