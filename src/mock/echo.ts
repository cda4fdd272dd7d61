/**
 * The mock's state: echo rules. An echo rule remembers the values of the last accepted request
 * to one operation and writes them into the responses of another, so that a round trip (save,
 * then read back) passes against the mock as it would against a real service.
 *
 *   { from: 'User/SaveUntrustedCredentials', path: 'SaveUntrustedCredentials.Credentials',
 *     to: 'User/GetUntrustedCredentials',
 *     into: 'GetUntrustedCredentialsResponse.Response.UntrustedCredentials',
 *     match: { from: 'SaveUntrustedCredentials.Type', to: 'GetUntrustedCredentials.Type' } }
 *
 * Every simple value under `path` in the `from` request (keyed relative to it) becomes a value
 * at the same relative path under `into` in the `to` response. With `match`, state is kept per
 * value of the `match.from` field, and a `to` request reads the state saved under the value of
 * its `match.to` field (so two scenarios saving different types do not see each other's values).
 * State lives in memory, per mock server, last write wins; at most MAX_KEYS_PER_RULE keys per rule and
 * MAX_ECHO_BYTES in total over all rules: past either, the least recently saved values are forgotten, so hostile
 * clients saving large values can fill the state but never the heap.
 */
import type { Contract } from '../contract/model.ts';
import type { XDocument } from '../xml/tree.ts';
import { checkFieldPath, elementAtPath, leafValues } from './paths.ts';
import { matchesOperation } from './operations.ts';

/** Keys remembered per rule with `match`; past it the least recently saved key is forgotten. */
export const MAX_KEYS_PER_RULE = 1024;

/** Bytes of remembered keys and values (UTF-16, two bytes a character) over all rules; past it the least recently saved go. */
export const MAX_ECHO_BYTES = 64 * 1024 * 1024;

export interface EchoRule {
  /** Operation whose accepted requests are remembered: `Service/Operation` or `Version/Service/Operation`. */
  from: string;
  /** Dotted path in the `from` request (from its body element or a header block) of the values to remember. */
  path: string;
  /** Operation whose responses get the remembered values. */
  to: string;
  /** Dotted path in the `to` response (from its body element) where the values go. */
  into: string;
  /** Keep state per key: the value at `match.from` in the saving request, looked up by `match.to` in the reading request. */
  match?: { from: string; to: string };
}

/** Validate echo rules against the served contracts; returns plain-English problems (empty when fine). */
export function checkEchoRules(rules: readonly EchoRule[], contracts: readonly Contract[]): string[] {
  const problems: string[] = [];
  rules.forEach((r, i) => {
    const at = `echo[${i}]`;
    if (!r || typeof r !== 'object' || Array.isArray(r)) {
      problems.push(`${at} must be a mapping with from, path, to and into`);
      return;
    }
    if (r.match !== undefined && (typeof r.match !== 'object' || r.match === null || typeof r.match.from !== 'string' || typeof r.match.to !== 'string')) {
      problems.push(`${at}.match must have string from and to`);
      return;
    }
    const missing = (['from', 'path', 'to', 'into'] as const).filter((k) => typeof r[k] !== 'string' || r[k] === '');
    if (missing.length) {
      problems.push(...missing.map((k) => `${at}.${k} must be a non-empty string`));
      return;
    }
    const froms = contracts.filter((c) => matchesOperation(r.from, c));
    const tos = contracts.filter((c) => matchesOperation(r.to, c));
    if (!froms.length) problems.push(`${at}.from: no served operation is ${r.from}`);
    if (!tos.length) problems.push(`${at}.to: no served operation is ${r.to}`);
    for (const c of froms) {
      const p = checkFieldPath(c, 'request', r.path);
      if (p) problems.push(`${at}.path ${p}`);
      if (r.match) {
        const m = checkFieldPath(c, 'request', r.match.from);
        if (m) problems.push(`${at}.match.from ${m}`);
      }
    }
    for (const c of tos) {
      const p = checkFieldPath(c, 'response', r.into);
      if (p) problems.push(`${at}.into ${p}`);
      if (r.match) {
        const m = checkFieldPath(c, 'request', r.match.to);
        if (m) problems.push(`${at}.match.to ${m}`);
      }
    }
  });
  return [...new Set(problems)];
}

export class EchoState {
  readonly #rules: readonly EchoRule[];
  /** Per rule: key (match value, or '') → remembered values relative to `path`. */
  readonly #saved: Map<string, Map<string, string>>[];
  /** Every saved entry (`rule index \0 key`) → its size in bytes, least recently saved first. */
  readonly #sizes = new Map<string, number>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(rules: readonly EchoRule[], options: { maxBytes?: number } = {}) {
    this.#rules = rules;
    this.#saved = rules.map(() => new Map());
    this.#maxBytes = options.maxBytes ?? MAX_ECHO_BYTES;
  }

  /** Bytes held by the remembered keys and values. */
  get bytes(): number {
    return this.#bytes;
  }

  get empty(): boolean {
    return this.#rules.length === 0;
  }

  /** Remember what an accepted request to a `from` operation carries. */
  record(contract: Contract, request: XDocument): void {
    this.#rules.forEach((r, i) => {
      if (!matchesOperation(r.from, contract)) return;
      const el = elementAtPath(request, r.path);
      if (!el) return;
      const key = r.match ? keyOf(request, r.match.from) : '';
      if (key === undefined) return;
      const saved = this.#saved[i]!;
      this.#forget(i, key); // re-insert, so that the maps' order is least recently saved first
      const values = leafValues(el);
      let size = key.length;
      for (const [rel, value] of values) size += rel.length + value.length;
      size *= 2;
      if (size > this.#maxBytes) return; // one value larger than the whole state: not remembered
      saved.set(key, values);
      this.#sizes.set(`${i}\0${key}`, size);
      this.#bytes += size;
      if (saved.size > MAX_KEYS_PER_RULE) this.#forget(i, saved.keys().next().value!);
      while (this.#bytes > this.#maxBytes) {
        const oldest = this.#sizes.keys().next().value!;
        const cut = oldest.indexOf('\0');
        this.#forget(Number(oldest.slice(0, cut)), oldest.slice(cut + 1));
      }
    });
  }

  #forget(rule: number, key: string): void {
    const id = `${rule}\0${key}`;
    const size = this.#sizes.get(id);
    if (size === undefined) return;
    this.#sizes.delete(id);
    this.#bytes -= size;
    this.#saved[rule]!.delete(key);
  }

  /** Values (buildMessage keys) that the response to this accepted request takes from the state. */
  valuesFor(contract: Contract, request: XDocument): Record<string, string> {
    const out: Record<string, string> = {};
    this.#rules.forEach((r, i) => {
      if (!matchesOperation(r.to, contract)) return;
      const key = r.match ? keyOf(request, r.match.to) : '';
      if (key === undefined) return;
      const saved = this.#saved[i]!.get(key);
      if (!saved) return;
      for (const [rel, value] of saved) out[rel === '' ? r.into : `${r.into}.${rel}`] = value;
    });
    return out;
  }

  /** Forget everything remembered. */
  clear(): void {
    for (const m of this.#saved) m.clear();
    this.#sizes.clear();
    this.#bytes = 0;
  }
}

function keyOf(doc: XDocument, path: string): string | undefined {
  const el = elementAtPath(doc, path);
  return el ? leafValues(el).get('') : undefined;
}
