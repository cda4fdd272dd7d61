import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContracts, resolveContract } from '../../src/contract/load.ts';
import type { ContractDoc, TypesDoc } from '../../src/contract/model.ts';
import { REPO_ROOT } from '../support/corpus.ts';

const FIX = join(REPO_ROOT, 'test', 'fixtures', 'contracts');
const broken = (name: string) => join(FIX, 'broken', name);

describe('loadContracts on a valid contract with a types file', () => {
  it('resolves names, types, defaults and examples', async () => {
    const out = await loadContracts([join(FIX, 'valid')]);
    expect(out.problems).toEqual([]);
    expect(out.contracts).toHaveLength(1);
    expect(out.typesFiles).toEqual([join(FIX, 'valid', 'Demo7', 'types.yaml')]);
    const c = out.contracts[0]!;
    expect(c).toMatchObject({ service: 'Gadget', version: 'Demo7', operation: 'SaveGadget', soapVersion: '1.2', actionSource: 'derived' });
    expect(c.request.headers.map((h) => h.name.local)).toEqual(['ApplicationToken', 'Credentials']);
    expect(c.request.headers[1]!.fields![0]).toMatchObject({ secret: true, example: '7T:example==' });
    const [gadget, overwrite, count] = c.request.body.fields!;
    // The contract writes the prefix G, the types file Gadget: both are the same URI.
    expect(gadget!.type).toEqual({ ns: 'http://example.test/ws/Demo7', local: 'GadgetEntity' });
    expect(c.types.get('{http://example.test/ws/Demo7}GadgetEntity')?.kind).toBe('complex');
    // Unquoted YAML scalars keep the text they are written with.
    expect(overwrite!.example).toBe('false');
    expect(count!.example).toBe('07');
    expect(gadget).toMatchObject({ minOccurs: 1, maxOccurs: 1, nillable: false, secret: false });
    const tags = (c.types.get('{http://example.test/ws/Demo7}GadgetEntity') as { fields: { written: string; minOccurs: number; nillable: boolean }[] }).fields.find((f) => f.written === 'Gadget:Tags');
    expect(tags).toMatchObject({ minOccurs: 0, nillable: true });
    const arr = c.types.get('{http://example.test/serialization/Arrays}ArrayOfstring');
    expect(arr?.kind === 'complex' && arr.fields[0]!.maxOccurs).toBe(Infinity);
    const colour = c.types.get('{http://example.test/ws/Demo7}Colour');
    expect(colour).toMatchObject({ kind: 'simple', enum: ['Red', 'Blue', 'Green'], enumComplete: true, base: { ns: 'http://www.w3.org/2001/XMLSchema', local: 'string' } });
    expect(c.source?.quirks[0]).toMatchObject({ code: 'header-blocks-outside-header', elements: [{ ns: 'http://example.test/ws/Demo7', local: 'ApplicationToken' }, { ns: 'http://example.test/ws/Demo7', local: 'Credentials' }] });
  });

  it('shares one registry between the contracts of one types file', async () => {
    const dir = join(FIX, 'valid', 'Demo7');
    const out = await loadContracts([join(dir, 'Gadget', 'SaveGadget.yaml'), join(dir, 'types.yaml')]);
    expect(out.problems).toEqual([]);
    expect(out.typesFiles).toHaveLength(1);
  });

  it('follows a symbolic link back up the tree only once (two such links made 2^40 paths)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soapcheck-load-'));
    try {
      cpSync(join(FIX, 'valid'), dir, { recursive: true });
      const gadget = join(dir, 'Demo7', 'Gadget');
      symlinkSync('..', join(gadget, 'up'));
      symlinkSync('../..', join(gadget, 'top'));
      const out = await loadContracts([dir]);
      expect(out.problems).toEqual([]);
      expect(out.contractFiles).toEqual([join(gadget, 'SaveGadget.yaml')]);
      expect(out.contracts).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('walks folders but skips suites, config, contracts/schema and non-YAML files', async () => {
    const out = await loadContracts([join(FIX, 'walk')]);
    expect(out.problems).toEqual([]);
    expect(out.contractFiles.map((f) => f.slice(FIX.length))).toEqual(['/walk/contracts/Demo3/PingWidget.yaml']);
  });
});

interface BrokenCase {
  file: string;
  code: string;
  line?: number;
  column?: number;
  pointer?: string;
  message: RegExp;
}

