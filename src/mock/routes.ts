/**
 * The mock's routing table: which contracts a request may be for, by endpoint path (matched on
 * the path's suffix, so a base path like `/Cust12345/` in front of `Remote/Services88/User.svc`
 * works), then by SOAP action. The body element's QName, when still needed, is left to
 * selectOperation (src/contract/select.ts).
 */
import type { Contract } from '../contract/model.ts';

export interface Route {
  /** Endpoint path as served, without leading or trailing slash: `Remote/Services88/User.svc`. */
  endpoint: string;
  contracts: Contract[];
  /** Contracts by SOAP action (several when the contracts disagree only in the body element). */
  byAction: Map<string, Contract[]>;
}

/** Endpoint path without leading/trailing slashes and without `./`. */
export function normalizeEndpoint(endpoint: string): string {
  return endpoint
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
}

export class RouteTable {
  readonly #routes = new Map<string, Route>();

  constructor(contracts: readonly Contract[]) {
    for (const c of contracts) {
      const endpoint = normalizeEndpoint(c.endpoint);
      let route = this.#routes.get(endpoint.toLowerCase());
      if (!route) this.#routes.set(endpoint.toLowerCase(), (route = { endpoint, contracts: [], byAction: new Map() }));
      route.contracts.push(c);
      const same = route.byAction.get(c.action);
      if (same) same.push(c);
      else route.byAction.set(c.action, [c]);
    }
  }

  /** Every route, sorted by endpoint. */
  routes(): Route[] {
    return [...this.#routes.values()].sort((a, b) => a.endpoint.localeCompare(b.endpoint));
  }

  /**
   * The route whose endpoint is the longest suffix of this (decoded) request path, on whole
   * segments: `/Cust1/Remote/Services88/User.svc` matches `Remote/Services88/User.svc`, and
   * `/xRemote/Services88/User.svc` does not. Case-insensitive, as IIS-hosted services are.
   */
  match(pathname: string): Route | undefined {
    const segments = pathname
      .split('/')
      .filter((s) => s !== '')
      .map((s) => {
        try {
          return decodeURIComponent(s);
        } catch {
          return s;
        }
      });
    for (let i = 0; i < segments.length; i++) {
      const route = this.#routes.get(segments.slice(i).join('/').toLowerCase());
      if (route) return route;
    }
    return undefined;
  }
}

/** Strip one pair of surrounding double quotes. */
function unquote(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/\\(.)/g, '$1') : t;
}

/** The `action` parameter of a (SOAP 1.2) Content-Type, quoted or not. */
export function contentTypeAction(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*action\s*=\s*("(?:[^"\\]|\\.)*"|[^;\s]*)/i.exec(contentType);
  const v = m ? unquote(m[1]!) : '';
  return v === '' ? undefined : v;
}

/**
 * The SOAP action a request names: the 1.1 `SOAPAction` header (quoted or not), else the 1.2
 * `action` parameter of its Content-Type. Undefined when it names none (or an empty one).
 */
export function requestAction(headers: Readonly<Record<string, string | string[] | undefined>>): string | undefined {
  const raw = headers['soapaction'];
  const header = Array.isArray(raw) ? raw[0] : raw;
  if (header !== undefined) {
    const v = unquote(header);
    if (v !== '') return v;
  }
  const ct = headers['content-type'];
  return contentTypeAction(Array.isArray(ct) ? ct[0] : ct);
}

/** The SOAP version a Content-Type implies: `application/soap+xml` is 1.2, `text/xml` 1.1. */
export function versionOfContentType(contentType: string | undefined): '1.1' | '1.2' | undefined {
  const media = contentType?.split(';')[0]?.trim().toLowerCase();
  return media === 'application/soap+xml' ? '1.2' : media === 'text/xml' ? '1.1' : undefined;
}
