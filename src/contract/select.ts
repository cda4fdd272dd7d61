/**
 * Pick the operation a message belongs to among loaded contracts: by the body element's
 * expanded name first, then the SOAP action, then the endpoint path. Each later key only
 * narrows when it leaves at least one candidate, so a wrong action on a known body element
 * still routes (and the http/action rule reports it). Used by the mock and `soapcheck verify`.
 */
import type { Contract } from './model.ts';
import { clark, sameName, type ExpandedName } from '../xml/qname.ts';

export interface SelectKeys {
  /** Expanded name of the Body's first child. */
  bodyName?: ExpandedName;
  /** SOAP action (SOAPAction header unquoted, or the 1.2 action parameter). */
  action?: string;
  /** Request path, e.g. `/Remote/Services88/User.svc`. */
  path?: string;
  /** Match the body name against requests, responses, or either (default: either). */
  direction?: 'request' | 'response';
}

export type Selection =
  | { contract: Contract; none?: undefined; ambiguous?: undefined }
  | { none: string; contract?: undefined; ambiguous?: undefined }
  | { ambiguous: Contract[]; contract?: undefined; none?: undefined };

function pathMatches(contract: Contract, path: string): boolean {
  const want = contract.endpoint.replace(/^\/+/, '').toLowerCase();
  const got = path.split('?')[0]!.replace(/^\/+/, '').toLowerCase();
  return want !== '' && (got === want || got.endsWith('/' + want));
}

function narrow(list: Contract[], keep: (c: Contract) => boolean): Contract[] {
  const out = list.filter(keep);
  return out.length > 0 ? out : list;
}

export function selectOperation(candidates: readonly Contract[], msg: SelectKeys): Selection {
  let list = [...candidates];
  if (list.length === 0) return { none: 'no contracts loaded' };
  if (msg.bodyName) {
    const name = msg.bodyName;
    const byBody = list.filter((c) =>
      (msg.direction !== 'response' && sameName(c.request.body.name, name)) ||
      (msg.direction !== 'request' && sameName(c.response.body.name, name)));
    if (byBody.length === 0) {
      // Fall back to the action alone (the body is wrong; body/element will say how).
      const byAction = msg.action !== undefined ? list.filter((c) => c.action === msg.action) : [];
      if (byAction.length === 1) return { contract: byAction[0]! };
      return { none: `no contract has body element ${clark(name)}${msg.action !== undefined ? ` or action ${msg.action}` : ''}` };
    }
    list = byBody;
  }
  if (msg.action !== undefined) {
    const byAction = (c: Contract) => c.action === msg.action;
    if (msg.bodyName) list = narrow(list, byAction);
    else {
      list = list.filter(byAction);
      if (list.length === 0) return { none: `no contract has action ${msg.action}` };
    }
  }
  if (msg.path !== undefined) {
    const byPath = (c: Contract) => pathMatches(c, msg.path!);
    if (msg.bodyName || msg.action !== undefined) list = narrow(list, byPath);
    else {
      list = list.filter(byPath);
      if (list.length === 0) return { none: `no contract has endpoint ${msg.path}` };
    }
  }
  if (!msg.bodyName && msg.action === undefined && msg.path === undefined) return { none: 'nothing to select by (no body element, action or path)' };
  return list.length === 1 ? { contract: list[0]! } : { ambiguous: list };
}
