/** `soapcheck example <contract.yaml> [--request | --response] [--var NAME=value]…`: print a contract's message. */
import { existsSync } from 'node:fs';
import { loadContracts } from '../contract/load.ts';
import { packFor } from '../contract/pack.ts';
import { Redactor } from '../secrets/redact.ts';
import { boundValues } from '../run/bindings.ts';
import { secretLocalNames } from '../run/exchange.ts';
import { contractExampleValues } from '../run/values.ts';
import { parseVarOptions, Variables, VariableError } from '../run/variables.ts';
import { shown } from '../run/suite.ts';
import { buildMessage } from '../soap/build.ts';
import { EXIT, parseCommandArgs, UsageError, type Command } from './command.ts';

export const command: Command = {
  help: `Usage: soapcheck example <contract.yaml> [--request | --response] [--var NAME=VALUE]…

Print the SOAP message of one contract: the request the runner sends (default), or the response the
mock answers (--response). Request values are those of a run: the contract's examples (else valid
generated values), its pack's bindings (e.g. SO_TICKET in Credentials/Ticket for the SuperOffice
pack) and \${NAME} in its examples, with variables from --var, else the environment. An unset bound
variable shows as its mock stand-in (mock-NAME). Secret values (secret variables, fields marked
secret) are printed as ***. soapcheck verify accepts what this prints:
  soapcheck example c.yaml > req.xml && soapcheck verify c.yaml req.xml --request

Options:
  --request            the request (default)
  --response           the response the mock answers from the contract's examples
  --var NAME=VALUE     value of \${NAME}; repeatable (wins over the environment)
  -h, --help           this text

Exit codes: 0 printed, 2 usage or input error (no such file, contract problems, not one contract).`,

  async run(argv) {
    const { values: o, positionals } = parseCommandArgs(argv, {
      request: { type: 'boolean' },
      response: { type: 'boolean' },
      var: { type: 'string', multiple: true },
    });
    if (o.request && o.response) throw new UsageError('--request and --response exclude each other');
    if (positionals.length !== 1) throw new UsageError('expected one contract file');
    const file = positionals[0]!;
    if (!existsSync(file)) throw new UsageError(`${file}: no such file`);
    let cli: Record<string, string>;
    try {
      cli = parseVarOptions(o.var ?? []);
    } catch (e) {
      if (e instanceof VariableError) throw new UsageError(e.message);
      throw e;
    }
    const loaded = await loadContracts([file]);
    if (loaded.problems.length) {
      for (const p of loaded.problems) process.stderr.write(`${shown(p.file)}${p.line ? `:${p.line}` : ''}  ${p.code}  ${p.message}\n`);
      return EXIT.USAGE;
    }
    if (loaded.contracts.length !== 1) throw new UsageError(`${file}: expected exactly one contract, found ${loaded.contracts.length}`);
    const c = loaded.contracts[0]!;
    const { pack, problems } = packFor(c.file);
    if (problems.length) {
      for (const p of problems) process.stderr.write(`${shown(p.file)}${p.line ? `:${p.line}` : ''}  ${p.code}  ${p.message}\n`);
      return EXIT.USAGE;
    }
    const redactor = new Redactor();
    for (const n of secretLocalNames(c)) redactor.addSecretName(n);
    const decls = Object.fromEntries(Object.entries(pack?.variables ?? {}).map(([k, v]) => [k, { secret: v.secret }]));
    const vars = new Variables(cli, process.env, decls, redactor);
    let message: string;
    if (o.response) message = buildMessage(c, 'response');
    else {
      const values = { ...boundValues(c, pack, vars, true, shown), ...contractExampleValues(c, vars, true) };
      message = buildMessage(c, 'request', { values });
    }
    process.stdout.write(redactor.redactXml(message));
    return EXIT.OK;
  },
};
