/**
 * The diff's vocabulary: levels, the events the walk over two contract sets emits, what a
 * check is, and the changes it reports.
 *
 * Modelled on oasdiff: one check per use case, each with a stable id, a level, a direction, a
 * location and an action, registered in one place (registry.ts) and documented in docs/diff.md.
 */
import type { Attribute, ComplexTypeDef, Contract, Field, SimpleTypeDef, TypeRegistry } from '../contract/model.ts';
import type { NamespaceMap } from '../contract/namespace-map.ts';

/** ERR: a client that followed the old contract breaks. WARN: it may break. INFO: it does not. */
export type Level = 'ERR' | 'WARN' | 'INFO';
export const LEVELS: readonly Level[] = ['ERR', 'WARN', 'INFO'];
/** A level, or `off` to drop a check's changes (config overrides only). */
export type LevelSetting = Level | 'off';

/** Rank for comparisons: ERR > WARN > INFO. */
export function levelRank(l: Level): number {
  return l === 'ERR' ? 3 : l === 'WARN' ? 2 : 1;
}

/** Which message a check is about; `none` for operation-level facts (SOAP version, action…). */
export type DiffDirection = 'request' | 'response' | 'none';
export type MessageDirection = 'request' | 'response';

/**
 * Where in the contract. Field events are routed by it: `header` checks see only the top-level
 * header blocks, `field` checks every other element below the body and the header blocks.
 */
export type Location = 'namespace' | 'endpoint' | 'operation' | 'body' | 'header' | 'field' | 'attribute' | 'type' | 'enum';
export type Action = 'add' | 'remove' | 'change' | 'rename' | 'reorder' | 'increase' | 'decrease' | 'move';

/** One side of the comparison: a contract set with its operations and types. */
export interface OperationRef {
  readonly service: string;
  readonly operation: string;
  readonly contract: Contract;
}

/** Shared by every event inside a message. */
export interface MessageScope {
  readonly direction: MessageDirection;
  readonly old: Contract;
  readonly new: Contract;
  readonly map: NamespaceMap;
}

export interface FieldEventBase extends MessageScope {
  /** `header` for a top-level header block, `field` for every other element below body or header. */
  readonly place: 'header' | 'field';
  /** Path in the new contract's local names, e.g. `/SaveCredential/Credential/Type`. */
  readonly path: string;
}

export type DiffEvent =
  | { kind: 'namespace-moved'; from: string; to: string; detected: boolean; operations: number }
  | { kind: 'endpoint-moved'; service: string; from: string; to: string; operations: number }
  | { kind: 'operation-added'; op: OperationRef }
  | { kind: 'operation-removed'; op: OperationRef }
  | { kind: 'operation-pair'; old: Contract; new: Contract; map: NamespaceMap; endpointMove?: { from: string; to: string } }
  | ({ kind: 'body-pair'; oldBody: Field; newBody: Field } & MessageScope & { path: string })
  | ({ kind: 'field-added'; field: Field; index: number } & FieldEventBase)
  | ({ kind: 'field-removed'; field: Field; index: number } & FieldEventBase)
  | ({ kind: 'field-renamed'; oldField: Field; newField: Field } & FieldEventBase)
  | ({ kind: 'fields-reordered'; oldOrder: readonly string[]; newOrder: readonly string[] } & FieldEventBase)
  | ({ kind: 'field-pair'; oldField: Field; newField: Field; oldTypes: TypeRegistry; newTypes: TypeRegistry } & FieldEventBase)
  | ({ kind: 'enum-pair'; oldType: SimpleTypeDef; newType: SimpleTypeDef } & FieldEventBase)
  | ({ kind: 'complex-type-pair'; oldType: ComplexTypeDef; newType: ComplexTypeDef } & FieldEventBase)
  | ({ kind: 'attribute-added'; attribute: Attribute } & FieldEventBase)
  | ({ kind: 'attribute-removed'; attribute: Attribute } & FieldEventBase);

export type EventKind = DiffEvent['kind'];
export type EventOf<K extends EventKind> = Extract<DiffEvent, { kind: K }>;

/** What a check says about one event: the one-line message, or nothing. */
export type Detection = string | undefined;

export interface DiffCheck<K extends EventKind = EventKind> {
  /** Stable public id, e.g. `request-field/added-required`. */
  readonly id: string;
  readonly level: Level;
  readonly direction: DiffDirection;
  readonly location: Location;
  readonly action: Action;
  /** One line: what it finds. */
  readonly description: string;
  /** Why this level, by the rule "breaking if a client that followed the old contract can stop working". */
  readonly reason: string;
  /**
   * The check for the same change the other way round (request ↔ response, added ↔ removed),
   * or `{ none: why }` when there is none.
   */
  readonly mirror: string | { readonly none: string };
  /** The event it listens to. */
  readonly on: K;
  detect(ev: EventOf<K>): Detection;
}

/** One reported change. */
export interface Change {
  readonly id: string;
  readonly level: Level;
  readonly direction: DiffDirection;
  /** `Service/Operation`, absent for facts about the whole set (namespace and endpoint moves). */
  readonly operation?: string;
  /** Where inside the operation (or the named type), e.g. `request /SaveCredential/UserId`. */
  readonly path?: string;
  /**
   * The named type the change lies in, when it was found inside a type shared by several
   * operations: reported once, with every operation that uses it in `operations`.
   */
  readonly type?: string;
  readonly operations?: readonly string[];
  readonly message: string;
}

/** A check listening to any one kind of event. */
export type AnyCheck = { [K in EventKind]: DiffCheck<K> }[EventKind];