const BROKEN: BrokenCase[] = [
  { file: 'bad-soap-version.yaml', code: 'schema', line: 9, column: 12, pointer: '/soap/version', message: /`soap\.version` must be one of 1\.1, 1\.2 — got 1\.3/ },
  { file: 'unknown-key.yaml', code: 'schema', line: 19, column: 9, pointer: '/request/body/fields/0/minOccur', message: /unknown key `minOccur` in `request\.body\.fields\[0\]`/ },
  { file: 'missing-response.yaml', code: 'schema', line: 2, column: 1, pointer: '/', message: /missing the required key `response`/ },
  { file: 'bad-qname.yaml', code: 'schema', line: 19, column: 15, pointer: '/request/body/fields/0/type', message: /must be a QName .* got "W:Bad Name"/ },
  { file: 'bad-max-occurs.yaml', code: 'schema', line: 19, column: 20, pointer: '/request/body/fields/0/maxOccurs', message: /at least 1, or `unbounded` — got -1/ },
  { file: 'undeclared-prefix.yaml', code: 'undeclared-prefix', line: 19, column: 15, pointer: '/request/body/fields/0/type', message: /prefix `X`, which is not declared/ },
  { file: 'unresolved-type.yaml', code: 'unresolved-type', line: 19, column: 15, pointer: '/request/body/fields/0/type', message: /`W:Missing` .* is not defined/ },
  { file: 'format-version.yaml', code: 'format-version', line: 2, column: 12, pointer: '/soapcheck', message: /contract format 2; this soapcheck reads format 1/ },
  { file: 'duplicate-key.yaml', code: 'yaml', line: 5, column: 1, message: /the key "service" is written twice/ },
  { file: 'types-schema.yaml', code: 'schema', line: 11, column: 20, pointer: '/types/W:Widget/fields/0/maxOccurs', message: /`types\.W:Widget\.fields\[0\]\.maxOccurs` must be a whole number of at least 1, or `unbounded` — got "many"/ },
  { file: 'yaml-syntax.yaml', code: 'yaml', line: 12, message: /YAML syntax error: .*quote/ },
  { file: 'alias-bomb.yaml', code: 'yaml', message: /alias/i },
  { file: 'endpoint-url.yaml', code: 'schema', line: 7, column: 11, pointer: '/endpoint', message: /`endpoint` must be a path relative to the base URL .* not a full URL — got "https:\/\/elsewhere/ },
  // Paths that new URL(path, base) resolves to another host or above the base path (issue 10).
  { file: 'endpoint-backslashes.yaml', code: 'schema', line: 7, column: 11, pointer: '/endpoint', message: /`endpoint` must be a path under the base URL .* no space, backslash/ },
  { file: 'endpoint-space-slashes.yaml', code: 'schema', line: 7, column: 11, pointer: '/endpoint', message: /`endpoint` must be a path under the base URL/ },
  { file: 'endpoint-backslash-slash.yaml', code: 'schema', line: 7, column: 11, pointer: '/endpoint', message: /`endpoint` must be a path under the base URL/ },
  { file: 'endpoint-dot-segments.yaml', code: 'schema', line: 7, column: 11, pointer: '/endpoint', message: /`endpoint` must be a path under the base URL .* `\.\.` segment/ },
  { file: 'types-absolute.yaml', code: 'schema', line: 8, column: 8, pointer: '/types', message: /`types` must be a relative path — got "\/etc\/soapcheck\/types\.yaml"/ },
  { file: 'types-not-yaml.yaml', code: 'schema', line: 8, column: 8, pointer: '/types', message: /`types` must name a \.yaml or \.yml file — got "\.\.\/types\.json"/ },
  { file: 'not-a-contract.yaml', code: 'schema', line: 1, column: 1, pointer: '/', message: /is not a contract or types file: it has neither `soapcheck: 1` nor `kind` at the top level/ },
  { file: 'not-utf8.yaml', code: 'encoding', line: 7, column: 6, message: /is not UTF-8 text: invalid byte 0xE9 at line 7, column 6/ },
  { file: 'does-not-exist.yaml', code: 'io', message: /no such file/ },
  { file: 'types-missing', code: 'io', line: 24, column: 8, pointer: '/types', message: /types file \.\.\/nothing-here\.yaml .* does not exist/ },
];

describe('loadContracts on broken contracts', () => {
  it.each(BROKEN)('$file → $code', async (c) => {
    const out = await loadContracts([broken(c.file)]);
    expect(out.contracts).toEqual([]);
    expect(out.problems).toHaveLength(1);
    const p = out.problems[0]!;
    expect(p.code).toBe(c.code);
    expect(p.message).toMatch(c.message);
    expect(p.file.startsWith(broken(c.file))).toBe(true);
    if (c.line !== undefined) expect(p.line).toBe(c.line);
    if (c.column !== undefined) expect(p.column).toBe(c.column);
    if (c.pointer !== undefined) expect(p.pointer).toBe(c.pointer);
  });

  it('reports duplicate operations by name and by endpoint+action, keeping the first', async () => {
    const out = await loadContracts([broken('duplicate')]);
    expect(out.contracts.map((c) => c.operation)).toEqual(['PingWidget']);
    expect(out.problems.map((p) => [p.file.slice(broken('duplicate').length), p.code, p.pointer, p.line])).toEqual([
      ['/PingWidgetAgain.yaml', 'duplicate-operation', '/operation', 6],
      ['/SameAction.yaml', 'duplicate-operation', '/soap/action', 10],
    ]);
  });

  it('reports a broken types file once, there, and its contracts as not checked further', async () => {
    const out = await loadContracts([broken('types-bad')]);
    expect(out.contracts).toEqual([]);
    const codes = out.problems.map((p) => `${p.file.slice(broken('types-bad').length)} ${p.code} ${p.line}`);
    expect(codes.sort()).toEqual([
      '/Widget/PingWidget.yaml types-file 11',
      '/types.yaml undeclared-prefix 14',
      '/types.yaml unresolved-type 12',
      '/types.yaml unresolved-type 16',
    ]);
  });

  it('reports a tab used for indentation at its line, without a made-up duplicate empty key', async () => {
    const out = await loadContracts([broken('tab-indent.yaml')]);
    expect(out.contracts).toEqual([]);
    expect(out.problems.every((p) => p.code === 'yaml')).toBe(true);
    expect(out.problems[0]).toMatchObject({ line: 9, column: 1, message: 'YAML syntax error: a tab is used for indentation; YAML indents with spaces only' });
    expect(out.problems.map((p) => p.message).join('\n')).not.toMatch(/key "" is written twice|empty keys/);
  });

  it('reports every schema error of a file, not only the first', async () => {
    const out = await loadContracts([broken('bad-soap-version.yaml'), broken('unknown-key.yaml')]);
    expect(out.problems.map((p) => p.code)).toEqual(['schema', 'schema']);
  });
});

describe('resolveContract (in memory)', () => {
  const doc: ContractDoc = {
    soapcheck: 1,
    kind: 'operation',
    service: 'Widget',
    version: 'Demo3',
    operation: 'Ping',
    endpoint: 'Remote/Demo3/Widget.svc',
    soap: { version: '1.1', action: 'urn:ping' },
    namespaces: { a: 'urn:a', xsd: 'http://www.w3.org/2001/XMLSchema' },
    request: { body: { name: 'a:Ping', fields: [{ name: 'Plain', type: 'a:Thing' }, { name: 'a:N', type: 'xsd:int' }] } },
    response: { body: { name: 'a:PingResponse' } },
  };
  const types: TypesDoc = { soapcheck: 1, kind: 'types', version: 'Demo3', namespaces: { other: 'urn:a' }, types: { 'other:Thing': { base: 'other:Nope' } } };

  it('puts unprefixed field names in no namespace and resolves types by URI', () => {
    const ok: TypesDoc = { ...types, types: { 'other:Thing': { enum: ['X'] } } };
    const { contract, problems } = resolveContract(doc, 'mem.yaml', { doc: ok, file: 'types.yaml' });
    expect(problems).toEqual([]);
    expect(contract!.request.body.fields![0]!.name).toEqual({ ns: '', local: 'Plain' });
    expect(contract!.request.body.fields![0]!.type).toEqual({ ns: 'urn:a', local: 'Thing' });
    expect(contract!.actionSource).toBe('documented');
  });

  it('returns no contract when its types do not resolve', () => {
    const { contract, problems } = resolveContract(doc, 'mem.yaml');
    expect(contract).toBeUndefined();
    expect(problems.map((p) => p.code)).toEqual(['unresolved-type']);
    const withBadBase = resolveContract(doc, 'mem.yaml', { doc: types, file: 'types.yaml' });
    expect(withBadBase.contract).toBeUndefined();
    expect(withBadBase.problems.map((p) => [p.file, p.code, p.pointer])).toEqual([['types.yaml', 'unresolved-type', '/types/other:Thing/base']]);
  });

  it.each([
    ['xmlns', 'urn:x', /prefix `xmlns` and its namespace .* are reserved/],
    ['x', 'http://www.w3.org/2000/xmlns/', /prefix `xmlns` and its namespace .* are reserved/],
    ['xml', 'urn:x', /binds the prefix `xml` to http:\/\/www\.w3\.org\/XML\/1998\/namespace/],
    ['x', 'http://www.w3.org/XML/1998/namespace', /binds the prefix `xml` to/],
  ])('rejects the XML-reserved binding %s → %s (a request built from it is not well-formed XML)', (prefix, uri, message) => {
    const bad = { ...doc, namespaces: { ...doc.namespaces, [prefix]: uri } };
    const { contract, problems } = resolveContract(bad, 'mem.yaml', { doc: { ...types, types: { 'other:Thing': { enum: ['X'] } } }, file: 'types.yaml' });
    expect(contract).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'reserved-namespace', pointer: `/namespaces/${prefix}` });
    expect(problems[0]!.message).toMatch(message);
  });

  it('accepts the xml prefix bound to its own namespace', () => {
    const ok = { ...doc, namespaces: { ...doc.namespaces, xml: 'http://www.w3.org/XML/1998/namespace' } };
    expect(resolveContract(ok, 'mem.yaml', { doc: { ...types, types: { 'other:Thing': { enum: ['X'] } } }, file: 'types.yaml' }).problems).toEqual([]);
  });

  it('rejects an xsd: name that is not a built-in', () => {
    const bad = { ...doc, request: { body: { name: 'a:Ping', fields: [{ name: 'a:N', type: 'xsd:integr' }] } } };
    expect(resolveContract(bad, 'mem.yaml').problems[0]).toMatchObject({ code: 'unresolved-type', pointer: '/request/body/fields/0/type' });
  });
});
