/**
 * The public shape of checking: findings, configuration, and the message handed to the rules.
 * Implementations live beside this file (one rule per file, a catalogue, a compiled contract).
 */

export type Severity = 'error' | 'warn';
export type RuleSetting = 'off' | 'warn' | 'error';
export type Profile = 'strict' | 'compatible';

/** One departure of a message from its contract. Plain data, safe to serialise. */
export interface Finding {
  /** Stable rule id, e.g. `field/missing`. */
  rule: string;
  severity: Severity;
  /** Plain-English message. Never contains a secret value. */
  message: string;
  /** XPath-like location, e.g. `/Envelope/Body/GetUserResponse/Response`. */
  path: string;
  /** 1-based line in the message, where known. */
  line?: number;
  column?: number;
  expected?: string;
  actual?: string;
}

export interface CheckConfig {
  profile: Profile;
  /** Per-rule overrides by id. */
  rules?: Readonly<Record<string, RuleSetting>>;
  /** Parser limits for hostile input. */
  maxBytes?: number;
  maxDepth?: number;
  /**
   * Masks secrets in text quoted from a message (values, fault reasons, the start of a non-XML body, whole
   * finding texts), applied BEFORE the text is shortened, so no cut can leave the start of a secret behind.
   * `soapcheck run` passes its redactor here. Default: none.
   */
  mask?: (text: string) => string;
}

/** HTTP facts about a message, when it travelled over HTTP. Header names lower-case. */
export interface HttpFacts {
  /** Response status (responses only). */
  status?: number;
  method?: string;
  /** Where the message came from (responses): named by http/status. Without user-info. */
  url?: string;
  headers: Readonly<Record<string, string | undefined>>;
}

export interface MessageInput {
  direction: 'request' | 'response';
  /** The raw body as received. */
  body: string | Uint8Array;
  http?: HttpFacts;
}
