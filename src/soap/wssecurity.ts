/**
 * WS-Security header blocks, per OASIS Web Services Security 1.1 (SOAP Message Security and the
 * UsernameToken Profile 1.1): a `wsse:UsernameToken` with the password as text (`#PasswordText`) or as
 * a digest (`#PasswordDigest` = Base64(SHA-1(nonce + created + password)), with `wsse:Nonce` and
 * `wsu:Created`), and a `wsu:Timestamp` (Created, Expires). Times are UTC, to the second.
 *
 * Not supported: XML Signature and XML Encryption (signed or encrypted parts, BinarySecurityToken,
 * X.509 and SAML tokens), derived keys, and checking a server's own Security header.
 */
import { createHash, randomBytes } from 'node:crypto';
import { escapeAttr, escapeText } from '../xml/escape.ts';
import type { SoapVersion } from '../contract/model.ts';
import { soapVersionInfo } from './versions.ts';

export const WSSE_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
export const WSU_NS = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const TOKEN_PROFILE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0';
const BASE64_BINARY = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

export type PasswordType = 'PasswordText' | 'PasswordDigest';

export interface WsSecurity {
  username: string;
  password: string;
  /** Default PasswordText. */
  passwordType?: PasswordType;
  /** Send a wsse:Nonce with a PasswordText password too (a digest always has one). Default false. */
  nonce?: boolean;
  /** Send wsu:Created in the UsernameToken (a digest always has one). Default true. */
  created?: boolean;
  /** A wsu:Timestamp expiring this many seconds after it was made; 0 for none. Default 300. */
  timestampSeconds?: number;
  /** Mark the Security header block mustUnderstand. Default false. */
  mustUnderstand?: boolean;
}

/** Base64(SHA-1(nonce bytes + created + password)), the UsernameToken Profile's PasswordDigest. */
export function passwordDigest(nonceBase64: string, created: string, password: string): string {
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(nonceBase64, 'base64'), Buffer.from(created, 'utf8'), Buffer.from(password, 'utf8')]))
    .digest('base64');
}

/** `2026-12-03T15:04:05Z`: xsd:dateTime in UTC, to the second. */
export function utcSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The `wsse:Security` header block, self-contained (every namespace declared on it). `now` and `nonce`
 * (16 random bytes, Base64) are made fresh on each call unless given.
 */
export function wsSecurityHeader(ws: WsSecurity, version: SoapVersion, now = new Date(), nonce = randomBytes(16).toString('base64')): string {
  const type = ws.passwordType ?? 'PasswordText';
  const created = utcSeconds(now);
  const env = soapVersionInfo(version).envelopeNs;
  const must = ws.mustUnderstand ? ` xmlns:wsse-env="${escapeAttr(env)}" wsse-env:mustUnderstand="${version === '1.1' ? '1' : 'true'}"` : '';
  const parts = [`<wsse:Security xmlns:wsse="${WSSE_NS}" xmlns:wsu="${WSU_NS}"${must}>`];
  const ttl = ws.timestampSeconds ?? 300;
  if (ttl > 0) {
    parts.push(`<wsu:Timestamp wsu:Id="TS-1"><wsu:Created>${created}</wsu:Created><wsu:Expires>${utcSeconds(new Date(now.getTime() + ttl * 1000))}</wsu:Expires></wsu:Timestamp>`);
  }
  parts.push(`<wsse:UsernameToken wsu:Id="UsernameToken-1"><wsse:Username>${escapeText(ws.username)}</wsse:Username>`);
  const digest = type === 'PasswordDigest';
  parts.push(`<wsse:Password Type="${TOKEN_PROFILE}#${type}">${escapeText(digest ? passwordDigest(nonce, created, ws.password) : ws.password)}</wsse:Password>`);
  if (digest || ws.nonce) parts.push(`<wsse:Nonce EncodingType="${BASE64_BINARY}">${nonce}</wsse:Nonce>`);
  if (digest || (ws.created ?? true)) parts.push(`<wsu:Created>${created}</wsu:Created>`);
  parts.push('</wsse:UsernameToken></wsse:Security>');
  return parts.join('');
}
