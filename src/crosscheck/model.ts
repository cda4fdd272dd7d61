/**
 * `soapcheck crosscheck`: the documentation's contracts against the WSDL's, operation by
 * operation. It walks the two sets as the diff does (src/diff/walk.ts: docs as the old side,
 * WSDL as the new) and hands the events to its own checks, which name disagreements rather than
 * judge compatibility: every disagreement is a finding, the WSDL being what the wire speaks.
 */
import type { DiffEvent, EventKind, EventOf } from '../diff/model.ts';

/** What the two sides say, in words. */
export interface Sides {
  readonly docs: string;
  readonly wsdl: string;
}

export interface CrossCheck<K extends EventKind = EventKind> {
  /** Stable id, e.g. `field/nillable`. */
  readonly id: string;
  /** One line: what disagreement it finds. */
  readonly description: string;
  /** Why a user cares: what goes wrong on the wire when one follows the pages. */
  readonly consequence: string;
  /** Field events: `header` checks see top-level header blocks, `field` every other element. */
  readonly place?: 'header' | 'field';
  readonly on: K;
  detect(ev: EventOf<K>): Sides | undefined;
}

export type AnyCrossCheck = { [K in EventKind]: CrossCheck<K> }[EventKind];

export interface Disagreement {
  readonly id: string;
  /** `Service/Operation`; absent inside a shared type. */
  readonly operation?: string;
  readonly type?: string;
  readonly operations?: readonly string[];
  readonly path?: string;
  readonly docs: string;
  readonly wsdl: string;
}

export type { DiffEvent };
