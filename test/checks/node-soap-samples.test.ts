/**
 * node-soap's own request/response samples (../shared/corpus/node-soap/request-response-samples):
 * each folder's soap.wsdl goes through `import wsdl` (following the binding of the samples' SOAP
 * version where a port type is bound twice), and its request.xml and response.xml are checked
 * (strict, every rule, schema/xsd included) against the contract whose body element they carry; a
 * fault response against the request's contract. A folder is clean when neither message has an
 * error finding, schema/xsd could compile the schemas, and each message found its contract (a
 * fault response is a case expecting that fault: fault/unexpected is dropped, as `run` does).
 *
 * Every folder that is not clean must be in DEPARTURES — a sample that departs from its own WSDL,
 * each explained in docs/node-soap-samples.md — and every folder listed there must still not be
 * clean (a fix that makes one clean removes it from the list), so the count can only improve.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { importWsdl, readWsdl } from '../../src/import/wsdl.ts';
import { loadContracts } from '../../src/contract/load.ts';
import type { Contract } from '../../src/contract/model.ts';
import { checkMessage, compileContract, type Finding } from '../../src/checks/index.ts';
import { envelopeOfMultipart } from '../../src/soap/xop.ts';
import { childElements, parseXml, SOAP12_ENV_NS } from '../../src/xml/index.ts';
import { describeShared, NODE_SOAP_DIR, REPO_ROOT } from '../support/corpus.ts';

/** Folders whose samples depart from their WSDL (the reasons: docs/node-soap-samples.md). */
const DEPARTURES: Record<string, string> = {
  Dummy__ref_element_should_have_correct_namespace: 'schema not valid XSD (xs:simpletype)',
  Dummy__ref_element_should_have_correct_namespace_with_overrideElementKey: 'element renamed by a node-soap option; response element not in the WSDL',
  Dummy__should_add_prefix_for_unqualified_global_elements: 'unqualified locals sent qualified; attribute not declared',
  Dummy__should_deserialize_basic_types: 'required elements left out',
  Dummy__should_escape_xml: 'nil where not nillable',
  Dummy__should_handle_attributes_in_request: 'attribute not declared',
  Dummy__should_handle_inline_types: 'schema not valid XSD (named simpleType inside an element)',
  Dummy__should_handle_nil: 'nil where not nillable',
  Dummy__should_handle_nil_as_null: 'nil where not nillable',
  Dummy__should_handle_nil_false: 'xsi:nil on a not nillable element',
  Dummy__should_ignore_custom_defined_namespaces: 'element not in the schema',
  Dummy__should_ignore_defined_namespaces: 'element not in the schema',
  Dummy__should_parse_nil: 'nil where not nillable',
  Dummy__should_preserve_leading_and_trailing_whitespace_when_preserveWhitespace_is_true: 'schema not valid XSD (minOccurs on a global element)',
  Dummy__should_remove_leading_and_trailing_whitespace_by_default: 'schema not valid XSD (minOccurs on a global element)',
  Dummy__should_use_defined_value_key: 'element not in the schema',
  Dummy__should_use_defined_xml_key: 'markup in a string element',
  Dummy__should_use_defined_xml_key_in_first_level_for_rpc: 'WSDL not namespace-well-formed',
  GET_DATA__should_work_with_more_deeply_nested_XML_messages_and_without_security: 'request not namespace-well-formed; response element misnamed',
  GetAccountXml__non_xmlns_attributes_should_be_returned: 'undeclared element in a strict wildcard',
  GetItemInformation__should_ignore_default_namespace_from_schema: 'required element left out; response element misnamed',
  GetSubscription__should_handle_ref_minOccurs_and_maxOccurs: 'element not in the schema',
  IndienenBericht__should_work_with_deeply_nested_XML_messages: 'required elements left out; values outside their facets',
  Login__unsupported_response_name_returned_and_local_xs_schema_missed: 'rpc wrapper in another namespace; parts reordered',
  Message__Messages_suffixed_with_In_Out: 'part name in another case; rpc response wrapper not <op>Response',
  Message__Messages_suffixed_with_Input_Output: 'part name in another case; rpc response wrapper not <op>Response',
  Message__Messages_suffixed_with_Request_Response: 'part name in another case; rpc response wrapper not <op>Response',
  Message__overriding_namespace_prefix: 'part name in another case; rpc response wrapper not <op>Response',
  RequestHeaders__propogate_custom_header: 'text directly in soap:Header',
  ResponseHeaders__return_soap_headers: 'text directly in soap:Header',
  RetrieveCustomerDetails__returning_a_date_should_parse_the_date: 'required element left out',
  RetrieveFareQuoteDateRange__should_handle_child_namespaces: 'a date where a dateTime is declared',
  SendCDATA__cdata_is_handled_correctly: 'response element in no namespace',
  SendCDATA__cdata_preserves_leading_and_trailing_whitespace_when_preserveWhitespace_option_is_true: 'response element in no namespace',
  SendCDATA__cdata_removes_leading_and_trailing_whitespace_by_default: 'response element in no namespace',
  'SetResource__should_correctly_set_element_if_complex-type_has_same_name': 'response not namespace-well-formed',
  UpdateProfile__correct_namespaces_for_elements_with_base: 'elements out of order',
  UpdateProfile__correct_namespaces_for_elements_with_base_ignorednamespaces: 'elements out of order and in another namespace',
  UpdateProfile__correct_namespaces_in_sequence_with_imports: 'required element left out',
  UpdateProfile__correct_namespaces_other_prefixes: 'required element left out',
  UpdateProfile__correct_ns_context: 'elements out of order',
  addList__complex_extension_namespace_for_arrays: 'attribute of a trimmed schema',
  addPets__force_namespaces: 'request not namespace-well-formed; schema not valid XSD',
  administrate__Complex_json_object_namespace_issue: 'empty boolean; response element in the SOAP namespace',
  attachments__should_send_binary_data: 'WSDL not namespace-well-formed',
  createData__should_generate_complex_type_request: 'qualified elements sent unqualified; required element left out',
  addPrefix__should_add_namespace_on_output_message: 'response part misnamed',
  execFile__valid_xml_generated_on_request_with_complex_type_element_form_default_missing: 'SOAP 1.1 against a SOAP 1.2 binding; response element misnamed',
  execFile__valid_xml_generated_on_request_with_complex_type_element_form_default_qualified: 'SOAP 1.1 against a SOAP 1.2 binding; response element misnamed',
  execFile__valid_xml_generated_on_request_with_complex_type_element_form_default_unqualified: 'SOAP 1.1 against a SOAP 1.2 binding; response element misnamed',
  fooOp__should_return_back_good_response_object: 'qualified elements sent unqualified; response not well-formed',
  getAppointmentNumber__should_be_able_to_parse_response: 'no request.xml; response is no SOAP envelope',
  getAttachments__should_handle_MTOM_response: 'rpc wrapper in another namespace; cid: text where base64 is declared',
  getAttachments__should_handle_not_MTOM_response: 'rpc wrapper in another namespace; cid: text where base64 is declared',
  getAvailability__should_not_fail_without_children: 'rpc wrapper in another namespace; elements not in the schema',
  getMessage__does_not_use_schema_xmlns: 'element not in the schema',
  getMessage__force_use_schema_xmlns: 'element not in the schema',
  get__complex_extension_with_explicit_namespace: 'attribute of a trimmed schema',
  get__complex_extension_without_explicit_namespace: 'attribute of a trimmed schema',
  update__complex_extension_fields_in_parent_without_explicit_namespace: 'attribute of a trimmed schema',
  update__complex_extension_with_array_attributes: 'elements out of order; attribute of a trimmed schema',
};

