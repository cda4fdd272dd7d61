/**
 * The WS-Security header of a suite's requests: the command line's (`--wsse-user`, …) or the suite's
 * `wsSecurity:`, with `${NAME}` substituted in the username and password. The password is a secret
 * whatever its variable says. Against a real endpoint an unset variable is an input error; on the
 * embedded mock the header is left out.
 */
import type { WsSecurity } from '../soap/wssecurity.ts';
import { VariableError, type SecretSink, type Variables } from './variables.ts';

export function resolveWsSecurity(ws: WsSecurity | undefined, vars: Variables, lenient: boolean, where: string, secrets: SecretSink): WsSecurity | undefined {
  if (!ws) return undefined;
  try {
    const password = vars.substitute(ws.password, where, 'wsSecurity.password');
    secrets.addSecret(password);
    return { ...ws, username: vars.substitute(ws.username, where, 'wsSecurity.username'), password };
  } catch (e) {
    if (lenient && e instanceof VariableError) return undefined;
    throw e;
  }
}
