/**
 * What the mock answers to an accepted request: the contract's response built with its example
 * values (generated valid values where there are none — buildMessage does both), changed by
 * the overrides the user gave (`MockResponse`) and by the echo state.
 */
import type { Contract } from '../contract/model.ts';
import { buildMessage } from '../soap/build.ts';
import { contentTypeFor } from '../soap/versions.ts';
import type { XDocument } from '../xml/tree.ts';
import { checkFieldPath } from './paths.ts';
import { EchoState } from './echo.ts';
import { matchesOperation } from './operations.ts';

export interface MockResponse {
  /** `Service/Operation` (any version) or `Version/Service/Operation` (wins over the former). */
  operation: string;
  /** Values by dotted local-name path from the response body element, as buildMessage takes them. */
  values?: Record<string, string>;
  /** A raw response body (a full envelope) sent as it is, instead of building one. */
  body?: string;
  /** HTTP status, default 200. */
  status?: number;
}

export interface MockAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** Validate response overrides against the served contracts; returns plain-English problems. */
export function checkResponses(responses: readonly MockResponse[], contracts: readonly Contract[]): string[] {
  const problems: string[] = [];
  responses.forEach((r, i) => {
    const at = `responses[${i}]`;
    if (!r || typeof r !== 'object' || Array.isArray(r)) {
      problems.push(`${at} must be a mapping with an operation`);
      return;
    }
    if (r.values !== undefined && (typeof r.values !== 'object' || r.values === null || Array.isArray(r.values))) {
      problems.push(`${at}.values must be a mapping of dotted paths to strings`);
      return;
    }
    if (typeof r.operation !== 'string' || r.operation.split('/').length < 2 || r.operation.split('/').length > 3) {
      problems.push(`${at}.operation must be Service/Operation or Version/Service/Operation`);
      return;
    }
    const matched = contracts.filter((c) => matchesOperation(r.operation, c));
    if (!matched.length) problems.push(`${at}.operation: no served operation is ${r.operation}`);
    if (r.status !== undefined && !(Number.isInteger(r.status) && r.status >= 200 && r.status <= 599)) {
      problems.push(`${at}.status must be an HTTP status between 200 and 599`);
    }
    if (r.body !== undefined && typeof r.body !== 'string') problems.push(`${at}.body must be a string`);
    for (const [key, value] of Object.entries(r.values ?? {})) {
      if (typeof value !== 'string') problems.push(`${at}.values.${key} must be a string`);
      for (const c of matched) {
        const p = checkFieldPath(c, 'response', key);
        if (p) problems.push(`${at}.values ${p}`);
      }
    }
  });
  return [...new Set(problems)];
}

export class Responder {
  readonly #responses: readonly MockResponse[];
  readonly #echo: EchoState;
  /** Answers that depend on nothing but the contract, built once. */
  readonly #fixed = new WeakMap<Contract, MockAnswer>();

  constructor(responses: readonly MockResponse[], echo: EchoState) {
    this.#responses = responses;
    this.#echo = echo;
  }

  /** The override for this contract: a `Version/Service/Operation` one first, else `Service/Operation`. */
  #override(c: Contract): MockResponse | undefined {
    const hits = this.#responses.filter((r) => matchesOperation(r.operation, c));
    return hits.find((r) => r.operation.split('/').length === 3) ?? hits[0];
  }

  /** Let the echo state remember what an accepted request carries. */
  remember(contract: Contract, request: XDocument): void {
    if (!this.#echo.empty) this.#echo.record(contract, request);
  }

  /** The answer to an accepted request for this contract. */
  answer(contract: Contract, request: XDocument): MockAnswer {
    const override = this.#override(contract);
    const contentType = contentTypeFor(contract.soapVersion);
    if (override?.body !== undefined) return { status: override.status ?? 200, contentType, body: override.body };
    const echoed = this.#echo.empty ? {} : this.#echo.valuesFor(contract, request);
    const dynamic = Object.keys(echoed).length > 0;
    if (!dynamic) {
      const cached = this.#fixed.get(contract);
      if (cached) return cached;
    }
    const values = { ...override?.values, ...echoed };
    const answer: MockAnswer = { status: override?.status ?? 200, contentType, body: buildMessage(contract, 'response', { values }) };
    if (!dynamic) this.#fixed.set(contract, answer);
    return answer;
  }
}