/** Floors: folders whose WSDL imports, folders that check clean. Raise them as fixes land. */
const FLOOR = { imported: 91, clean: 32 };

interface Outcome { folder: string; imported: boolean; findings: Finding[]; unmatched: string[] }

const soapVersionOf = (xml: string): '1.1' | '1.2' | undefined => {
  const p = parseXml(xml);
  return p.ok ? (p.doc.root.ns === SOAP12_ENV_NS ? '1.2' : '1.1') : undefined;
};

/** The contracts of a WSDL imported into `out`; where a port type is bound in both SOAP versions, following the samples' version. */
async function contractsOf(wsdl: string, out: string, version: '1.1' | '1.2' | undefined): Promise<Contract[]> {
  const read = await readWsdl(wsdl, 'soap.wsdl');
  const binding = typeof read === 'string' ? undefined : read.bindings.find((b) => b.soapVersion === version)?.name.local;
  await importWsdl({ inputs: [wsdl], out, ...(binding ? { binding } : {}) });
  return (await loadContracts([out])).contracts;
}

async function checkFolder(dir: string, folder: string): Promise<Outcome> {
  const out = mkdtempSync(join(tmpdir(), 'soapcheck-node-soap-'));
  try {
    return await checkImported(dir, folder, out);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

async function checkImported(dir: string, folder: string, out: string): Promise<Outcome> {
  const texts = Object.fromEntries((['request', 'response'] as const).map((d) => [d, existsSync(join(dir, `${d}.xml`)) ? readFileSync(join(dir, `${d}.xml`), 'utf8') : undefined]));
  let contracts: Contract[];
  try {
    contracts = await contractsOf(join(dir, 'soap.wsdl'), out, soapVersionOf(texts.request ?? texts.response ?? ''));
  } catch {
    contracts = [];
  }
  if (contracts.length === 0) return { folder, imported: false, findings: [], unmatched: [] };
  const findings: Finding[] = [];
  const unmatched: string[] = [];
  let requestContract: Contract | undefined;
  for (const direction of ['request', 'response'] as const) {
    const body = texts[direction];
    if (body === undefined) continue;
    const carried = envelopeOfMultipart(body);
    const parsed = parseXml(carried?.ok ? carried.envelope.body : body);
    const bodyEl = parsed.ok ? childElements(parsed.doc.root).find((c) => c.local === 'Body') : undefined;
    const el = bodyEl ? childElements(bodyEl)[0] : undefined;
    const isFault = parsed.ok && el?.local === 'Fault' && el.ns === parsed.doc.root.ns;
    const c = isFault ? requestContract : el && (contracts.find((x) => x[direction].body.name.local === el.local && x[direction].body.name.ns === el.ns) ?? contracts.find((x) => x[direction].body.name.local === el.local));
    if (!c) {
      unmatched.push(`${direction}.xml`);
      continue;
    }
    if (direction === 'request') requestContract = c;
    // Errors, and the warning that schema/xsd could not compile the schemas (the message went unchecked).
    // A fault sample is a case that expects the fault: fault/unexpected is dropped, as `run` does for `expect: fault`.
    const all = checkMessage(compileContract(c), { direction, body }, { profile: 'strict' }).findings.filter((f) => !(isFault && f.rule === 'fault/unexpected'));
    findings.push(...all.filter((f) => f.severity === 'error' || (f.rule === 'schema/xsd' && f.message.includes('did not check'))));
  }
  return { folder, imported: true, findings, unmatched };
}

describeShared("node-soap's request-response samples against their own WSDL", () => {
  const outcomes: Outcome[] = [];
  beforeAll(async () => {
    const root = join(NODE_SOAP_DIR, 'request-response-samples');
    for (const folder of readdirSync(root).sort()) {
      const dir = join(root, folder);
      if (!statSync(dir).isDirectory()) continue;
      if (existsSync(join(dir, 'soap.wsdl'))) outcomes.push(await checkFolder(dir, folder));
      else outcomes.push({ folder, imported: false, findings: [], unmatched: [] });
    }
  }, 300_000);

  it('imports and checks clean at least as many folders as the floors; every other folder is a documented departure', () => {
    const imported = outcomes.filter((o) => o.imported);
    const isClean = (o: Outcome) => o.imported && o.findings.length === 0 && o.unmatched.length === 0;
    const clean = outcomes.filter(isClean);
    const byRule = new Map<string, number>();
    for (const o of imported) for (const f of o.findings) byRule.set(f.rule, (byRule.get(f.rule) ?? 0) + 1);
    const table = outcomes
      .filter((o) => !isClean(o))
      .map((o) => `  ${o.folder}: ${o.imported ? [...new Set(o.findings.map((f) => f.rule)), ...o.unmatched.map((u) => `${u} unmatched`)].join(', ') : 'not imported'}`);
    const documented = outcomes.filter((o) => !isClean(o) && DEPARTURES[o.folder]).length;
    console.log(
      `node-soap samples: ${outcomes.length} folders, ${imported.length} import, ${clean.length} check clean, ${documented} documented departures ` +
        `(${Math.round((100 * (clean.length + documented)) / outcomes.length)} % clean or documented); findings by rule: ` +
        `${[...byRule].sort((a, b) => b[1] - a[1]).map(([r, n]) => `${r} ${n}`).join(', ')}\n${table.join('\n')}`,
    );
    expect(imported.length).toBeGreaterThanOrEqual(FLOOR.imported);
    expect(clean.length).toBeGreaterThanOrEqual(FLOOR.clean);
    expect(outcomes.filter((o) => !isClean(o) && !DEPARTURES[o.folder]).map((o) => o.folder), 'not clean and not a documented departure').toEqual([]);
    expect(outcomes.filter((o) => isClean(o) && DEPARTURES[o.folder]).map((o) => o.folder), 'clean now: take them off DEPARTURES and the docs').toEqual([]);
    expect(Object.keys(DEPARTURES).filter((f) => !outcomes.some((o) => o.folder === f)), 'listed but no such folder').toEqual([]);
  });

  it('explains every departure in docs/node-soap-samples.md', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs', 'node-soap-samples.md'), 'utf8');
    expect(Object.keys(DEPARTURES).filter((f) => !doc.includes(`\`${f}\``))).toEqual([]);
  });
});
