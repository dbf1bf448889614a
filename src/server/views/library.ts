/**
 * 规范性文件库: the list the State Council asks every county to publish, split into 现行有效 and
 * 失效/废止. It holds the stored documents judged 规范性文件 at ingest (classifyNormative, kept by the
 * store), plus the documents we know only because a stored decision repealed them (most repealed
 * documents predate the gazettes).
 */
import type { LegalStatus } from '../../domain/types.js';
import type { Store } from '../../store/store.js';
import type { LibraryPageT, LibraryRowT, LibrarySort, LibraryTab } from '../api/schemas.js';
import { docUrl, refUrl } from './urls.js';
import { isNotedRepeal, notedBy, referenceDetail } from './documents.js';
import { compareDocNumbers } from '../../domain/doc-number.js';

const ENDED: readonly LegalStatus[] = ['已废止', '已失效'];

export const tabOf = (s: LegalStatus): LibraryTab => (ENDED.includes(s) ? 'repealed' : 'current');

async function heldRows(store: Store): Promise<LibraryRowT[]> {
  const { items } = await store.listDocuments({ normative: true, limit: 100000 });
  const rows: LibraryRowT[] = [];
  for (const d of items) {
    const st = await store.getStatus(d.id);
    const rels = ENDED.includes(d.status) ? await store.relations(d.id) : { incoming: [] };
    const by = rels.incoming.find((r) => r.verb === 'repeals');
    const byDoc = by ? await store.getDocument(by.subjectId) : null;
    rows.push({
      id: d.id,
      held: true,
      docNumber: d.docNumber,
      title: d.title,
      issuer: d.issuer,
      signedOn: d.signedOn,
      status: d.status,
      since: st?.since ?? null,
      repealedBy: by ? { docNumber: byDoc?.docNumber ?? null, title: byDoc?.title ?? null, url: docUrl(by.subjectId) } : null,
      statedBy: null,
      url: docUrl(d.id),
    });
  }
  return rows;
}

async function referencedRows(store: Store): Promise<LibraryRowT[]> {
  // Repealed by a stored decision, or stated to be repealed by a stored document (a noted repeal).
  const ids = new Set((await store.allRelations()).filter((r) => (r.verb === 'repeals' || isNotedRepeal(r)) && r.objectId.startsWith('ref:')).map((r) => r.objectId));
  const rows: LibraryRowT[] = [];
  for (const id of ids) {
    const ref = await referenceDetail(store, id);
    if (!ref) continue;
    const by = ref.incoming.find((l) => l.verb === 'repeals');
    rows.push({
      id: ref.id,
      held: false,
      docNumber: ref.docNumber,
      title: ref.title ?? ref.docNumber ?? ref.id,
      issuer: null,
      signedOn: null,
      status: ref.status.status,
      since: ref.status.since,
      repealedBy: by ? { docNumber: by.docNumber, title: by.title, url: by.url } : null,
      statedBy: by ? null : notedBy(ref.incoming),
      url: refUrl(ref.id, ref.docNumber),
    });
  }
  return rows;
}

const cmp = (a: string | null, b: string | null): number => (a ?? '').localeCompare(b ?? '', 'zh-CN');

/** The date a tab shows and sorts by: 成文日期 for 现行有效, the date it ended (废止/失效) for the other. */
export const rowDate = (r: LibraryRowT, tab: LibraryTab): string | null => (tab === 'repealed' ? r.since : r.signedOn);

function sortRows(rows: LibraryRowT[], sort: LibrarySort, tab: LibraryTab): LibraryRowT[] {
  const date = (r: LibraryRowT) => rowDate(r, tab);
  const by: Record<LibrarySort, (a: LibraryRowT, b: LibraryRowT) => number> = {
    // Undated rows last either way.
    '-signedOn': (a, b) => (date(a) === null ? 1 : 0) - (date(b) === null ? 1 : 0) || cmp(date(b), date(a)),
    signedOn: (a, b) => (date(a) === null ? 1 : 0) - (date(b) === null ? 1 : 0) || cmp(date(a), date(b)),
    docNumber: (a, b) => compareDocNumbers(a.docNumber, b.docNumber),
    title: (a, b) => cmp(a.title, b.title),
  };
  return [...rows].sort((a, b) => by[sort](a, b) || cmp(a.id, b.id));
}

/** Every row of one tab, sorted (for the page, the API and the CSV export). */
export async function libraryRows(store: Store, tab: LibraryTab, sort: LibrarySort): Promise<LibraryRowT[]> {
  const held = await heldRows(store);
  const heldNumbers = new Set(held.map((r) => r.docNumber));
  const refs = (await referencedRows(store)).filter((r) => !heldNumbers.has(r.docNumber));
  return sortRows([...held, ...refs].filter((r) => tabOf(r.status) === tab), sort, tab);
}

/** The size of both tabs: what the home page links to, counted as the library counts. */
export async function libraryTotals(store: Store): Promise<Record<LibraryTab, number>> {
  const [current, repealed] = await Promise.all([libraryRows(store, 'current', 'title'), libraryRows(store, 'repealed', 'title')]);
  return { current: current.length, repealed: repealed.length };
}

export async function libraryPage(store: Store, tab: LibraryTab, sort: LibrarySort, limit: number, offset: number): Promise<LibraryPageT> {
  const rows = await libraryRows(store, tab, sort);
  return { tab, sort, total: rows.length, held: rows.filter((r) => r.held).length, limit, offset, items: rows.slice(offset, offset + limit) };
}

const CSV_COLUMNS = ['发文字号', '标题', '发文机关', '成文日期', '效力状态', '状态日期', '废止文件', '链接'] as const;

/** What the 废止文件 cell says: the repealing document, or who stated the repeal without naming it. */
export const repealCell = (r: LibraryRowT): string | null =>
  r.repealedBy?.docNumber ?? r.repealedBy?.title ?? (r.statedBy ? `未载明（${r.statedBy.docNumber ?? '其他文件'}称其已废止）` : null);

function csvCell(v: string | null): string {
  const s = v ?? '';
  // Quote always; also defuse spreadsheet formulas.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
}

/** CSV with a BOM so spreadsheet software opens the Chinese text as UTF-8. */
export function libraryCsv(rows: LibraryRowT[], origin: string): string {
  const lines = [CSV_COLUMNS.map(csvCell).join(',')];
  for (const r of rows) {
    lines.push([r.docNumber, r.title, r.issuer, r.signedOn, r.status, r.since, repealCell(r), origin + r.url].map(csvCell).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
