/**
 * Units (departments). The task register (who leads, who shares) does not exist yet, so a unit's
 * page lists the documents it issued and the documents whose text names it.
 */
import type { Store } from '../../store/store.js';
import type { UnitDetailT, UnitListT } from '../api/schemas.js';
import { toSummary } from './documents.js';
import { unitUrl } from './urls.js';

// 区发展改革委, 区经济信息委, 区林业局, 区政府办公室… : 区 + a short name + an agency suffix.
const UNIT_NAME = /区(?:政府)?[\u4e00-\u9fa5]{1,7}?(?:委员会|委|局|办公室|办)(?![\u4e00-\u9fa5]{0,1}[长员])/g;
const MIN_MENTIONS = 3;

const cache = new WeakMap<Store, Promise<Map<string, number>>>();

/** Unit names mentioned in the corpus, with how many documents mention each (computed once per store). */
function mentionedUnits(store: Store): Promise<Map<string, number>> {
  let p = cache.get(store);
  if (!p) {
    p = (async () => {
      const counts = new Map<string, number>();
      for await (const d of store.allDocuments()) {
        for (const name of new Set(d.text.replace(/\s+/g, '').match(UNIT_NAME) ?? [])) {
          // 区人民政府… is the tail of 武隆区人民政府…, the government itself, not a department.
          if (!name.startsWith('区人民政府')) counts.set(name, (counts.get(name) ?? 0) + 1);
        }
      }
      return counts;
    })();
    cache.set(store, p);
  }
  return p;
}

export async function unitList(store: Store): Promise<UnitListT> {
  const { items } = await store.listDocuments({ limit: 100000 });
  const counts = new Map<string, number>();
  for (const d of items) if (d.issuer) counts.set(d.issuer, (counts.get(d.issuer) ?? 0) + 1);
  for (const [name, n] of await mentionedUnits(store)) if (n >= MIN_MENTIONS && !counts.has(name)) counts.set(name, n);
  const sorted = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'));
  return { items: sorted.map(([name, documents]) => ({ name, documents, url: unitUrl(name) })) };
}

/** The sentence around a mention, so the reader sees the unit's role (牵头, 配合, 责任单位…). */
function snippetAt(text: string, at: number, name: string): string {
  const from = Math.max(0, at - 40);
  const to = Math.min(text.length, at + name.length + 40);
  return `${from > 0 ? '…' : ''}${text.slice(from, at)}«${name}»${text.slice(at + name.length, to)}${to < text.length ? '…' : ''}`;
}

export async function unitDetail(store: Store, name: string): Promise<UnitDetailT | null> {
  const all = (await store.listDocuments({ limit: 100000 })).items.map(toSummary);
  const issued = all.filter((d) => d.issuer === name);
  const issuedIds = new Set(issued.map((d) => d.id));
  const byId = new Map(all.map((d) => [d.id, d]));
  const named: UnitDetailT['named'] = [];
  for await (const d of store.allDocuments()) {
    if (issuedIds.has(d.id)) continue;
    const text = d.text.replace(/\s+/g, '');
    const at = text.indexOf(name);
    if (at < 0) continue;
    const summary = byId.get(d.id) ?? toSummary({ ...d, issueId: null, status: '未知' });
    named.push({ ...summary, mentions: text.split(name).length - 1, snippet: snippetAt(text, at, name) });
  }
  if (issued.length === 0 && named.length === 0) return null;
  named.sort((a, b) => (b.signedOn ?? '').localeCompare(a.signedOn ?? ''));
  return { name, issued, named, tasks: null };
}
