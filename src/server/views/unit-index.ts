/**
 * Two scans of the corpus per database state: first the department names the text mentions, then
 * where each known name (issuers, the stored task register's units, those names) is mentioned.
 * Keyed by the issues' content hashes, so a new ingest refreshes it; unit pages then never read
 * document text per request. The task register itself is read from the store (listUnits/listTasks).
 */
import type { Store } from '../../store/store.js';

// 区发展改革委, 区经济信息委, 区林业局, 区政府办公室… : 区 + a short name + an agency suffix.
const UNIT_NAME = /区(?:政府)?[\u4e00-\u9fa5]{1,7}?(?:委员会|委|局|办公室|办)(?![\u4e00-\u9fa5]{0,1}[长员])/g;

export interface Mention {
  readonly documentId: string;
  readonly count: number;
  /** The first mention with some context, the name marked «…». */
  readonly snippet: string;
}

export interface UnitIndex {
  /** Unit name → number of documents whose text names it (department-shaped names only). */
  readonly mentions: Map<string, number>;
  /** Every known unit name (issuers included) → the documents naming it. */
  readonly namedIn: Map<string, Mention[]>;
}

const cache = new WeakMap<Store, { key: string; index: Promise<UnitIndex> }>();

const compact = (s: string): string => s.replace(/\s+/g, '');

function snippetAt(text: string, at: number, name: string): string {
  const from = Math.max(0, at - 40);
  const to = Math.min(text.length, at + name.length + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, at)}«${name}»${text.slice(at + name.length, to)}${to < text.length ? '…' : ''}`;
}

async function build(store: Store): Promise<UnitIndex> {
  const mentions = new Map<string, number>();
  for await (const d of store.allDocuments()) {
    for (const name of new Set(compact(d.text).match(UNIT_NAME) ?? [])) {
      // 区人民政府… is the tail of 武隆区人民政府…, the government itself, not a department.
      if (!name.startsWith('区人民政府')) mentions.set(name, (mentions.get(name) ?? 0) + 1);
    }
  }
  const units = (await store.listUnits()).map((u) => u.unit);
  const { items } = await store.listDocuments({ limit: 1_000_000 });
  const names = new Set([...mentions.keys(), ...units, ...items.flatMap((d) => (d.issuer ? [d.issuer] : []))]);
  const namedIn = new Map<string, Mention[]>();
  for await (const d of store.allDocuments()) {
    const text = compact(d.text);
    for (const name of names) {
      const at = text.indexOf(name);
      if (at < 0) continue;
      const list = namedIn.get(name) ?? namedIn.set(name, []).get(name)!;
      list.push({ documentId: d.id, count: text.split(name).length - 1, snippet: snippetAt(text, at, name) });
    }
  }
  return { mentions, namedIn };
}

export async function unitIndex(store: Store): Promise<UnitIndex> {
  const key = (await store.listIssues()).map((i) => i.sha256).sort().join(',');
  const hit = cache.get(store);
  if (hit && hit.key === key) return hit.index;
  const index = build(store);
  cache.set(store, { key, index });
  return index;
}
