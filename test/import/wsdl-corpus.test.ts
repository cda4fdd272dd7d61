/**
 * `import wsdl` on the real material: the SuperOffice User WSDLs of Services86/87/88 (operation
 * counts taken from each binding here, independently of the importer; lint clean; four
 * operations field by field against the WSDL's own schema), and node-soap's fixture WSDLs
 * (none crashes or hangs the importer: each imports or says why).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parse } from 'yaml';
import { lintContracts } from '../../src/contract/lint.ts';
import type { ContractDoc, FieldDoc, TypesDoc } from '../../src/contract/model.ts';
import { fieldDocs } from '../../src/contract/particles.ts';
import { importWsdl, readWsdl } from '../../src/import/wsdl.ts';
import { attribute, childElements, parseXml, type XElement } from '../../src/xml/index.ts';
import { describeShared, NODE_SOAP_DIR, SUPEROFFICE_DOCS_DIR } from '../support/corpus.ts';

const XS = 'http://www.w3.org/2001/XMLSchema';
const WSDL = 'http://schemas.xmlsoap.org/wsdl/';
const page = (v: number) => join(SUPEROFFICE_DOCS_DIR, `Services${v}`, `Services${v}-User.md`);

/** The WSDL of a page, parsed here without the importer: the text between the first ```xml fence and its end. */
function wsdlOf(v: number): XElement {
  const text = readFileSync(page(v), 'utf8');
  const m = /```xml\n([\s\S]*?)\n```/.exec(text)!;
  const r = parseXml(m[1]!);
  if (!r.ok) throw new Error(r.message);
  return r.doc.root;
}

/** Names of the wsdl:operation children of every wsdl:binding. */
function boundOperations(root: XElement): string[] {
  return childElements(root).filter((b) => b.ns === WSDL && b.local === 'binding').flatMap((b) => childElements(b).filter((o) => o.local === 'operation').map((o) => attribute(o, '', 'name')!.value));
}

/** xs:element children of a named (or element-anonymous) complex type's sequence: [name, minOccurs, nillable, type local]. */
function schemaFields(root: XElement, kind: 'element' | 'complexType', name: string): string[][] {
  const schemas = childElements(childElements(root).find((c) => c.local === 'types')!);
  for (const s of schemas) {
    for (const d of childElements(s)) {
      if (d.local !== kind || attribute(d, '', 'name')?.value !== name) continue;
      const ct = kind === 'element' ? childElements(d).find((c) => c.local === 'complexType')! : d;
      const ext = childElements(ct).find((c) => c.local === 'complexContent');
      const holder = ext ? childElements(ext).find((c) => c.local === 'extension')! : ct;
      const seq = childElements(holder).find((c) => c.local === 'sequence');
      return (seq ? childElements(seq) : []).filter((e) => e.ns === XS && e.local === 'element').map((e) => [
        attribute(e, '', 'name')!.value,
        attribute(e, '', 'minOccurs')?.value ?? '1',
        attribute(e, '', 'nillable')?.value ?? 'false',
        attribute(e, '', 'type')!.value.replace(/^[^:]*:/, ''),
      ]);
    }
  }
  throw new Error(`${kind} ${name} not in the WSDL`);
}

/** The same facts from an imported field list. */
const contractFields = (fields: FieldDoc[]) => fields.map((f) => [f.name.replace(/^[^:]*:/, ''), String(f.minOccurs ?? 1), String(f.nillable ?? false), f.type!.replace(/^[^:]*:/, '')]);

