/**
 * The mock SOAP endpoint: serves contracts over HTTP (node:http), checks every request with the
 * same rules as the runner, and answers with the contract's response — or with a SOAP Fault
 * whose detail lists the findings, so a client team sees exactly what it got wrong.
 *
 * Routing: endpoint path (suffix match, so a base path in front works), then SOAP action, then
 * the body element's QName. POST only for SOAP; GET/HEAD on a served path (or on `/`) gives a
 * short text listing of the operations; other methods 405; unknown paths 404; bodies over
 * `maxBodyBytes` 413; malformed XML a Sender fault. A refusal that comes before the body is read
 * reads the rest first, within bounds (./drain.ts), so the answer is not lost to a reset. Slow
 * clients are cut off by header and request timeouts; a client that resets mid-body affects only itself.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { CheckConfig, Finding } from '../checks/api.ts';
import { checkMessage, compileContract } from '../checks/index.ts';
import { bodyElement } from '../checks/body-name.ts';
import type { Contract, SoapVersion } from '../contract/model.ts';
import { selectOperation } from '../contract/select.ts';
import { buildFault, faultHttpStatus, type FaultCode } from '../soap/fault.ts';
import { contentTypeFor, versionOfEnvelopeNs } from '../soap/versions.ts';
import { parseXml, type XDocument } from '../xml/index.ts';
import { checkEchoRules, EchoState, type EchoRule } from './echo.ts';
import { credentialMismatch, type ExpectedCredentials } from './credentials.ts';
import { operationId } from './operations.ts';
import { checkResponses, Responder, type MockResponse } from './responses.ts';
import { requestAction, RouteTable, versionOfContentType, type Route } from './routes.ts';
import { ByteBudget } from './byte-budget.ts';
import { answerAndLinger, drainBody, lingers, type DrainBounds } from './drain.ts';

export type { EchoRule } from './echo.ts';
export type { MockResponse } from './responses.ts';

export interface MockOptions {
  contracts: readonly Contract[];
  /** Interface to bind; default 127.0.0.1 (loopback only). */
  host?: string;
  /** Port; default 0 (an ephemeral port, see `port` of the result). */
  port?: number;
  /** Profile and rule levels the requests are checked with; default strict. */
  checkConfig?: CheckConfig;
  /** Largest request body accepted, in bytes; default 4 MiB. Larger ones get 413. */
  maxBodyBytes?: number;
  /** Most bytes of request bodies held at once over all connections; default 64 MiB. Past it: 503 with Retry-After. */
  maxHeldBytes?: number;
  /** Most bytes of echo state (remembered keys and values, UTF-16) over all rules; default 64 MiB. Past it the least recently saved are forgotten. */
  maxEchoBytes?: number;
  /** Response overrides per operation. */
  responses?: readonly MockResponse[];
  /** State: values of one operation's requests echoed into another's responses. */
  echo?: readonly EchoRule[];
  /** Time allowed to receive a request's headers, ms; default 10,000. */
  headersTimeoutMs?: number;
  /** Time allowed to receive a whole request, ms; default 30,000. */
  requestTimeoutMs?: number;
  /**
   * How long an idle keep-alive connection is kept, ms; default 5,000. The run's embedded mock keeps
   * them longer than its one client does, so that a process that stalls for seconds (a run of
   * thousands of contracts) never finds the mock closing the connection it is sending on.
   */
  keepAliveTimeoutMs?: number;
  /**
   * Authentication: per operation, the values the request fields bound by its contract pack must carry
   * (e.g. `{ 'Credentials.Ticket': … }`); a request with another value gets a Sender fault. Absent or
   * empty: not checked.
   */
  credentials?: (c: Contract) => ExpectedCredentials | undefined;
  /** Called once per request, after the answer is sent. Holds no bodies, queries or header values. */
  onRequest?: (entry: MockLogEntry) => void;
}

export interface MockLogEntry {
  method: string;
  /** Request path without the query string. */
  path: string;
  status: number;
  /** `Version/Service/Operation`, when the request was routed to one. */
  operation?: string;
  /** Findings the check produced (errors and warnings). */
  findings: number;
  /** Short reason for a refusal or fault (no message content). */
  note?: string;
  durationMs: number;
}

export interface ServedOperation {
  operation: string;
  /** Endpoint path the operation is served under (relative to the root). */
  endpoint: string;
  action: string;
  soapVersion: SoapVersion;
}

