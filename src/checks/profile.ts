/**
 * The profiles and their parsing, with nothing else loaded: the CLI's argument checks use them
 * before any command (and before the rules and libxml2 behind them) is loaded.
 */
import type { Profile } from './api.ts';

export const PROFILES: readonly Profile[] = ['strict', 'compatible'];

/** A mistake in a configuration value: the message says what and where. */
export class ConfigError extends Error {}

export function parseProfile(v: unknown, where: string): Profile {
  if (typeof v === 'string' && (PROFILES as string[]).includes(v)) return v as Profile;
  throw new ConfigError(`${where} must be strict or compatible, got ${JSON.stringify(v)}`);
}
