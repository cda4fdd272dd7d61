/** `soapcheck verify <contract | folder> <message.xml…>`: check messages offline against contracts. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { relative } from 'node:path';
import { loadContracts } from '../contract/load.ts';
import type { Contract } from '../contract/model.ts';
import { selectOperation } from '../contract/select.ts';
import { bodyElementName } from '../checks/body-name.ts';
import { ConfigError, makeConfig, parseRuleOption } from '../checks/config.ts';
import { envelopeOfMultipart } from '../soap/xop.ts';
import { checkMessage, compileContract, parseLimitsOf, type CheckConfig, type Finding, type RuleSetting } from '../checks/index.ts';
import { parseXml, type ParseResult } from '../xml/parse.ts';
import { clark, type ExpandedName } from '../xml/qname.ts';
import { findProject } from './project.ts';
import { EXIT, parseCommandArgs, profileOption, UsageError, type Command } from './command.ts';
import { findingLine } from '../report/format.ts';


export const command: Command = {
  help: `Usage: soapcheck verify <contract.yaml | contracts folder> <message.xml…> [options]

Check SOAP messages offline against a contract. Given one contract file, every message is checked
against it. Given a folder (or several contracts), each message's operation is picked by its body
element's namespace URI and local name (then by --action); the command says so when none or
several match.

Messages are responses unless --request is given. Findings are printed one per line as
  file:line  rule  message
(warnings as "rule  warning: message"), then a summary line.

Options:
  --request             the messages are requests (default: responses)
  --profile <p>         strict (default): exact field set and order;
                        compatible: unknown fields allowed, order a warning
  --rule <id=level>     set a rule to off, warn or error; repeatable (e.g. --rule field/order=warn)
  --config <file>       read profile and rules from this YAML file
                        (default: soapcheck.config.yaml found from the current folder upward,
                        not past a folder with package.json or .git)
  --action <uri>        SOAP action, to choose between operations with the same body element
  --format <f>          text (default) or json
  -h, --help            show this help

Exit codes: 0 no error findings (warnings allowed), 1 error findings,
            2 usage or input error (unreadable file, contract problems, no or several matching operations).`,

  async run(argv) {
    const { values, positionals } = parseCommandArgs(argv, {
      request: { type: 'boolean', default: false },
      profile: { type: 'string' },
      rule: { type: 'string', multiple: true },
      config: { type: 'string' },
      action: { type: 'string' },
      format: { type: 'string', default: 'text' },
    });
    const format = values.format;
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
    if (positionals.length < 2) throw new UsageError('expected a contract (or contracts folder) and at least one message file');
    const [contractPath, ...messageFiles] = positionals as [string, ...string[]];
    if (!existsSync(contractPath)) throw new UsageError(`${contractPath}: no such file or folder`);

    let config: CheckConfig;
    try {
      config = buildConfig(values.config, values.profile, values.rule ?? []);
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(e.message);
      throw e;
    }

    const loaded = await loadContracts([contractPath]);
    if (loaded.problems.length > 0) {
      for (const p of loaded.problems) process.stderr.write(`${p.file}${p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : ''}  ${p.code}  ${p.message}\n`);
      process.stderr.write(`soapcheck verify: ${loaded.problems.length} problem(s) in the contracts; run soapcheck lint\n`);
      return EXIT.USAGE;
    }
    if (loaded.contracts.length === 0) throw new UsageError(`${contractPath}: no contracts found`);
    const single = statSync(contractPath).isFile() && loaded.contracts.length === 1;
    const direction = values.request ? 'request' : 'response';

    const results: MessageResult[] = messageFiles.map((file) => verifyOne(file, loaded.contracts, single, direction, values.action, config));
    const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
    const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warn').length, 0);
    const inputErrors = results.filter((r) => r.error).length;

    if (format === 'json') {
      process.stdout.write(JSON.stringify({ profile: config.profile, direction, messages: results, summary: { messages: results.length, errors, warnings, inputErrors } }, null, 2) + '\n');
    } else {
      for (const r of results) {
        if (r.error) { process.stdout.write(`${r.file}: ${r.error}\n`); continue; }
        if (!single && r.contract) process.stdout.write(`${r.file}: ${direction} of ${r.contract.version}/${r.contract.service}/${r.contract.operation} (${r.contract.file})\n`);
        for (const f of r.findings) process.stdout.write(findingLine(r.file, f) + '\n');
      }
      const parts = [`${results.length} message${results.length === 1 ? '' : 's'}`, `${errors} error${errors === 1 ? '' : 's'}`, `${warnings} warning${warnings === 1 ? '' : 's'}`];
      if (inputErrors) parts.push(`${inputErrors} not checked`);
      process.stdout.write(`${parts.join(', ')} (profile ${config.profile})\n`);
    }
    if (inputErrors > 0) return EXIT.USAGE;
    return errors > 0 ? EXIT.FINDINGS : EXIT.OK;
  },
};

interface MessageResult {
  file: string;
  contract?: { file: string; service: string; version: string; operation: string };
  findings: Finding[];
  /** Why the message could not be checked. */
  error?: string;
}

