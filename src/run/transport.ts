/**
 * The HTTP transport the runner calls: one undici Agent (keep-alive pools per origin), a
 * per-request timeout covering headers and body, TLS verification on (custom CA and client
 * certificate optional, `insecure` only when asked), and a cap on response bodies.
 *
 * Every failure is a TransportError with a kind and a clear message; nothing else escapes.
 * The runner takes a `Transport`, so tests can hand it another one.
 */
import type { Readable } from 'node:stream';
import { Agent, request as undiciRequest } from 'undici';

export interface TransportOptions {
  /** Whole-request timeout (connect, headers and body), ms. Default 30,000. */
  timeoutMs?: number;
  /** Largest response body read, bytes. Default 16 MiB. */
  maxResponseBytes?: number;
  /** Connections per origin. Default 16. */
  connections?: number;
  /** PEM of extra CA certificates to trust. */
  ca?: string | Buffer;
  /** PEM client certificate and key (mutual TLS). */
  cert?: string | Buffer;
  key?: string | Buffer;
  /** Skip TLS certificate verification. Off unless asked; a warning is written when on. */
  insecure?: boolean;
  /** Where warnings go (default: stderr). */
  warn?: (line: string) => void;
}

export interface HttpRequest {
  url: string;
  method?: 'POST' | 'GET';
  headers: Record<string, string>;
  body?: string;
  /** Aborts the request (the run was interrupted): it fails with kind `cancelled`. */
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  /** Header names lower-case; repeated headers joined with ', '. */
  headers: Record<string, string>;
  /** The body as text, for reports and scenario XPaths (UTF-8, or UTF-16 by its byte order mark). */
  body: string;
  /**
   * The body as received. The checks parse these bytes, as `mock` and `verify` do, so the XML declaration's
   * encoding is honoured and invalid UTF-8 is found: the same bytes get the same verdict everywhere.
   */
  bytes?: Uint8Array;
  durationMs: number;
}

export type TransportErrorKind = 'refused' | 'reset' | 'timeout' | 'tls' | 'dns' | 'too-large' | 'bad-url' | 'cancelled' | 'other';

export class TransportError extends Error {
  constructor(readonly kind: TransportErrorKind, message: string, readonly url: string, readonly durationMs = 0) {
    super(message);
    this.name = 'TransportError';
  }
}

export interface Transport {
  /** Sends one request. Rejects only with TransportError. */
  send(req: HttpRequest): Promise<HttpResponse>;
  close(): Promise<void>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;

export function createTransport(opts: TransportOptions = {}): Transport {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (!(timeoutMs > 0)) throw new RangeError(`timeout must be a positive number of ms, got ${timeoutMs}`);
  if (!(maxBytes > 0)) throw new RangeError(`maxResponseBytes must be positive, got ${maxBytes}`);
  if (opts.insecure) {
    (opts.warn ?? ((l: string) => process.stderr.write(l + '\n')))(
      'soapcheck: WARNING: TLS certificate verification is OFF (--insecure); the endpoint\'s identity is not checked',
    );
  }
  if ((opts.cert && !opts.key) || (opts.key && !opts.cert)) throw new RangeError('a client certificate needs both cert and key');
  const agent = new Agent({
    connections: opts.connections ?? 16,
    keepAliveTimeout: 10_000,
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
    connect: {
      timeout: Math.min(timeoutMs, 10_000),
      rejectUnauthorized: !opts.insecure,
      ...(opts.ca ? { ca: opts.ca } : {}),
      ...(opts.cert ? { cert: opts.cert, key: opts.key } : {}),
    },
  });

  async function send(req: HttpRequest): Promise<HttpResponse> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    let url: URL;
    try {
      url = new URL(req.url);
    } catch {
      throw new TransportError('bad-url', `not a valid URL: ${req.url}`, req.url);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TransportError('bad-url', `unsupported URL scheme ${url.protocol} (use http: or https:)`, req.url);
    }
    // One timer for the whole request (connect, headers and body), and the caller's signal followed by the same
    // controller. AbortSignal.timeout (+ AbortSignal.any for the caller's signal) cost 10–50 µs a request in the
    // replay bench, growing as a run went on: each one lives, with its timer, until the timeout has passed.
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs);
    const cancel = req.signal;
    const unfollow = cancel ? follow(cancel, controller) : undefined;
    try {
      const res = await undiciRequest(url, {
        method: req.method ?? 'POST',
        headers: req.headers,
        body: req.body,
        dispatcher: agent,
        signal: controller.signal,
      });
      const bytes = await readBody(res.body, maxBytes, req.url, elapsed);
      const headers: Record<string, string> = {};
      for (const k in res.headers) {
        const v = res.headers[k];
        if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      }
      return { status: res.statusCode, headers, body: textOf(bytes), bytes, durationMs: elapsed() };
    } catch (e) {
      if (e instanceof TransportError) throw e;
      if (cancel?.aborted) throw new TransportError('cancelled', 'cancelled before a complete answer came (the run was interrupted)', req.url, elapsed());
      throw classify(e, req.url, timeoutMs, elapsed());
    } finally {
      clearTimeout(timer);
      unfollow?.();
    }
  }

  return {
    send,
    close: async () => {
      await agent.close().catch(() => agent.destroy());
    },
  };
}

