/** Shared wording for rule messages. Secret values are never quoted. */
import type { XElement } from '../../xml/tree.ts';

/** `prefix:local` as written in the message, or the local name. */
export function nameOf(el: XElement): string {
  return el.prefix ? `${el.prefix}:${el.local}` : el.local;
}

export function nsLabel(ns: string): string {
  return ns === '' ? '(no namespace)' : ns;
}

/** A value for a message: quoted and shortened, or a placeholder for a secret one. */
export function quoteValue(secret: boolean, text: string): string {
  if (secret) return '(secret value not shown)';
  const t = text.length > 60 ? `${text.slice(0, 57)}…` : text;
  return JSON.stringify(t);
}

/** Comma-separated names, the first `max` of them and a count of the rest. */
export function shortList(names: readonly string[], max = 20): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')}, … (${names.length - max} more)`;
}