function buildConfig(configFile: string | undefined, profile: string | undefined, ruleOpts: string[]): CheckConfig {
  // Command line > soapcheck.config.yaml (found from the working folder upward) > defaults.
  const file = findProject(process.cwd(), configFile).config;
  const cli: Record<string, RuleSetting> = {};
  for (const o of ruleOpts) { const [id, level] = parseRuleOption(o); cli[id] = level; }
  const p = profile !== undefined ? profileOption(profile) : file.profile ?? 'strict';
  return makeConfig(p, file.rules, cli);
}

function verifyOne(file: string, contracts: Contract[], single: boolean, direction: 'request' | 'response', action: string | undefined, config: CheckConfig): MessageResult {
  let body: Buffer;
  try {
    body = readFileSync(file);
  } catch (e) {
    return { file, findings: [], error: `cannot read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  if (single) return checked(file, contracts[0]!, direction, body, config, undefined, true);
  // Parsed once: to route the message by its body element, then checked as it is (the engine's document kept for
  // rules that validate it with the engine, disposed here).
  // A MIME message (SOAP with Attachments, MTOM) is routed by the envelope in its root part.
  const carried = envelopeOfMultipart(body);
  const parsed = parseXml(carried?.ok ? carried.envelope.body : body, parseLimitsOf(config), { keepNative: true });
  try {
    // A message that does not parse cannot be routed; its parse finding does not depend on the
    // contract, so any candidate's plan reports it.
    if (!parsed.ok) return checked(file, contracts[0]!, direction, body, config, parsed, false);
    const bodyName = bodyElementName(parsed.doc);
    if (!bodyName) return { file, findings: [], error: 'cannot select an operation: the message has no SOAP Body element' };
    const sel = selectOperation(contracts, { bodyName, action, direction });
    if (sel.none !== undefined) return { file, findings: [], error: `no operation matches: ${sel.none}${otherDirectionHint(contracts, bodyName, action, direction)}` };
    if (sel.ambiguous) {
      return { file, findings: [], error: `${sel.ambiguous.length} operations match body element ${clark(bodyName)}${action ? ` and action ${action}` : ''}: ${sel.ambiguous.map((c) => `${c.version}/${c.service}/${c.operation}`).join(', ')} (give --action or one contract file)` };
    }
    return checked(file, sel.contract, direction, body, config, parsed, true);
  } finally {
    if (parsed.ok) parsed.native?.dispose();
  }
}

/** The message's findings against `contract`, naming the contract when the message was routed to it (`named`). */
function checked(file: string, contract: Contract, direction: 'request' | 'response', body: Buffer, config: CheckConfig, parsed: ParseResult | undefined, named: boolean): MessageResult {
  const out = checkMessage(compileContract(contract), { direction, body }, config, parsed);
  if (!named) return { file, findings: out.findings };
  return {
    file,
    contract: { file: relative(process.cwd(), contract.file) || contract.file, service: contract.service, version: contract.version, operation: contract.operation },
    findings: out.findings,
  };
}

/** When the body element is another direction's (a request checked as a response, or back), say which option fits. */
function otherDirectionHint(contracts: Contract[], bodyName: ExpandedName, action: string | undefined, direction: 'request' | 'response'): string {
  const other = direction === 'request' ? 'response' : 'request';
  const sel = selectOperation(contracts, { bodyName, action, direction: other });
  if (sel.none !== undefined) return '';
  return ` as a ${direction}; it is the body element of a ${other}${other === 'request' ? ' (give --request)' : ' (leave out --request)'}`;
}
