/**
 * A prepared contract: what a run needs of a contract for every case, made once per run (one redactor) and
 * contract — its compiled contract (the checks'), its request headers, its secret field names registered with the run's
 * redactor — and the last request and response texts it built or redacted, reused while they repeat (building is
 * deterministic, and redacting the same text again with a redactor that has learnt no new secret since gives
 * the same text). Held by the run (`PreparedContracts`), not in module-level caches.
 */
import type { Contract, Field } from '../contract/model.ts';
import { compileContract, type CompiledContract } from '../checks/index.ts';
import { buildMessage } from '../soap/build.ts';
import { contentTypeFor } from '../soap/versions.ts';
import type { Redactor } from '../secrets/redact.ts';
import type { ExchangeRecord } from './result.ts';
import type { ValueMap } from './suite.ts';

type RequestRecord = ExchangeRecord['request'];

/** Local names of every field marked `secret: true` in the contract (request, response, named types). */
export function secretLocalNames(c: Contract): string[] {
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
  return [...names];
}

export class PreparedContract {
  readonly compiled: CompiledContract;
  /** The SOAP request headers (frozen: shared by every request). */
  readonly headers: Readonly<Record<string, string>>;
  #body: { key: string; body: string } | undefined;
  #record: { url: string; headers: Readonly<Record<string, string>>; body: string; version: number; record: RequestRecord } | undefined;
  #response: { body: string; version: number; redacted: string } | undefined;

  constructor(
    readonly contract: Contract,
    private readonly redactor: Redactor,
  ) {
    this.compiled = compileContract(contract);
    const h: Record<string, string> = { 'content-type': contentTypeFor(contract.soapVersion, contract.action), accept: contract.soapVersion === '1.1' ? 'text/xml' : 'application/soap+xml' };
    if (contract.soapVersion === '1.1') h['soapaction'] = `"${contract.action}"`;
    this.headers = Object.freeze(h);
    // Their content is masked in every message of the run.
    for (const n of secretLocalNames(contract)) redactor.addSecretName(n);
  }

  /** Register the values given for secret fields as secret values of the run. */
  registerSecretValues(values: ValueMap): void {
    for (const [path, v] of Object.entries(values)) {
      if (this.redactor.isSecretName(path.slice(path.lastIndexOf('.') + 1))) this.redactor.addSecret(v);
    }
  }

  /** The request body for these values; the last one built is reused when the values are the same. */
  requestBody(values: ValueMap): string {
    const key = JSON.stringify(values);
    if (this.#body?.key === key) return this.#body.body;
    const body = buildMessage(this.contract, 'request', { values });
    this.#body = { key, body };
    return body;
  }

  /** The redacted record of a request (frozen, since results share it); the last one is reused while nothing differs. */
  requestRecord(url: string, headers: Readonly<Record<string, string>>, body: string): RequestRecord {
    const r = this.redactor;
    const hit = this.#record;
    if (hit && hit.version === r.version && hit.url === url && hit.headers === headers && hit.body === body) return hit.record;
    const record: RequestRecord = Object.freeze({ method: 'POST', url: r.redactUrl(url), headers: Object.freeze(r.redactHeaders(headers)), body: r.redactXml(body) });
    this.#record = { url, headers, body, version: r.version, record };
    return record;
  }

  /** A response body redacted for the record; the last one is reused when the endpoint answers the same again. */
  redactedResponse(body: string): string {
    const r = this.redactor;
    const hit = this.#response;
    if (hit && hit.version === r.version && hit.body === body) return hit.redacted;
    const redacted = r.redactXml(body);
    this.#response = { body, version: r.version, redacted };
    return redacted;
  }
}

/** The prepared contracts of one run (one redactor), each made on first use. */
export class PreparedContracts {
  readonly #byContract = new Map<Contract, PreparedContract>();
  constructor(readonly redactor: Redactor) {}

  of(c: Contract): PreparedContract {
    let p = this.#byContract.get(c);
    if (!p) this.#byContract.set(c, (p = new PreparedContract(c, this.redactor)));
    return p;
  }
}
