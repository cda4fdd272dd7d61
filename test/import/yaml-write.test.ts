/**
 * toYaml writes plain documents itself (src/import/yaml-write.ts) and must give exactly the
 * `yaml` package's text: on generated documents full of scalars YAML reads as something else
 * (numbers, booleans, null, indicators, `: `, ` #`, quotes, control characters, document
 * markers) and on every document the importers write from the real material (every shipped
 * contract and types file; the WSDL import of each SuperOffice User WSDL and of node-soap's WSDLs).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fastYaml, toYaml, toYamlByPackage } from '../../src/import/yaml-write.ts';
import { chooseBindings, readWsdl, schemaFiles, wsdlContractDoc, wsdlTypesDoc } from '../../src/import/wsdl.ts';
import { describeShared, NODE_SOAP_DIR, REPO_ROOT, SUPEROFFICE_DOCS_DIR } from '../support/corpus.ts';
import { wsdlFence } from '../../src/import/wsdl/documents.ts';

const tricky = fc.constantFrom(
  '', ' ', 'a', 'true', 'False', 'NULL', '~', 'null', 'yes', 'on', '0', '-1', '1e3', '0x1F', '0o17', '.inf', '-.Inf', '.nan', '1.5', '+1', '007',
  '- a', '-', '?', '? a', ':', 'a: b', 'a:b', 'a #b', 'a#b', '#a', '&a', '*a', '!a', '|', '>', "'a'", '"a"', '%a', '@a', '`a', ',a', '[a]', '{a}',
  ' a', 'a ', 'a:', 'tab\there', 'bell\u0007', 'del\u007f', '\u0085', '\u00a0', 'é', '日本', '😀', '\ud800', 'back\\slash', '---', '--- a', '...', '... a',
  'xsd:string', 'tns:Get.User', 'http://example.test/ws?x=1&y=2', 'line\nbreak', 'a\n\nb', 'trail\n', 'x'.repeat(1030),
);
const scalar = fc.oneof(tricky, fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const key = fc.oneof(tricky, fc.string({ maxLength: 8 }));
const { doc } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('doc'), fc.constant(undefined)),
  list: fc.array(fc.oneof(scalar, tie('doc'), tie('list')), { maxLength: 4 }),
  doc: fc.dictionary(key, tie('value'), { maxKeys: 5, noNullPrototype: true }),
}));

/** Documents of the kind the importers write: maps, lists of scalars and maps, one-line scalars. */
const oneLine = fc.oneof(tricky, fc.string({ maxLength: 12 })).filter((s) => !s.includes('\n') && s.length <= 1000 && !/^(---|\.\.\.)/.test(s));
const plainScalar = fc.oneof(oneLine, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const { plainDoc } = fc.letrec((tie) => ({
  plainValue: fc.oneof({ depthSize: 'small' }, plainScalar, tie('plainList'), tie('plainDoc'), fc.constant(undefined)),
  plainList: fc.array(fc.oneof(plainScalar, tie('plainDoc'), fc.constant([]), fc.constant({})), { maxLength: 4 }),
  plainDoc: fc.dictionary(oneLine, tie('plainValue'), { minKeys: 1, maxKeys: 5, noNullPrototype: true }),
}));

describe('toYaml', () => {
  it('writes documents of the importers\' kind itself, exactly as the yaml package does', () => {
    fc.assert(fc.property(plainDoc, (d) => { fc.pre(Object.values(d).some((v) => v !== undefined)); expect(fastYaml(d)).toBe(toYamlByPackage(d)); }), { numRuns: 1000 });
  });

  it('writes any other document as the yaml package does', () => {
    fc.assert(fc.property(doc, (d) => { expect(toYaml(d)).toBe(toYamlByPackage(d)); }), { numRuns: 500 });
  });

  it('puts the schema comment first', () => {
    expect(toYaml({ a: 1 }, '# c')).toBe('# c\na: 1\n');
  });

  it('keeps apart scalars that print alike in JavaScript (remembered texts are per value)', () => {
    for (const d of [{ a: '#0', b: 's0', c: 'n0', d: '#false' }, { a: 0, b: -0, c: '0', d: false, e: 'false' }, { a: -0, b: 0 }]) expect(fastYaml(d)).toBe(toYamlByPackage(d));
  });
});

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : n.endsWith('.yaml') ? [p] : [];
  });
}

describe('toYaml on the shipped contracts', () => {
  it('writes every shipped contract and types file as the yaml package does', () => {
    const files = yamlFiles(join(REPO_ROOT, 'contracts'));
    expect(files.length).toBeGreaterThan(100);
    for (const f of files) {
      const d = parse(readFileSync(f, 'utf8')) as unknown;
      expect(fastYaml(d), f).toBe(toYamlByPackage(d));
    }
  });
});

describeShared('toYaml on WSDL imports of the real material', () => {
  it('writes every contract and types document of the SuperOffice User WSDLs and node-soap WSDLs as the yaml package does', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soapcheck-yaml-'));
    try {
      const inputs: string[] = [];
      for (const v of ['Services86', 'Services87', 'Services88']) {
        const file = join(dir, `${v}.wsdl`);
        writeFileSync(file, wsdlFence(readFileSync(join(SUPEROFFICE_DOCS_DIR, v, `${v}-User.md`), 'utf8'))!.text);
        inputs.push(file);
      }
      const nodeSoap = join(NODE_SOAP_DIR, 'wsdl');
      inputs.push(...readdirSync(nodeSoap).filter((n) => n.endsWith('.wsdl')).sort().map((n) => join(nodeSoap, n)));
      let docs = 0;
      for (const file of inputs) {
        const read = await readWsdl(file, 'x.wsdl');
        if (typeof read === 'string') continue;
        const xsds = schemaFiles(read).map((x) => x.name);
        const all: unknown[] = [wsdlTypesDoc(read, 'V')];
        for (const b of chooseBindings(read.bindings, undefined).chosen) for (const op of b.operations) all.push(wsdlContractDoc(op, read, 'V', xsds, '0'.repeat(64)));
        for (const d of all) expect(fastYaml(d), file).toBe(toYamlByPackage(d));
        docs += all.length;
      }
      expect(docs).toBeGreaterThan(250);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
