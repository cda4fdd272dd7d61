/**
 * One exchange with the endpoint: build the request (values > contract examples), send it with
 * the content type and action of the contract's SOAP version, check the answer, and keep a
 * redacted record of both messages. Transport failures come back as an error string, never thrown.
 */
import type { Contract } from '../contract/model.ts';
import type { CheckConfig, Finding } from '../checks/api.ts';
import { compileContract, checkMessage } from '../checks/index.ts';
import { buildMessage } from '../soap/build.ts';
import { wsSecurityHeader, type WsSecurity } from '../soap/wssecurity.ts';
import type { Redactor } from '../secrets/redact.ts';
import type { CaseStatus, ExchangeRecord } from './result.ts';
import { TransportError, type HttpResponse, type Transport } from './transport.ts';
import type { ValueMap } from './suite.ts';
import { endpointUrl } from './values.ts';
import { PreparedContracts } from './prepared.ts';

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
  /** The run's prepared contracts (made once per run; without one, one set per redactor is kept). */
  prepared?: PreparedContracts;
}

export { secretLocalNames } from './prepared.ts';

/** The run's prepared contracts: the context's, else one set per redactor (callers that make no set of their own). */
function preparedOf(ctx: RunContext): PreparedContracts {
  if (ctx.prepared) return ctx.prepared;
  let p = fallback.get(ctx.redactor);
  if (!p) fallback.set(ctx.redactor, (p = new PreparedContracts(ctx.redactor)));
  return p;
}

const fallback = new WeakMap<Redactor, PreparedContracts>();

// --- one exchange --------------------------------------------------------------------------

export interface Sent {
  /** Raw (unredacted) response, when one came. */
  response?: HttpResponse;
  /** Redacted record for reports. */
  exchange: ExchangeRecord;
  error?: string;
}

/** The SOAP headers with the extra ones (--header, http.headers, Basic) over them, names compared case-insensitively. */
function withExtraHeaders(soap: Readonly<Record<string, string>>, extra: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = { ...soap };
  for (const [name, value] of Object.entries(extra)) {
    const lower = name.toLowerCase();
    if (lower in out) delete out[lower];
    out[name] = value;
  }
  return out;
}

export async function send(c: Contract, values: ValueMap, ctx: RunContext): Promise<Sent> {
  const prepared = preparedOf(ctx).of(c);
  prepared.registerSecretValues(values);
  const url = endpointUrl(ctx.endpoint, c.endpoint);
  const headers = ctx.headers ? withExtraHeaders(prepared.headers, ctx.headers) : (prepared.headers as Record<string, string>);
  let body: string;
  try {
    body = ctx.wsSecurity ? buildMessage(c, 'request', { values, extraHeaderBlocks: [wsSecurityHeader(ctx.wsSecurity, c.soapVersion)] }) : prepared.requestBody(values);
  } catch (e) {
    const error = `could not build the request: ${e instanceof Error ? e.message : String(e)}`;
    return { exchange: { request: { method: 'POST', url: ctx.redactor.redactUrl(url), headers, body: '' }, durationMs: 0 }, error: ctx.redactor.redact(error) };
  }
  const request = prepared.requestRecord(url, headers, body);
  try {
    const response = await ctx.transport.send({ url, method: 'POST', headers, body, ...(ctx.signal ? { signal: ctx.signal } : {}) });
    return {
      response,
      exchange: {
        request,
        response: { status: response.status, headers: ctx.redactor.redactHeaders(response.headers), body: prepared.redactedResponse(response.body) },
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
