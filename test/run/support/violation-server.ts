/**
 * A test endpoint on 127.0.0.1 for the made-up Inventory service (test/fixtures/run/inventory/)
 * that answers each operation with a deliberate contract violation, chosen by SOAPAction.
 * Records the tickets it received. Close it with `close()` (also ends hanging requests).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

const NS = 'urn:example:inventory:v1';
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';

function envelope(op: string, item: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="${SOAP11}" xmlns:inv="${NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <soap:Body>
    <inv:${op}Response>
${item}
    </inv:${op}Response>
  </soap:Body>
</soap:Envelope>
`;
}

function item(parts: { id?: string; name?: string | null; idType?: string; itemNs?: string }): string {
  const p = parts.itemNs ? `x` : 'inv';
  const decl = parts.itemNs ? ` xmlns:x="${parts.itemNs}"` : '';
  const name = parts.name === null ? '' : `\n        <${p}:Name xsi:type="xsd:string">${parts.name ?? 'bolt'}</${p}:Name>`;
  return `      <${p}:Item${decl} xsi:type="inv:Item">
        <${p}:Id xsi:type="${parts.idType ?? 'xsd:int'}">${parts.id ?? '7'}</${p}:Id>${name}
        <${p}:InStock xsi:type="xsd:boolean">true</${p}:InStock>
      </${p}:Item>`;
}

/** Rule ids each operation's answer must produce (the contract case fails with them). */
export const EXPECTED_RULES: Record<string, string[]> = {
  WrongNamespace: ['namespace/mismatch'],
  MissingField: ['field/missing'],
  BadXsiType: ['xsi-type/mismatch'],
  BadValue: ['value/lexical'],
  Html500: ['envelope/not-xml'],
};

/** Operations whose answer cannot be checked at all (the case is an error, not a failure). */
export const EXPECTED_ERRORS: Record<string, RegExp> = {
  Hang: /timed out/,
  Reset: /reset|closed/,
};

export interface ViolationServer {
  url: string;
  tickets: string[];
  /** Operation → the operation whose behaviour it gets instead (the response keeps its own element names); change it between runs. */
  behaviour: Record<string, string>;
  close(): Promise<void>;
}

export async function startViolationServer(): Promise<ViolationServer> {
  const tickets: string[] = [];
  const behaviour: Record<string, string> = {};
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size < 1_000_000) chunks.push(c);
    });
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8')));
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  function answer(req: IncomingMessage, res: ServerResponse, body: string): void {
    const ticket = /<[\w]+:Ticket[^>]*>([^<]*)</.exec(body)?.[1];
    if (ticket !== undefined) tickets.push(ticket);
    const op = String(req.headers['soapaction'] ?? '').replace(/"/g, '').split('/').pop() ?? '';
    const xml = (status: number, text: string) => {
      res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
      res.end(text);
    };
    switch (behaviour[op] ?? op) {
      case 'GetItem':
        return xml(200, envelope(op, item({})));
      case 'WrongNamespace':
        return xml(200, envelope(op, item({ itemNs: 'urn:example:inventory:v2' })));
      case 'MissingField':
        return xml(200, envelope(op, item({ name: null })));
      case 'BadXsiType':
        return xml(200, envelope(op, item({ idType: 'xsd:string' })));
      case 'BadValue':
        return xml(200, envelope(op, item({ id: 'seven' })));
      case 'Html500':
        res.writeHead(500, { 'content-type': 'text/html' });
        return void res.end('<!DOCTYPE html><html><body><h1>Internal Server Error</h1></body></html>');
      case 'Hang':
        return; // never answers; close() ends it
      case 'Reset':
        return void req.socket.destroy();
      case 'Reflect':
        // Reflects the ticket it got into a field that is not secret: the run must still redact it.
        return xml(200, envelope(op, item({ name: ticket ?? '' })));
      default:
        res.writeHead(404, { 'content-type': 'text/plain' });
        return void res.end(`unknown operation ${op}`);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  if (!addr || typeof addr === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${addr.port}/`,
    tickets,
    behaviour,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
