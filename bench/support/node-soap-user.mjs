// bench/mock.ts's peer: node-soap serving the Services88 User WSDL's GetUser at `path`, on 127.0.0.1.
// Plain JavaScript, so that its start-up is node-soap's own (no TypeScript loader).
//   node bench/support/node-soap-user.mjs <User.wsdl> <path> <service> <port>
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import * as soap from 'soap';

const [wsdlFile, path, service, port] = process.argv.slice(2);
const wsdl = readFileSync(wsdlFile, 'utf8');
const http = createServer();
await new Promise((ok) => http.listen(0, '127.0.0.1', ok));
soap.listen(http, path, { [service]: { [port]: { GetUser: () => ({ Response: { AssociateId: 5, Name: 'ADM0' } }) } } }, wsdl);
process.stdout.write(`node-soap listening on http://127.0.0.1:${http.address().port}/\n`);
process.on('SIGTERM', () => http.close(() => process.exit(0)));