describeShared('import wsdl on the SuperOffice User WSDLs', () => {
  let out: string;
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'soapcheck-wsdl-so-'));
    const s = await importWsdl({ inputs: [page(86), page(87), page(88)], out });
    expect(s.errors).toEqual([]);
  }, 120_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it.each([[86, 79], [87, 83], [88, 84]])('Services%i User gives one contract per bound operation (%i)', (v, n) => {
    const bound = boundOperations(wsdlOf(v));
    expect(new Set(bound).size).toBe(n);
    const files = readdirSync(join(out, `Services${v}`, 'User')).filter((f) => f.endsWith('.yaml') && f !== 'types.yaml').map((f) => f.replace(/\.yaml$/, ''));
    expect(files.sort()).toEqual([...new Set(bound)].sort());
  });

  it('writes contracts that lint clean', async () => {
    const r = await lintContracts([out]);
    expect(r.problems).toEqual([]);
    expect(r.contracts).toBe(79 + 83 + 84);
  }, 120_000);

  const contract = (op: string) => parse(readFileSync(join(out, 'Services88', 'User', `${op}.yaml`), 'utf8')) as ContractDoc;
  const types = () => parse(readFileSync(join(out, 'Services88', 'User', 'types.yaml'), 'utf8')) as TypesDoc;

  it.each(['SaveCredential', 'GetUntrustedCredentials', 'SaveUntrustedCredentialsForAssociate', 'GetUser'])('%s: request and response wrappers field by field as the WSDL declares them', (op) => {
    const root = wsdlOf(88);
    const c = contract(op);
    expect(c.soap).toMatchObject({ version: '1.1', action: `http://www.superoffice.net/ws/crm/NetServer/Services88/User/${op}`, actionSource: 'wsdl', binding: 'BasicHttpBinding_User' });
    expect(contractFields(fieldDocs(c.request.body.fields))).toEqual(schemaFields(root, 'element', op));
    expect(contractFields(fieldDocs(c.response.body.fields))).toEqual(schemaFields(root, 'element', `${op}Response`));
    expect(c.request.headers!.map((h) => [h.name, h.minOccurs])).toEqual([['tns:ApplicationToken', 0], ['tns:Credentials', 0], ['tns:TimeZone', 0]]);
    expect(c.response.headers!.map((h) => h.name)).toEqual(['tns:ExceptionInfo', 'tns:ExtraInfo', 'tns:Succeeded', 'tns:TimeZone']);
  });

  it.each([['Credential'], ['CredentialType'], ['SoCredentials'], ['SoExceptionInfo'], ['User'], ['Carrier']])('type %s field by field as the WSDL declares it', (name) => {
    const t = types().types[`tns:${name}`]!;
    expect(contractFields(fieldDocs(t.fields))).toEqual(schemaFields(wsdlOf(88), 'complexType', name));
  });

  it('keeps the derivation, the flags list and the .NET serialization types', () => {
    const t = types().types;
    expect(t['tns:User']!.extends).toBe('tns:Carrier');
    expect(t['tns:ETableRight']).toMatchObject({ list: true, base: 'xsd:string', enum: expect.arrayContaining(['Select', 'Update', 'Delete']) });
    const guid = Object.entries(t).find(([k]) => k.endsWith(':guid'))![1];
    expect(guid).toMatchObject({ base: 'xsd:string', pattern: expect.stringContaining('[\\da-fA-F]{8}') });
    expect(fieldDocs(t['tns:SoCredentials']!.fields)[0]).toMatchObject({ name: 'tns:Ticket', secret: true });
  });
});

describeShared('import wsdl on node-soap\'s fixture WSDLs', () => {
  it('imports each or says what stopped it, within bounds, never crashing', async () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const n of readdirSync(d).sort()) {
        const p = join(d, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.wsdl')) files.push(p);
      }
    };
    walk(join(NODE_SOAP_DIR, 'wsdl'));
    expect(files.length).toBeGreaterThan(50);
    let imported = 0;
    const refused: string[] = [];
    for (const f of files) {
      const started = Date.now();
      const r = await readWsdl(f, relative(NODE_SOAP_DIR, f));
      expect(Date.now() - started, f).toBeLessThan(20_000);
      if (typeof r === 'string') {
        // A clear reason naming the file (and the line, for XML that cannot be read).
        expect(r, f).toMatch(/\.wsdl(:\d+)?: /);
        refused.push(r);
        continue;
      }
      for (const n of r.docs.notes) expect(n.message.length, f).toBeGreaterThan(10);
      if (r.bindings.some((b) => b.operations.length > 0)) imported++;
    }
    console.log(`node-soap WSDLs: ${files.length}, with operations imported: ${imported}, not WSDLs that can be read: ${refused.length}`);
    expect(imported).toBeGreaterThanOrEqual(50);
  }, 300_000);
});
