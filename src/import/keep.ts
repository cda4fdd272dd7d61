/**
 * What an import keeps of the files already at its output paths. An importer writes what its
 * source says; what its source cannot say, and a person or the other importer wrote there, stays:
 *
 * - `expectations`, of a contract and of a types file: written by hand, never imported. Carried
 *   into another file (a WSDL types file replacing the docs one a contract used), an expectation
 *   takes along the prefixes it uses that the new file binds otherwise or not at all.
 * - The pages' part of a contract: its description, endpoint, example values and field
 *   descriptions (`mergePages`). The WSDL decides the wire; where both speak, the pages' fuller
 *   prose wins over the WSDL's documentation, and their path below the installation over the
 *   port address's one installation.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { ContractDoc, ExpectationDoc, FieldDoc, MessageDoc, ParticleDoc, TypeDefDoc, TypesDoc } from '../contract/model.ts';
import { isFieldDoc } from '../contract/particles.ts';
import { clark } from '../xml/index.ts';
import { expandWritten } from './docs/render.ts';

/**
 * Into `doc` (the wire, from the WSDL), what `from` (a contract at the same path: the pages', or
 * an earlier import that already took theirs) says that the WSDL does not decide: description,
 * endpoint, example values and field descriptions of fields matched by name. `from` wins.
 */
export function mergePages(doc: ContractDoc, from: ContractDoc): void {
  if (from.description) doc.description = from.description;
  if (from.endpoint) doc.endpoint = from.endpoint;
  const pair = (to: MessageDoc, old: MessageDoc) => {
    mergeFields([to.body], [old.body], doc.namespaces, from.namespaces);
    if (to.headers && old.headers) mergeFields(to.headers, old.headers, doc.namespaces, from.namespaces);
  };
  pair(doc.request, from.request);
  pair(doc.response, from.response);
}

/**
 * The endpoint the contracts already in a service folder agree on below the WSDL port's path: the
 * pages give `Remote/Services87/User.svc` where the port says `Cust12345/Remote/Services87/User.svc`
 * (one installation's). An operation only the WSDL knows then gets the pack's endpoint too, instead
 * of its port path, so that one base URL (`--endpoint https://host/Cust12345/`) reaches every
 * contract of the service. Undefined unless exactly one such shorter endpoint is there.
 */
export function packEndpoint(existing: Iterable<string>, portPath: string | undefined): string | undefined {
  if (!portPath) return undefined;
  const port = portPath.replace(/^\/+/, '');
  const found = new Set<string>();
  for (const e of existing) {
    const path = e.replace(/^\/+/, '');
    if (path && path !== port && port.endsWith(`/${path}`)) found.add(path);
  }
  return found.size === 1 ? [...found][0] : undefined;
}

/** Descriptions, examples and field descriptions of `from`'s types, into `doc`'s types of the same name; `from` wins. */
export function mergeTypePages(doc: TypesDoc, from: TypesDoc | undefined): void {
  if (!from?.types) return;
  const byName = new Map<string, TypeDefDoc>();
  for (const [q, d] of Object.entries(from.types)) {
    const n = expandWritten(q, from.namespaces ?? {});
    if (n) byName.set(clark(n), d);
  }
  for (const [q, d] of Object.entries(doc.types)) {
    const n = expandWritten(q, doc.namespaces);
    const o = n ? byName.get(clark(n)) : undefined;
    if (!o) continue;
    if (o.description) d.description = o.description;
    if (d.fields && o.fields) mergeFields(d.fields, o.fields, doc.namespaces, from.namespaces ?? {});
  }
}

function mergeFields(to: ParticleDoc[], from: ParticleDoc[], toNs: Record<string, string>, fromNs: Record<string, string>): void {
  const olds = new Map<string, FieldDoc>();
  const collect = (list: ParticleDoc[]) => {
    for (const f of list) {
      if (isFieldDoc(f)) olds.set(localOf(f.name, fromNs), f);
      else if ('choice' in f) collect(f.choice);
      else if ('sequence' in f) collect(f.sequence);
    }
  };
  collect(from);
  const visit = (list: ParticleDoc[]) => {
    for (const f of list) {
      if (!isFieldDoc(f)) {
        if ('choice' in f) visit(f.choice);
        else if ('sequence' in f) visit(f.sequence);
        continue;
      }
      const o = olds.get(localOf(f.name, toNs));
      if (!o) continue;
      if (o.example !== undefined && !f.secret && !o.secret && !f.fields) f.example = o.example;
      if (o.description) f.description = o.description;
      if (f.fields && o.fields) mergeFields(f.fields, o.fields, toNs, fromNs);
    }
  };
  visit(to);
}

function localOf(q: string, ns: Record<string, string>): string {
  const n = expandWritten(q, ns);
  return n ? clark(n) : q;
}

/**
 * Expectations written in a file with namespaces `fromNs`, made to mean the same in a file with
 * namespaces `toNs`: each takes along the prefixes its tests and message use that `toNs` binds
 * otherwise or not at all. Ids already in `have` are left out (the first statement of an id wins).
 */
export function carryExpectations(list: readonly ExpectationDoc[] | undefined, fromNs: Readonly<Record<string, string>>, toNs: Readonly<Record<string, string>>, have: ReadonlySet<string> = new Set()): ExpectationDoc[] {
  const out: ExpectationDoc[] = [];
  const seen = new Set(have);
  for (const e of list ?? []) {
    if (!e || typeof e !== 'object' || typeof e.id !== 'string' || seen.has(e.id)) continue;
    seen.add(e.id);
    const own: Record<string, string> = {};
    const text = [e.failWhen, e.assert, e.message].filter((t): t is string => typeof t === 'string').join(' ');
    for (const m of text.matchAll(/(?<![\w.:-])([A-Za-z_][\w.-]*):(?=[A-Za-z_*])/g)) {
      const p = m[1]!;
      if (p === 'env' || p in own || (e.namespaces && p in e.namespaces) || !(p in fromNs) || toNs[p] === fromNs[p]) continue;
      own[p] = fromNs[p]!;
    }
    out.push(Object.keys(own).length > 0 ? { ...e, namespaces: { ...e.namespaces, ...Object.fromEntries(Object.entries(own).sort((a, b) => (a[0] < b[0] ? -1 : 1))) } } : { ...e });
  }
  return out;
}

/** The YAML document of this kind at a path an import writes, or undefined (no file, not YAML, another kind). */
async function readYamlDoc<T>(file: string, kind: 'operation' | 'types'): Promise<T | undefined> {
  try {
    const d = parse(await readFile(file, 'utf8')) as { kind?: string } | null;
    return d && typeof d === 'object' && d.kind === kind ? (d as T) : undefined;
  } catch {
    return undefined;
  }
}

/** The contract already at a path an import writes (undefined when there is none). */
export const readContractDoc = (file: string): Promise<ContractDoc | undefined> => readYamlDoc<ContractDoc>(file, 'operation');
/** The types file already at a path an import writes (undefined when there is none). */
export const readTypesDoc = (file: string): Promise<TypesDoc | undefined> => readYamlDoc<TypesDoc>(file, 'types');
