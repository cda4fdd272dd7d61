/** Shared wording for rule messages. Secret values are never quoted. */
import type { XElement } from '../../xml/tree.ts';

/** `prefix:local` as written in the message, or the local name. */
export function nameOf(el: XElement): string {
  return el.prefix ? `${el.prefix}:${el.local}` : el.local;
}

export function nsLabel(ns: string): string {
  return ns === '' ? '(no namespace)' : ns;
}

/** A value for a message: masked (RuleContext.mask), then quoted and shortened; or a placeholder for a secret one. */
export function quoteValue(secret: boolean, text: string, mask: (text: string) => string): string {
  if (secret) return '(secret value not shown)';
  return JSON.stringify(shorten(mask(text), 60));
}

/** `text` cut to at most `max` characters with an ellipsis. Mask secrets before (RuleContext.mask). */
export function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 3)}…` : text;
}

/** Comma-separated names, the first `max` of them and a count of the rest. */
export function shortList(names: readonly string[], max = 20): string {
  return names.length <= max ? names.join(', ') : `${names.slice(0, max).join(', ')}, … (${names.length - max} more)`;
}
