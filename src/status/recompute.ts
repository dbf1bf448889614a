/**
 * After every ingest: relations and every held document's status (as of today) from the stored
 * documents and the editors' corrections — all of them (`recomputeAll`), or, on a store that keeps
 * track of what changed (SQLite), only where something can have moved (`recomputeOwed`). Talks to
 * the Store interface only.
 */
import { statusInputOf, statusKeys, type StatusInput } from '../extract/status-input.js';
import type { OfficialDocument } from '../domain/types.js';
import { isIncremental, type IncrementalDerivation, type StatusCorrection, type Store, type StoredStatus } from '../store/store.js';
import { markStale, type EditorialStore } from './editorial.js';
import { statusAsOf } from './status-as-of.js';
import { deriveWorld, resolverOf, type World } from './world.js';

/** Today in China (UTC+8): the documents' dates are Beijing dates, so "today" must be too. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** The part of the Store the status code needs (lets tests pass a small fake). */
export type StatusStore = Pick<Store, 'allDocuments' | 'allStatusInputs' | 'corrections' | 'derivedState' | 'saveDerived'>;

/**
 * Every stored document and correction, judged together (a repeal in one issue acts on another):
 * from the status inputs stored at ingest when the store keeps them (no text read or re-extracted),
 * else from the documents.
 */
export async function loadWorld(store: Pick<Store, 'allDocuments' | 'allStatusInputs' | 'corrections'>): Promise<World> {
  const corrections = await store.corrections();
  if (isIncremental(store)) {
    const all = await store.resolvables();
    const world = deriveWorld(await store.statusInputs(all.map((d) => d.id)), resolverOf(all));
    return { ...world, corrections: byDocument(corrections) };
  }
  // A store keeping every document's inputs (PostgreSQL) hands them over without the texts.
  const inputs = store.allStatusInputs ? await store.allStatusInputs() : await inputsOf(store.allDocuments());
  return { ...deriveWorld(inputs, resolverOf(inputs)), corrections: byDocument(corrections) };
}

/**
 * As buildWorld does, but keeping each document's status input only, not the document: 100,000
 * documents' texts are several GB (PostgreSQL's recompute ran out of heap at 100k). The input is
 * copied through JSON: its strings may be slices that keep the whole text alive.
 */
async function inputsOf(docs: AsyncIterable<OfficialDocument>): Promise<StatusInput[]> {
  const inputs: StatusInput[] = [];
  for await (const d of docs) inputs.push(JSON.parse(JSON.stringify(statusInputOf(d))) as StatusInput);
  return inputs;
}

function byDocument(corrections: readonly StatusCorrection[]): Map<string, StatusCorrection[]> {
  const out = new Map<string, StatusCorrection[]>();
  for (const c of corrections) out.set(c.documentId, [...(out.get(c.documentId) ?? []), c]);
  return out;
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
  await store.saveDerived(changes, world.relations, statuses, today);
  return { relations: world.relations.length, statuses: statuses.length };
}

/**
 * Complete a recompute that committed changes are owed — after this process's own ingest, or one
 * that was killed between its last commit and its recompute. True when one was run.
 */
export async function recomputeIfOwed(store: StatusStore, today: string = todayInChina()): Promise<boolean> {
  const { changes, derived } = await store.derivedState();
  if (changes <= derived) return false;
  if (!isIncremental(store) || !(await recomputeOwed(store, today))) await recomputeAll(store, today);
  return true;
}

/**
 * Recompute only where something can have moved since the last derivation (judged today): the
 * changed documents, every document with a reference at a key a changed document holds or held
 * (its citations may now resolve elsewhere), and the documents any of these relate to. Their
 * statuses take every event aimed at them, so the documents relating to them are derived again
 * too. Gives what recomputeAll gives (test/status-incremental.test.ts); false when a full
 * recompute is due instead (statuses judged another day, or another recompute saved meanwhile).
 */
export async function recomputeOwed(store: StatusStore & IncrementalDerivation, today: string = todayInChina()): Promise<boolean> {
  const owed = await store.owedDerivation();
  if (owed.derivedOn !== today) return false;
  const resolver = resolverOf(await store.resolvables());
  const changed = await store.statusInputs(owed.documents);
  const keys = new Set([...owed.keys, ...changed.flatMap((s) => statusKeys(s).own)]);
  const subjects = new Set([...owed.documents, ...(await store.referencing([...keys]))]);
  // What the affected documents relate to, before and after: their statuses may move.
  const fresh = deriveWorld(await store.statusInputs([...subjects]), resolver);
  const objects = new Set([...owed.documents, ...fresh.relations.map((r) => r.objectId)]);
  for (const r of await store.relationsAround([...subjects])) if (subjects.has(r.subjectId)) objects.add(r.objectId);
  // Every document with a relation to one of those: its events there make their statuses.
  const around = await store.relationsAround([...objects].filter((id) => !id.startsWith('ref:')));
  const derivedFor = new Set([...subjects, ...objects, ...around.filter((r) => objects.has(r.objectId)).map((r) => r.subjectId)]);
  const world = deriveWorld(await store.statusInputs([...derivedFor].filter((id) => !id.startsWith('ref:'))), resolver);
  const statuses = statusesOf({ ...world, corrections: byDocument(await store.corrections()) }, today).filter((s) => objects.has(s.documentId));
  if ('listQa' in store) await markStale(store as unknown as EditorialStore, statuses);
  return store.saveDerivedPart(owed, today, [...derivedFor], world.relations, statuses);
}
