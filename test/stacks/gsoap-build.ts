/**
 * Builds a gSOAP (Debian's gsoap + libgsoap-dev) client and server from a WSDL, for the
 * real-stack tests: `wsdl2h`, then `soapcpp2 -1` (SOAP 1.1, what the SuperOffice bindings say),
 * then g++. The C++ around the generated code is written here from the generated declarations:
 *
 * - server `<port>` (0: ephemeral) `[echo-headers]`: answers every operation with its default
 *   (empty) response, or with `answers` for the operations given; prints `listening <port>`.
 *   gSOAP sends the request's header blocks back in the response unless the service clears
 *   them; `echo-headers` keeps that default.
 * - client `<endpoint>`: calls every operation once with an empty request, parsing each answer
 *   with SOAP_XML_STRICT (gSOAP's validating mode); prints `ok <n> bad <n>` and each failure.
 *
 * Builds are kept in node_modules/.cache/soapcheck-gsoap/<hash of WSDL and this file>: compiling
 * the generated code of the Services88 User WSDL (2.7 MB of C++) takes a minute or more.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/corpus.ts';

export interface GsoapBuild {
  server: string;
  client: string;
  /** Operation names of the binding, as gSOAP generated them. */
  operations: string[];
}

/** Why gSOAP cannot be built here, or undefined when it can. */
export function gsoapMissing(): string | undefined {
  for (const tool of ['wsdl2h', 'soapcpp2', 'g++']) if (spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0) return `${tool} not found (Debian: gsoap, g++)`;
  if (!existsSync('/usr/include/stdsoap2.h')) return 'stdsoap2.h not found (Debian: libgsoap-dev)';
  return undefined;
}

/** C++ for `name` returning its answer: statements filling `r` (the response) and `soap`. */
export type Answers = Record<string, string>;

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', timeout: 900_000, maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.signal}): ${(r.stderr || r.stdout).slice(-3000)}`);
}

export function buildGsoap(wsdl: string, answers: Answers = {}): GsoapBuild {
  const key = createHash('sha256').update(wsdl).update(readFileSync(new URL(import.meta.url))).update(JSON.stringify(answers)).digest('hex').slice(0, 16);
  const dir = join(REPO_ROOT, 'node_modules', '.cache', 'soapcheck-gsoap', key);
  const done = join(dir, 'operations.json');
  if (existsSync(done)) return { server: join(dir, 'server'), client: join(dir, 'client'), operations: JSON.parse(readFileSync(done, 'utf8')) as string[] };
  const work = `${dir}.tmp-${process.pid}`;
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  try {
    writeFileSync(join(work, 'service.wsdl'), wsdl);
    run('wsdl2h', ['-o', 'service.h', 'service.wsdl'], work);
    run('soapcpp2', ['-1', '-L', '-x', '-I/usr/share/gsoap/import', 'service.h'], work);
    const stub = readFileSync(join(work, 'soapStub.h'), 'utf8');
    const ops = [...stub.matchAll(/SOAP_FMAC5 int SOAP_FMAC6 soap_call___(\w+?)__(\w+)\(struct soap \*soap, const char \*soap_endpoint, const char \*soap_action, (\w+) \*\w+, (\w+) &\w+\);/g)].map((m) => ({ prefix: m[1]!, op: m[2]!, req: m[3]!, resp: m[4]! }));
    if (ops.length === 0) throw new Error('gSOAP generated no operations');
    const nsmap = readdirSync(work).find((f) => f.endsWith('.nsmap'));
    if (!nsmap) throw new Error('gSOAP generated no namespace map');
    const head = ['#include "soapH.h"', `#include "${nsmap}"`, '#include <cstdio>', '#include <cstdlib>', '#include <cstring>'];
    const server = [
      ...head,
      'static bool echo_headers = false;',
      ...ops.map(({ prefix, op, req, resp }) => `SOAP_FMAC5 int SOAP_FMAC6 __${prefix}__${op}(struct soap *soap, ${req} *, ${resp} &r) { if (!echo_headers) soap->header = NULL; ${answers[op] ?? ''} (void)r; return SOAP_OK; }`),
      `int main(int argc, char **argv) {
  struct soap *soap = soap_new1(SOAP_XML_STRICT);
  echo_headers = argc > 2 && !strcmp(argv[2], "echo-headers");
  soap->bind_flags = SO_REUSEADDR;
  if (!soap_valid_socket(soap_bind(soap, "127.0.0.1", atoi(argv[1]), 16))) { soap_print_fault(soap, stderr); return 1; }
  struct sockaddr_in a; socklen_t n = sizeof a; getsockname(soap->master, (struct sockaddr *)&a, &n);
  printf("listening %d\\n", ntohs(a.sin_port)); fflush(stdout);
  for (;;) { if (!soap_valid_socket(soap_accept(soap))) break; soap_serve(soap); soap_destroy(soap); soap_end(soap); }
  return 0;
}`,
    ];
    const client = [
      ...head,
      'int main(int argc, char **argv) {',
      '  const char *ep = argv[1]; int bad = 0, ok = 0;',
      ...ops.map(
        ({ prefix, op, req, resp }) => `  { struct soap *soap = soap_new1(SOAP_XML_STRICT); ${req} q; ${resp} r;
    if (soap_call___${prefix}__${op}(soap, ep, NULL, &q, r) == SOAP_OK) ok++; else { bad++; fprintf(stdout, "failed ${op}: "); soap_print_fault(soap, stdout); }
    soap_destroy(soap); soap_end(soap); soap_free(soap); }`,
      ),
      '  printf("ok %d bad %d\\n", ok, bad); return bad ? 1 : 0; }',
    ];
    writeFileSync(join(work, 'server.cpp'), server.join('\n') + '\n');
    writeFileSync(join(work, 'client.cpp'), client.join('\n') + '\n');
    for (const f of ['soapC', 'soapServer', 'soapClient', 'server', 'client']) run('g++', ['-O0', '-w', '-c', `${f}.cpp`, '-o', `${f}.o`], work);
    run('g++', ['-o', 'server', 'server.o', 'soapC.o', 'soapServer.o', '-lgsoap++'], work);
    run('g++', ['-o', 'client', 'client.o', 'soapC.o', 'soapClient.o', '-lgsoap++'], work);
    writeFileSync(join(work, 'operations.json'), JSON.stringify(ops.map((o) => o.op)));
    rmSync(dir, { recursive: true, force: true });
    renameSync(work, dir);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return buildGsoap(wsdl, answers);
}