export interface MockServer {
  /** Base URL, ending in `/`: `http://127.0.0.1:PORT/`. */
  url: string;
  host: string;
  port: number;
  operations: ServedOperation[];
  /** Forget the echo state. */
  resetState(): void;
  /** Bytes of request bodies held now (bounded by maxHeldBytes). */
  readonly heldBytes: number;
  /** Stop accepting, let requests in flight finish (up to a second), then close every connection. */
  close(): Promise<void>;
}

/** Raised by startMock for options that cannot work; the message says what and where. */
export class MockOptionsError extends Error {}

const DEFAULTS = { host: '127.0.0.1', port: 0, maxBodyBytes: 4 * 1024 * 1024, maxHeldBytes: 64 * 1024 * 1024, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, keepAliveTimeoutMs: 5_000, drainBytes: 16 * 1024 * 1024, drainMs: 5_000 };

function validate(opts: MockOptions): void {
  const problems: string[] = [];
  if (!Array.isArray(opts.contracts) || opts.contracts.length === 0) problems.push('contracts: at least one contract is needed');
  const intOpt = (name: keyof MockOptions, min: number, max: number) => {
    const v = opts[name];
    if (v !== undefined && !(typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max)) problems.push(`${name} must be an integer from ${min} to ${max}, got ${String(v)}`);
  };
  intOpt('port', 0, 65535);
  intOpt('maxBodyBytes', 1, 2 ** 31);
  intOpt('maxHeldBytes', 1, 2 ** 40);
  intOpt('maxEchoBytes', 1, 2 ** 40);
  intOpt('headersTimeoutMs', 1, 3_600_000);
  intOpt('requestTimeoutMs', 1, 3_600_000);
  intOpt('keepAliveTimeoutMs', 1, 3_600_000);
  if (problems.length === 0) {
    problems.push(...checkResponses(opts.responses ?? [], opts.contracts), ...checkEchoRules(opts.echo ?? [], opts.contracts));
  }
  if (problems.length) throw new MockOptionsError(`mock options: ${problems.join('; ')}`);
}

