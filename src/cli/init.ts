/** `soapcheck init [folder]`: scaffold a project that `soapcheck run` passes on the embedded mock at once. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { EXIT, parseCommandArgs, UsageError, type Command } from './command.ts';

/** The files of a new project, by path relative to its folder. Written for soapcheck (no vendor text). */
const FILES: Record<string, string> = {
  'contracts/example/V1/Greeter/SayHello.yaml': `# One operation of a SOAP service: the request and response shapes soapcheck replays and checks.
# Replace it with your own contracts (soapcheck import docs …) and delete this folder. Format: docs/contract-format.md.
soapcheck: 1
kind: operation
service: Greeter
version: V1
operation: SayHello
description: Says hello to a name (an example contract made by soapcheck init).
endpoint: services/Greeter.svc
soap:
  version: "1.1"
  action: urn:example:greeter/SayHello
namespaces:
  g: urn:example:greeter
  xsd: http://www.w3.org/2001/XMLSchema
request:
  headers:
    - name: g:ApiKey
      secret: true
  body:
    name: g:SayHello
    fields:
      - name: g:Name
        type: xsd:string
        example: World
response:
  body:
    name: g:SayHelloResponse
    fields:
      - name: g:Greeting
        type: xsd:string
        example: Hello, World
`,
  'contracts/example/pack.yaml': `# What every contract of this folder needs at run time: the ApiKey header block from EXAMPLE_API_KEY.
soapcheck: 1
kind: pack
name: example
variables:
  EXAMPLE_API_KEY:
    secret: true
    description: The API key of your installation (unset on the embedded mock).
bindings:
  ApiKey: \${EXAMPLE_API_KEY}
`,
  'suites/example.suite.yaml': `# Replays every contract and runs one negative case. Without SOAP_ENDPOINT, against the embedded mock:
#   npx soapcheck run
# Against your installation:
#   SOAP_ENDPOINT=https://host/ EXAMPLE_API_KEY=… npx soapcheck run --strict-vars
soapcheck: 1
kind: suite
name: example
contracts:
  - ../contracts/**/*.yaml
endpoint: \${SOAP_ENDPOINT}
variables:
  SOAP_ENDPOINT:
    description: Base URL of the installation (unset → the embedded mock).
scenarios:
  - name: a wrong API key is refused
    steps:
      - call: Greeter/SayHello
        values:
          ApiKey: not-a-valid-key
        expect:
          fault: true
`,
  'soapcheck.config.yaml': `# Settings every soapcheck command reads (command line > suite > this file > defaults). See docs/rules.md.
profile: strict
rules: {}
`,
  'ci/soapcheck.github-actions.yml': `# A CI gate (GitHub Actions): copy to .github/workflows/soapcheck.yml and set the variable and secret.
name: soapcheck
on: [push, pull_request]
jobs:
  conformance:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: npm install --no-save soapcheck
      - run: npx soapcheck run --strict-vars --out reports
        env:
          SOAP_ENDPOINT: \${{ vars.SOAP_ENDPOINT }}
          EXAMPLE_API_KEY: \${{ secrets.EXAMPLE_API_KEY }}
      - uses: actions/upload-artifact@v4
        if: always()
        with: { name: soapcheck-reports, path: reports/ }
`,
};

export const command: Command = {
  help: `Usage: soapcheck init [folder]

Scaffold a soapcheck project in folder (default: the current folder): an example contract with a
pack that binds its API key (contracts/example/), a suite with a negative case
(suites/example.suite.yaml), a configuration file (soapcheck.config.yaml) and a CI snippet
(ci/soapcheck.github-actions.yml). \`soapcheck run\` there passes at once, on the embedded mock.
Existing files are never overwritten: if any would be, nothing is written (exit 2).

Options:
  -h, --help   this text

Exit codes: 0 written, 2 usage error (a file exists already, the folder cannot be written).`,

  async run(argv) {
    const { positionals } = parseCommandArgs(argv, {});
    if (positionals.length > 1) throw new UsageError('expected at most one folder');
    const folder = resolve(positionals[0] ?? '.');
    const paths = Object.keys(FILES).map((p) => join(folder, p));
    const existing = paths.filter((p) => existsSync(p));
    if (existing.length) throw new UsageError(`would overwrite ${existing.map((p) => relative(process.cwd(), p) || p).join(', ')}; nothing written`);
    try {
      for (const [path, text] of Object.entries(FILES)) {
        const file = join(folder, path);
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, text, { flag: 'wx' });
      }
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new UsageError(`cannot write ${err.path ?? folder}: ${err.code ?? String(e)}`);
    }
    const shownFolder = relative(process.cwd(), folder) || '.';
    process.stdout.write(
      [...Object.keys(FILES).map((p) => `  created ${join(shownFolder, p)}`), '', `Next: cd ${shownFolder} && npx soapcheck run   (the embedded mock; see docs/testing-a-live-endpoint.md for a real endpoint)`].join('\n') + '\n',
    );
    return EXIT.OK;
  },
};