/** Requests in flight per caller's signal: one 'abort' listener per signal however many requests share it. */
const following = new WeakMap<AbortSignal, Set<AbortController>>();

/** Aborts `controller` when `signal` aborts (at once if it has); returns what stops following. */
function follow(signal: AbortSignal, controller: AbortController): () => void {
  if (signal.aborted) {
    controller.abort(signal.reason);
    return () => {};
  }
  let set = following.get(signal);
  if (!set) {
    const controllers = (set = new Set());
    following.set(signal, controllers);
    signal.addEventListener('abort', () => {
      for (const c of controllers) c.abort(signal.reason);
      controllers.clear();
    }, { once: true });
  }
  set.add(controller);
  return () => set.delete(controller);
}

/** Bytes as text for people: UTF-16 by its byte order mark, else UTF-8 (invalid sequences shown as U+FFFD). */
function textOf(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le', 2);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return bytes.toString('utf8');
}

/**
 * The whole body as bytes, read with 'data' events (an async iterator costs a promise per chunk); over
 * `maxBytes` the stream is destroyed and the read fails with a TransportError of kind `too-large`.
 */
function readBody(body: Readable, maxBytes: number, url: string, elapsed: () => number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    body.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        body.destroy();
        reject(new TransportError('too-large', `response body is larger than ${maxBytes} bytes; stopped reading`, url, elapsed()));
        return;
      }
      chunks.push(chunk);
    });
    let ended = false;
    body.on('end', () => {
      ended = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    });
    body.on('error', reject);
    // Closed without 'end' or 'error' (no stack trace made for the usual close after 'end': that cost ~40 µs a request).
    body.on('close', () => {
      if (!ended && !body.errored) reject(Object.assign(new Error('Premature close'), { code: 'ERR_STREAM_PREMATURE_CLOSE' }));
    });
  });
}

const TLS_CODES = /^(CERT_|ERR_TLS_|ERR_SSL_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(VERIFY|GET)_|HOSTNAME_MISMATCH|ERR_OSSL_)/;

/** Turns whatever undici or the socket threw into a TransportError that says what happened, in words. */
export function classify(e: unknown, url: string, timeoutMs: number, durationMs: number): TransportError {
  const chain: Array<{ code?: string; name?: string; message?: string }> = [];
  let cur: unknown = e;
  for (let i = 0; i < 5 && cur && typeof cur === 'object'; i++) {
    chain.push(cur as { code?: string; name?: string; message?: string });
    cur = (cur as { cause?: unknown }).cause;
  }
  const codes = chain.map((c) => c.code ?? '').filter(Boolean);
  const names = chain.map((c) => c.name ?? '');
  const detail = chain.map((c) => c.code ?? c.message).filter(Boolean)[0] ?? String(e);
  const host = safeHost(url);
  const has = (re: RegExp) => codes.some((c) => re.test(c));
  if (names.includes('TimeoutError') || names.includes('AbortError') || has(/^UND_ERR_(HEADERS|BODY|CONNECT)_TIMEOUT$/) || has(/^ETIMEDOUT$/)) {
    return new TransportError('timeout', `no complete answer from ${host} within ${timeoutMs} ms (timed out)`, url, durationMs);
  }
  if (has(/^ECONNREFUSED$/)) return new TransportError('refused', `connection refused by ${host} (is the endpoint running?)`, url, durationMs);
  if (has(/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL)$/)) return new TransportError('dns', `cannot resolve host name ${host} (${detail})`, url, durationMs);
  if (has(TLS_CODES)) {
    const msg = chain.find((c) => c.code && TLS_CODES.test(c.code))?.message ?? detail;
    return new TransportError('tls', `TLS handshake with ${host} failed: ${msg} (give --ca for a private CA)`, url, durationMs);
  }
  if (has(/^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/)) {
    return new TransportError('reset', `connection to ${host} was reset or closed before a complete answer`, url, durationMs);
  }
  return new TransportError('other', `request to ${host} failed: ${detail}`, url, durationMs);
}

function safeHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
