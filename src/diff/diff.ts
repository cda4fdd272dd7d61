/**
 * `diffContracts`: walk two contract sets (walk.ts), hand every event to the checks that listen
 * for it (registry.ts), and collect their changes at their levels (config overrides applied).
 */
import type { Contract } from '../contract/model.ts';
import { CHECK_LIST } from './registry.ts';
import { levelRank, type Change, type AnyCheck, type DiffEvent, type EventKind, type Level, type LevelSetting } from './model.ts';
import type { NamespaceMap } from '../contract/namespace-map.ts';
import { walkCollect, type EventSite } from './walk.ts';

export interface DiffOptions {
  /** Namespace moves (old → new URI); detected when absent. */
  namespaceMap?: ReadonlyMap<string, string>;
  /** Level per check id (`off` drops the check). */
  levels?: Readonly<Record<string, LevelSetting>>;
  /** The checks to run (default: all). */
  checks?: readonly AnyCheck[];
}

export interface DiffResult {
  namespaceMap: NamespaceMap;
  operations: { paired: number; added: number; removed: number };
  changes: Change[];
  counts: Record<Level, number>;
}

/** Does a check see this event? Same kind, same message direction, same place. */
function listens(c: AnyCheck, ev: DiffEvent): boolean {
  if (c.on !== ev.kind) return false;
  if ('direction' in ev && c.direction !== ev.direction) return false;
  if (ev.kind === 'enum-pair') return c.location === 'enum';
  if (ev.kind === 'complex-type-pair') return c.location === 'type';
  if (ev.kind === 'attribute-added' || ev.kind === 'attribute-removed') return c.location === 'attribute';
  if ('place' in ev) return c.location === ev.place;
  return true;
}

export function diffContracts(oldOps: readonly Contract[], newOps: readonly Contract[], opts: DiffOptions = {}): DiffResult {
  const checks = (opts.checks ?? CHECK_LIST).filter((c) => (opts.levels?.[c.id] ?? c.level) !== 'off');
  const byKind = new Map<EventKind, AnyCheck[]>();
  for (const c of checks) byKind.set(c.on, [...(byKind.get(c.on) ?? []), c]);

  const found: Array<{ change: Change; typeKey?: string }> = [];
  const onEvent = (ev: DiffEvent, site: EventSite): void => {
    for (const c of byKind.get(ev.kind) ?? []) {
      if (!listens(c, ev)) continue;
      const message = (c.detect as (e: DiffEvent) => string | undefined)(ev);
      if (message === undefined) continue;
      const level = (opts.levels?.[c.id] ?? c.level) as Level;
      const path = eventPath(ev);
      const change: Change = site.type
        ? { id: c.id, level, direction: c.direction, path, type: site.type.name, message }
        : { id: c.id, level, direction: c.direction, operation: site.operation, path, message };
      found.push({ change, typeKey: site.type?.key });
    }
  };
  const { outcome, usersOf } = walkCollect(oldOps, newOps, onEvent, { namespaceMap: opts.namespaceMap });
  const changes = found.map(({ change, typeKey }) => (typeKey ? { ...change, operations: usersOf(typeKey) } : change));
  changes.sort(changeOrder);
  const counts: Record<Level, number> = { ERR: 0, WARN: 0, INFO: 0 };
  for (const c of changes) counts[c.level]++;
  return { namespaceMap: outcome.map, operations: { paired: outcome.paired, added: outcome.added, removed: outcome.removed }, changes, counts };
}

/** `request /SaveCredential/UserId`: the message and the path of an event inside one; undefined otherwise. */
export function eventPath(ev: DiffEvent): string | undefined {
  return 'path' in ev ? `${'direction' in ev ? ev.direction : ''} ${ev.path}`.trim() : undefined;
}

/** Facts about the whole set first, then operations by name, then shared types by name; stable within. */
function changeOrder(a: Change, b: Change): number {
  const group = (c: Change): number => (c.type ? 2 : c.operation ? 1 : 0);
  const key = (c: Change): string => c.type ?? c.operation ?? '';
  return group(a) - group(b) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
}

/** Only the operations with these names (`Operation` or `Service/Operation`); all when none are given. */
export function onlyOperations(contracts: readonly Contract[], names: readonly string[]): Contract[] {
  if (names.length === 0) return [...contracts];
  const want = new Set(names);
  return contracts.filter((c) => want.has(c.operation) || want.has(`${c.service}/${c.operation}`));
}

