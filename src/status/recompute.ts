/**
 * After every ingest: rebuild all relations and every held document's status (as of today) from
 * the stored documents and the editors' corrections. Talks to the Store interface only.
 */
import type { OfficialDocument } from '../domain/types.js';
import type { Store, StoredStatus } from '../store/store.js';
import { markStale, type EditorialStore } from './editorial.js';
import { statusAsOf } from './status-as-of.js';
import { buildWorld, type World } from './world.js';

/** Today in China (UTC+8): the documents' dates are Beijing dates, so "today" must be too. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The part of the Store the status code needs (lets tests pass a small fake). */
export type StatusStore = Pick<Store, 'allDocuments' | 'corrections' | 'derivedState' | 'saveDerived'>;

/** Every stored document and correction, judged together (a repeal in one issue acts on another). */
export async function loadWorld(store: Pick<Store, 'allDocuments' | 'corrections'>): Promise<World> {
  const documents: OfficialDocument[] = [];
  for await (const d of store.allDocuments()) documents.push(d);
  const corrections = await store.corrections();
  return buildWorld({ documents, corrections });
}

export function statusesOf(world: World, at: string): StoredStatus[] {
  const out: StoredStatus[] = [];
  for (const f of world.docs.values()) {
    if (!f.held) continue;
    const v = statusAsOf(f, world.events.get(f.id) ?? [], world.corrections.get(f.id) ?? [], at);
    out.push({ documentId: f.id, status: v.status, since: v.since, evidence: v.evidence });
  }
  return out;
}

export async function recomputeAll(store: StatusStore, today: string = todayInChina()): Promise<{ relations: number; statuses: number }> {
  // The change count is read before the documents: what is saved reflects at least that many.
  const { changes } = await store.derivedState();
  const world = await loadWorld(store);
  const statuses = statusesOf(world, today);
  // 解读 and 问答 resting on a document just repealed or amended become 待更新 (stores that keep them).
  // Before the derived facts are saved: killed in between, the recompute is still owed and marking
  // again changes nothing (it is idempotent).
  if ('listQa' in store) await markStale(store as unknown as EditorialStore, statuses);
  await store.saveDerived(changes, world.relations, statuses);
  return { relations: world.relations.length, statuses: statuses.length };
}

/**
 * Complete a recompute that committed changes are owed — after this process's own ingest, or one
 * that was killed between its last commit and its recompute. True when one was run.
 */
export async function recomputeIfOwed(store: StatusStore, today: string = todayInChina()): Promise<boolean> {
  const { changes, derived } = await store.derivedState();
  if (changes <= derived) return false;
  await recomputeAll(store, today);
  return true;
}
