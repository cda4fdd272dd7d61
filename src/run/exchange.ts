/**
 * One exchange with the endpoint: build the request (values > contract examples), send it with
 * the content type and action of the contract's SOAP version, check the answer, and keep a
 * redacted record of both messages. Transport failures come back as an error string, never thrown.
 */
import type { Contract, Field } from '../contract/model.ts';
import type { CheckConfig, Finding } from '../checks/api.ts';
import { compileContract, checkMessage } from '../checks/index.ts';
import { buildMessage } from '../soap/build.ts';
import { wsSecurityHeader, type WsSecurity } from '../soap/wssecurity.ts';
import { contentTypeFor } from '../soap/versions.ts';
import type { Redactor } from '../secrets/redact.ts';
import type { CaseStatus, ExchangeRecord } from './result.ts';
import { TransportError, type HttpResponse, type Transport } from './transport.ts';
import type { ValueMap } from './suite.ts';
import { endpointUrl } from './values.ts';

export interface RunContext {
  /** Base URL every contract endpoint is resolved against. */
  endpoint: string;
  transport: Transport;
  config: CheckConfig;
  redactor: Redactor;
  /** Suite name, for ids. */
  suite?: string;
  /** Aborts requests in flight (the run was interrupted). */
  signal?: AbortSignal;
  /** Extra HTTP headers of every request (win over the SOAP ones by name). */
  headers?: Readonly<Record<string, string>>;
  /** A WS-Security header block in every request (a fresh nonce and time each). */
  wsSecurity?: WsSecurity;
}

// --- secrets of a contract ----------------------------------------------------------------

const secretNameCache = new WeakMap<Contract, string[]>();

/** Local names of every field marked `secret: true` in the contract (request, response, named types). */
export function secretLocalNames(c: Contract): string[] {
  const cached = secretNameCache.get(c);
  if (cached) return cached;
  const names = new Set<string>();
  const visit = (fields: readonly Field[] | undefined) => {
    for (const f of fields ?? []) {
      if (f.secret) names.add(f.name.local);
      visit(f.fields);
    }
  };
  for (const m of [c.request, c.response]) {
    visit(m.headers);
    visit([m.body]);
  }
  for (const t of c.types.values()) if (t.kind === 'complex') visit(t.fields);
  const out = [...names];
  secretNameCache.set(c, out);
  return out;
}

const namesRegistered = new WeakMap<Redactor, WeakSet<Contract>>();

/**
 * Register the contract's secret field names with the redactor (once per contract), so that their
 * content is masked in every message, and every value given for such a field as a secret value.
 */
function registerSecrets(c: Contract, values: ValueMap, redactor: Redactor): void {
  let done = namesRegistered.get(redactor);
  if (!done) namesRegistered.set(redactor, (done = new WeakSet()));
  if (!done.has(c)) {
    for (const n of secretLocalNames(c)) redactor.addSecretName(n);
    done.add(c);
  }
  for (const [path, v] of Object.entries(values)) {
    if (redactor.isSecretName(path.slice(path.lastIndexOf('.') + 1))) redactor.addSecret(v);
  }
}

const lastBuilt = new WeakMap<Contract, { key: string; body: string }>();

/** The request body; the last one built per contract is reused when the values are the same (building is deterministic). */
function requestBody(c: Contract, values: ValueMap): string {
  const key = JSON.stringify(values);
  const hit = lastBuilt.get(c);
  if (hit && hit.key === key) return hit.body;
  const body = buildMessage(c, 'request', { values });
  lastBuilt.set(c, { key, body });
  return body;
}

// --- one exchange --------------------------------------------------------------------------

export interface Sent {
  /** Raw (unredacted) response, when one came. */
  response?: HttpResponse;
  /** Redacted record for reports. */
  exchange: ExchangeRecord;
  error?: string;
}

const headersOf = new WeakMap<Contract, Readonly<Record<string, string>>>();

