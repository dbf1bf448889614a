/**
 * One scan of the corpus per database state: the unit names the documents mention and the task
 * register (extract/tasks). Keyed by the issues' content hashes, so a new ingest refreshes it.
 */
import { extractTasks, registerByUnit, type UnitRegister } from '../../extract/tasks.js';
import type { Store } from '../../store/store.js';

// 区发展改革委, 区经济信息委, 区林业局, 区政府办公室… : 区 + a short name + an agency suffix.
const UNIT_NAME = /区(?:政府)?[\u4e00-\u9fa5]{1,7}?(?:委员会|委|局|办公室|办)(?![\u4e00-\u9fa5]{0,1}[长员])/g;

export interface UnitIndex {
  /** Unit name → number of documents whose text names it. */
  readonly mentions: Map<string, number>;
  /** Unit name → what it leads (牵头) and shares (责任/配合). */
  readonly register: Map<string, UnitRegister>;
}

const cache = new WeakMap<Store, { key: string; index: Promise<UnitIndex> }>();

async function build(store: Store): Promise<UnitIndex> {
  const mentions = new Map<string, number>();
  const tasks = [];
  for await (const d of store.allDocuments()) {
    for (const name of new Set(d.text.replace(/\s+/g, '').match(UNIT_NAME) ?? [])) {
      // 区人民政府… is the tail of 武隆区人民政府…, the government itself, not a department.
      if (!name.startsWith('区人民政府')) mentions.set(name, (mentions.get(name) ?? 0) + 1);
    }
    tasks.push(...extractTasks(d));
  }
  return { mentions, register: new Map(registerByUnit(tasks).map((u) => [u.unit, u])) };
}

export async function unitIndex(store: Store): Promise<UnitIndex> {
  const key = (await store.listIssues()).map((i) => i.sha256).sort().join(',');
  const hit = cache.get(store);
  if (hit && hit.key === key) return hit.index;
  const index = build(store);
  cache.set(store, { key, index });
  return index;
}