/** Start the mock. Resolves once it listens. */
export async function startMock(opts: MockOptions): Promise<MockServer> {
  validate(opts);
  const host = opts.host ?? DEFAULTS.host;
  const maxBodyBytes = opts.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const headersTimeout = opts.headersTimeoutMs ?? DEFAULTS.headersTimeoutMs;
  const requestTimeout = Math.max(opts.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs, headersTimeout);
  const config: CheckConfig = { maxBytes: maxBodyBytes, ...(opts.checkConfig ?? { profile: 'strict' }) };
  const table = new RouteTable(opts.contracts);
  const echo = new EchoState(opts.echo ?? [], opts.maxEchoBytes !== undefined ? { maxBytes: opts.maxEchoBytes } : {});
  const held = new ByteBudget(opts.maxHeldBytes ?? DEFAULTS.maxHeldBytes);
  // A refused body is read to its end before the answer, up to these bounds (see drain.ts). The time
  // bound ends well inside the request timeout, which counts from the request's start: else Node's
  // 408 and the refusal race for a body that never ends.
  const drain: DrainBounds = { maxBytes: Math.max(maxBodyBytes, DEFAULTS.drainBytes), maxMs: Math.min(Math.floor(requestTimeout / 2), DEFAULTS.drainMs) };
  const handler = new MockHandler(table, config, maxBodyBytes, held, drain, new Responder(opts.responses ?? [], echo), opts.onRequest, opts.credentials);

  const server: Server = createServer(
    {
      headersTimeout,
      requestTimeout,
      keepAliveTimeout: opts.keepAliveTimeoutMs ?? DEFAULTS.keepAliveTimeoutMs,
      // How often the timeouts above are enforced (Node's default is 30 s).
      connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(headersTimeout / 2))),
    },
    (req, res) => void handler.handle(req, res),
  );
  // `Expect: 100-continue`: say 413 before the body is sent when its declared size is over the limit.
  server.on('checkContinue', (req, res) => {
    const declared = Number(req.headers['content-length']);
    if (!(Number.isFinite(declared) && declared > maxBodyBytes)) res.writeContinue();
    void handler.handle(req, res);
  });
  // CONNECT (a proxy tunnel) never reaches the request handler: without this Node drops the connection unanswered.
  server.on('connect', (_req, socket: Duplex) => {
    socket.on('error', () => {});
    socket.end('HTTP/1.1 405 Method Not Allowed\r\nAllow: POST, GET, HEAD\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    // Malformed HTTP, header timeouts, resets: answer when still possible (read on, bounded, so that the answer
    // is not lost to a reset while the client still sends), never throw.
    if (!socket.destroyed && err.code !== 'ECONNRESET' && (socket.writable || lingers(socket))) {
      const status = err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : err.code === 'HPE_HEADER_OVERFLOW' ? 431 : 400;
      answerAndLinger(socket, `HTTP/1.1 ${status} ${status === 408 ? 'Request Timeout' : status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`, drain);
    } else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULTS.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}/`;
  const operations = table.routes().flatMap((r) =>
    r.contracts.map((c) => ({ operation: operationId(c), endpoint: r.endpoint, action: c.action, soapVersion: c.soapVersion })),
  );

  let closing: Promise<void> | undefined;
  return {
    url,
    host,
    port,
    operations,
    resetState: () => echo.clear(),
    get heldBytes() {
      return held.held;
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 1_000);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

type BodyRead = { ok: true; body: Buffer } | { ok: false; reason: 'too-large' | 'aborted' | 'busy' };

/**
 * Read a request body up to a limit, holding its bytes in the budget shared by all connections; past the limit or
 * the budget, stop reading and keep nothing. A body read whole stays in the budget until the caller gives it back.
 */
function readBody(req: IncomingMessage, max: number, budget: ByteBudget): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: BodyRead) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      if (!r.ok) {
        budget.give(size);
        chunks.length = 0;
      }
      resolve(r);
    };
    const onData = (chunk: Buffer) => {
      if (size + chunk.length > max) {
        req.pause();
        finish({ ok: false, reason: 'too-large' });
      } else if (!budget.take(chunk.length)) {
        req.pause();
        finish({ ok: false, reason: 'busy' });
      } else {
        size += chunk.length;
        chunks.push(chunk);
      }
    };
    req.on('data', onData);
    req.on('end', () => finish({ ok: true, body: Buffer.concat(chunks, size) }));
    req.on('error', () => finish({ ok: false, reason: 'aborted' }));
    req.on('close', () => finish({ ok: false, reason: 'aborted' }));
  });
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(', ') : v;
}

interface Outcome {
  status: number;
  contentType: string;
  body: string;
  operation?: string;
  findings: number;
  note?: string;
  close?: boolean;
  allow?: string;
  /** Seconds, for a 503. */
  retryAfter?: number;
}

class MockHandler {
  readonly #plans = new WeakMap<Contract, ReturnType<typeof compileContract>>();

  constructor(
    readonly table: RouteTable,
    readonly config: CheckConfig,
    readonly maxBodyBytes: number,
    readonly held: ByteBudget,
    readonly drain: DrainBounds,
    readonly responder: Responder,
    readonly onRequest: MockOptions['onRequest'],
    readonly credentials?: MockOptions['credentials'],
  ) {}

  #plan(c: Contract) {
    let p = this.#plans.get(c);
    if (!p) this.#plans.set(c, (p = compileContract(c)));
    return p;
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = req.method ?? 'GET';
    let path = '/';
    let outcome: Outcome;
    req.on('error', () => {}); // a reset mid-body is the client's problem, not the server's
    try {
      path = new URL(req.url ?? '/', 'http://mock.invalid').pathname;
      outcome = await this.#route(req, method, path);
    } catch (e) {
      // A bug of ours (or a contract the builder cannot handle): a Receiver fault, never a crash.
      // The error's message is not passed on: it might quote a value from the request.
      const version = versionOfContentType(headerValue(req.headers['content-type'])) ?? '1.1';
      const kind = e instanceof Error ? e.name : typeof e;
      outcome = this.#fault(version, 'receiver', `soapcheck mock could not answer this request (internal ${kind})`, [], undefined, `internal ${kind}`);
    }
    if (res.destroyed || req.socket.destroyed) return this.#log(method, path, outcome, started, 'client went away');
    const headers: Record<string, string | number> = { 'content-type': outcome.contentType, 'content-length': Buffer.byteLength(outcome.body) };
    if (outcome.close) headers['connection'] = 'close';
    if (outcome.allow) headers['allow'] = outcome.allow;
    if (outcome.retryAfter !== undefined) headers['retry-after'] = outcome.retryAfter;
    res.writeHead(outcome.status, headers);
    res.end(method === 'HEAD' ? undefined : outcome.body, () => {
      // A refused body was read (see #refuse) as far as it will be: drop the connection once answered.
      if (outcome.close) req.socket.destroySoon();
    });
    this.#log(method, path, outcome, started);
  }

  #log(method: string, path: string, o: Outcome, started: number, note?: string): void {
    this.onRequest?.({
      method,
      path,
      status: o.status,
      ...(o.operation ? { operation: o.operation } : {}),
      findings: o.findings,
      ...(note ?? o.note ? { note: note ?? o.note } : {}),
      durationMs: Math.round((performance.now() - started) * 10) / 10,
    });
  }

  /**
   * A refusal answered before the body is read: read the rest first (bounded, kept nowhere), so that the close
   * after the answer is not a reset that loses it. A body not read to its end closes the connection.
   */
  async #refuse(req: IncomingMessage, outcome: Outcome): Promise<Outcome> {
    const ended = await drainBody(req, this.drain);
    return ended ? outcome : { ...outcome, close: true };
  }

  #text(status: number, body: string, extra: Partial<Outcome> = {}): Outcome {
    return { status, contentType: 'text/plain; charset=utf-8', body: body.endsWith('\n') ? body : body + '\n', findings: 0, ...extra };
  }

  #fault(version: SoapVersion, code: FaultCode, reason: string, findings: readonly Finding[], operation?: string, note?: string): Outcome {
    return {
      status: faultHttpStatus(version, code),
      contentType: contentTypeFor(version),
      body: buildFault({ version, code, reason, findings }),
      findings: findings.length,
      ...(operation ? { operation } : {}),
      note: note ?? `${code} fault`,
    };
  }

  #listing(routes: readonly Route[]): string {
    const lines = ['soapcheck mock — POST SOAP requests to these operations:'];
    for (const r of routes) {
      lines.push('', `/${r.endpoint}`);
      for (const c of r.contracts) lines.push(`  ${operationId(c)}  SOAP ${c.soapVersion}  action ${c.action}`);
    }
    return lines.join('\n');
  }

  async #route(req: IncomingMessage, method: string, path: string): Promise<Outcome> {
    const isRead = method === 'GET' || method === 'HEAD';
    const route = this.table.match(path);
    if (!route) {
      if (isRead && path === '/') return this.#text(200, this.#listing(this.table.routes()));
      return this.#refuse(req, this.#text(404, `No SOAP endpoint is served at ${path}`, { note: 'unknown path' }));
    }
    if (isRead) return this.#text(200, this.#listing([route]));
    if (method !== 'POST') {
      return this.#refuse(req, this.#text(405, `${method} is not allowed here: send SOAP requests with POST`, { allow: 'POST, GET, HEAD', note: 'method not allowed' }));
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBodyBytes) {
      const tooLarge = this.#text(413, `Request body of ${declared} bytes is over the limit of ${this.maxBodyBytes} bytes`, { close: true, note: 'body too large' });
      // Asked to say so before sending (Expect: 100-continue, answered 413 instead of 100): no body is coming.
      return /100-continue/i.test(headerValue(req.headers['expect']) ?? '') ? tooLarge : this.#refuse(req, tooLarge);
    }
    const read = await readBody(req, this.maxBodyBytes, this.held);
    if (!read.ok) {
      if (read.reason === 'aborted') return this.#text(400, 'Request body was cut off', { close: true, note: 'client aborted' });
      if (read.reason === 'busy') {
        return this.#refuse(req, this.#text(503, `The mock holds ${this.held.max} bytes of request bodies at once and is full; retry later`, { close: true, note: 'too many bodies held', retryAfter: 1 }));
      }
      return this.#refuse(req, this.#text(413, `Request body is over the limit of ${this.maxBodyBytes} bytes`, { close: true, note: 'body too large' }));
    }
    try {
      return this.#soap(req, route, read.body);
    } finally {
      this.held.give(read.body.length);
    }
  }

  /**
   * Which operation a request on this route is for: path, then action; only when those leave a
   * choice, the body element (which needs a parse). An unparseable request cannot be routed by
   * its body; its parse-failure findings do not depend on the operation, so it is checked against
   * the action's (or the path's first) operation and reported without naming one.
   */
  #select(route: Route, action: string | undefined, body: Buffer, contentTypeVersion: SoapVersion | undefined): Selected | Outcome {
    const byAction = action !== undefined ? route.byAction.get(action) : undefined;
    if (route.contracts.length === 1) return { contract: route.contracts[0]!, certain: true };
    if (byAction?.length === 1) return { contract: byAction[0]!, certain: true };
    const r = parseXml(body, { maxBytes: this.maxBodyBytes, ...(this.config.maxDepth ? { maxDepth: this.config.maxDepth } : {}) });
    if (!r.ok) return { contract: byAction?.[0] ?? route.contracts[0]!, certain: false };
    const bodyEl = bodyElement(r.doc);
    const sel = selectOperation(route.contracts, {
      direction: 'request',
      ...(bodyEl ? { bodyName: { ns: bodyEl.ns, local: bodyEl.local } } : {}),
      ...(action !== undefined ? { action } : {}),
    });
    if (sel.contract) return { contract: sel.contract, certain: true, parsed: r.doc };
    const version = versionOfEnvelopeNs(r.doc.root.ns)?.version ?? contentTypeVersion ?? sameVersion(route.contracts) ?? '1.1';
    if (sel.ambiguous) {
      return this.#fault(version, 'sender', `The request matches several operations at /${route.endpoint}: ${sel.ambiguous.map(operationId).join(', ')}`, [], undefined, 'ambiguous operation');
    }
    const what = [bodyEl ? `body element {${bodyEl.ns}}${bodyEl.local}` : 'no body element', action !== undefined ? `action ${action}` : 'no action'].join(', ');
    return this.#fault(version, 'sender', `No operation at /${route.endpoint} matches the request (${what}): ${sel.none}`, [], undefined, 'no such operation');
  }

  #soap(req: IncomingMessage, route: Route, body: Buffer): Outcome {
    const headers: Record<string, string | undefined> = {};
    for (const [k, v] of Object.entries(req.headers)) headers[k] = headerValue(v);
    const contentTypeVersion = versionOfContentType(headers['content-type']);
    const selected = this.#select(route, requestAction(req.headers), body, contentTypeVersion);
    if (!('contract' in selected)) return selected;
    const op = selected.contract;
    const id = operationId(op);

    const outcome = checkMessage(this.#plan(op), { direction: 'request', body, http: { method: 'POST', headers } }, this.config);
    const doc = outcome.doc ?? selected.parsed;
    const findings = outcome.findings;
    const requestVersion = (doc ? versionOfEnvelopeNs(doc.root.ns)?.version : undefined) ?? contentTypeVersion ?? op.soapVersion;
    if (!doc) {
      return this.#fault(requestVersion, 'sender', 'The request is not a readable XML message (see detail)', findings, selected.certain ? id : undefined, 'malformed XML');
    }
    if (requestVersion !== op.soapVersion) {
      return this.#fault(requestVersion, 'version-mismatch', `${id} speaks SOAP ${op.soapVersion}; the request is SOAP ${requestVersion}`, findings, id);
    }
    const errors = findings.filter((f) => f.severity === 'error').length;
    if (errors > 0) {
      return this.#fault(op.soapVersion, 'sender', `The request breaks the contract of ${id}: ${errors} error${errors === 1 ? '' : 's'} (see detail)`, findings, id);
    }
    const expected = this.credentials?.(op);
    const wrong = expected ? credentialMismatch(doc, expected) : undefined;
    if (wrong !== undefined) {
      return this.#fault(op.soapVersion, 'sender', `Authentication failed for ${id}: ${wrong} is not valid`, [], id, 'authentication failed');
    }
    // Accepted: remember what the echo rules ask for, then answer.
    this.responder.remember(op, doc);
    return { ...this.responder.answer(op, doc), operation: id, findings: findings.length };
  }
}

interface Selected {
  contract: Contract;
  /** False when the request could not be parsed and the contract is only a stand-in. */
  certain: boolean;
  parsed?: XDocument;
}

function sameVersion(contracts: readonly Contract[]): SoapVersion | undefined {
  const v = contracts[0]?.soapVersion;
  return v && contracts.every((c) => c.soapVersion === v) ? v : undefined;
}