/** The request headers of a contract: the same for every case, made once (frozen: shared by every request). */
function requestHeaders(c: Contract): Record<string, string> {
  let h = headersOf.get(c);
  if (!h) {
    const made: Record<string, string> = { 'content-type': contentTypeFor(c.soapVersion, c.action), accept: c.soapVersion === '1.1' ? 'text/xml' : 'application/soap+xml' };
    if (c.soapVersion === '1.1') made['soapaction'] = `"${c.action}"`;
    headersOf.set(c, (h = Object.freeze(made)));
  }
  return h as Record<string, string>;
}

/** The SOAP headers with the extra ones (--header, http.headers, Basic) over them, names compared case-insensitively. */
function withExtraHeaders(soap: Record<string, string>, extra: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...soap };
  for (const [name, value] of Object.entries(extra)) {
    const lower = name.toLowerCase();
    if (lower in out) delete out[lower];
    out[name] = value;
  }
  return out;
}

type RequestRecord = ExchangeRecord['request'];
const lastRecord = new WeakMap<Contract, { url: string; headers: Record<string, string>; body: string; redactor: Redactor; version: number; record: RequestRecord }>();

/**
 * The redacted record of a request. Most cases of a contract send the same URL and body, so the last record
 * made per contract is reused while the redactor has learnt no new secret since (its version is unchanged):
 * redacting again would give the same text. Frozen, since results share it.
 */
function requestRecord(c: Contract, url: string, headers: Record<string, string>, body: string, redactor: Redactor): RequestRecord {
  const hit = lastRecord.get(c);
  if (hit && hit.redactor === redactor && hit.version === redactor.version && hit.url === url && hit.headers === headers && hit.body === body) return hit.record;
  const record: RequestRecord = Object.freeze({ method: 'POST', url: redactor.redactUrl(url), headers: Object.freeze(redactor.redactHeaders(headers)), body: redactor.redactXml(body) });
  lastRecord.set(c, { url, headers, body, redactor, version: redactor.version, record });
  return record;
}

export async function send(c: Contract, values: ValueMap, ctx: RunContext): Promise<Sent> {
  registerSecrets(c, values, ctx.redactor);
  const url = endpointUrl(ctx.endpoint, c.endpoint);
  const headers = ctx.headers ? withExtraHeaders(requestHeaders(c), ctx.headers) : requestHeaders(c);
  let body: string;
  try {
    body = ctx.wsSecurity ? buildMessage(c, 'request', { values, extraHeaderBlocks: [wsSecurityHeader(ctx.wsSecurity, c.soapVersion)] }) : requestBody(c, values);
  } catch (e) {
    const error = `could not build the request: ${e instanceof Error ? e.message : String(e)}`;
    return { exchange: { request: { method: 'POST', url: ctx.redactor.redactUrl(url), headers, body: '' }, durationMs: 0 }, error: ctx.redactor.redact(error) };
  }
  const request = requestRecord(c, url, headers, body, ctx.redactor);
  try {
    const response = await ctx.transport.send({ url, method: 'POST', headers, body, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    return {
      response,
      exchange: {
        request,
        response: { status: response.status, headers: ctx.redactor.redactHeaders(response.headers), body: ctx.redactor.redactXml(response.body) },
        durationMs: response.durationMs,
      },
    };
  } catch (e) {
    const te = e instanceof TransportError ? e : new TransportError('other', String(e), url);
    return { exchange: { request, durationMs: te.durationMs }, error: ctx.redactor.redact(te.message) };
  }
}

/** Check a response; `url` (as recorded: redacted) is named by http/status. */
export function check(c: Contract, res: HttpResponse, config: CheckConfig, url?: string): Finding[] {
  return checkMessage(compileContract(c), { direction: 'response', body: res.bytes ?? res.body, http: { status: res.status, headers: res.headers, ...(url ? { url } : {}) } }, config).findings;
}

export function statusOf(findings: readonly Finding[]): CaseStatus {
  return findings.some((f) => f.severity === 'error') ? 'failed' : 'passed';
}
