/**
 * Extra HTTP request headers and HTTP authentication: `--header 'Name: value'` (repeatable) and a
 * suite's `http: headers:` (values may hold `${NAME}`; the command line wins), and the user-info of
 * an endpoint URL (`https://user:password@host/`) turned into HTTP Basic. Bearer tokens and API keys
 * are just headers. Secret values (a header marked secret, a credential-like header name, the Basic
 * password) are handed to the redactor, so reports show `***`.
 */
import type { HeaderSetting } from './suite.ts';
import { Variables, VariableError, type SecretSink } from './variables.ts';

/** A header name (RFC 9110 token). */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Header names whose values are credentials whatever a suite says. */
const CREDENTIAL_NAME = /^(authorization|proxy-authorization|cookie)$|token|api-?key|secret|password|passwd|ticket|session/i;

/** `Name: value` → its parts, or an error message. */
export function parseHeaderOption(text: string): { name: string; value: string } | string {
  const colon = text.indexOf(':');
  const name = colon > 0 ? text.slice(0, colon).trim() : '';
  if (!TOKEN.test(name)) return `--header expects 'Name: value', got ${JSON.stringify(text.length > 60 ? text.slice(0, 57) + '…' : text)}`;
  const value = text.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(value)) return `--header ${name}: the value must not contain line breaks`;
  return { name, value };
}

/**
 * The endpoint without its user-info, and the HTTP Basic `Authorization` value that user-info means
 * (user and password percent-decoded, as RFC 3986 writes them in a URL). The password and the encoded
 * credentials go to `secrets`.
 */
export function basicAuthFromUrl(endpoint: string, secrets?: SecretSink): { endpoint: string; authorization?: string } {
  const u = new URL(endpoint);
  if (!u.username && !u.password) return { endpoint };
  const user = decodeURIComponent(u.username);
  const password = decodeURIComponent(u.password);
  const token = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
  if (password) secrets?.addSecret(password);
  secrets?.addSecret(token);
  u.username = '';
  u.password = '';
  return { endpoint: u.toString(), authorization: `Basic ${token}` };
}

/**
 * The headers a suite's requests carry: the suite's `http.headers`, then the command line's (which win, by
 * name, case-insensitively), `${NAME}` substituted. Against a real endpoint an unset variable throws
 * VariableError; on the embedded mock (`lenient`) such a header is left out.
 */
export function resolveHeaders(
  suiteHeaders: Readonly<Record<string, HeaderSetting>>,
  cliHeaders: ReadonlyArray<{ name: string; value: string }>,
  vars: Variables,
  lenient: boolean,
  where: string,
  secrets: SecretSink,
): Record<string, string> {
  const byName = new Map<string, { name: string; setting: HeaderSetting; from: string }>();
  for (const [name, setting] of Object.entries(suiteHeaders)) byName.set(name.toLowerCase(), { name, setting, from: `${where}: http.headers.${name}` });
  for (const h of cliHeaders) byName.set(h.name.toLowerCase(), { name: h.name, setting: { value: h.value, secret: false }, from: `--header ${h.name}` });
  const out: Record<string, string> = {};
  for (const { name, setting, from } of byName.values()) {
    let value: string;
    try {
      value = vars.substitute(setting.value, from.split(': ')[0]!, from.includes(': ') ? from.slice(from.indexOf(': ') + 2) : from);
    } catch (e) {
      if (lenient && e instanceof VariableError) continue;
      throw e;
    }
    if (setting.secret || CREDENTIAL_NAME.test(name) || Variables.references(setting.value).some((n) => vars.isSecret(n))) {
      secrets.addSecret(value);
      // `Bearer abc`: the credential alone may turn up elsewhere (an echo), so mask it too.
      const scheme = /^[A-Za-z][A-Za-z0-9-]*\s+(\S.*)$/.exec(value);
      if (scheme?.[1] && scheme[1].length >= 4) secrets.addSecret(scheme[1]);
    }
    out[name] = value;
  }
  return out;
}
