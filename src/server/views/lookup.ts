/**
 * 文号 look-up first: a query that is a 文号 answers with the document it names — held, or known
 * only because others cite, repeal or list it — with its status and evidence, then the stored
 * documents that refer to it. A 目录's variant spelling (武隆府办 for 武隆府办发) finds the document
 * with a note saying why. Shared by the search page, the API and `gongbao search`.
 */
import { formatDocNumber, nearDocNumbers, normaliseDocNumber, parseDocNumber } from '../../domain/doc-number.js';
import type { KnownReference, Store } from '../../store/store.js';
import type { DocNumberLookupT, DocumentSummaryT } from '../api/schemas.js';
import { referenceDetail, statusInfo, toSummary } from './documents.js';
import { memo } from './memo.js';
import { knownReferences } from './registers.js';
import { docUrl, refKey, refUrl } from './urls.js';

export async function lookupDocNumber(store: Store, q: string): Promise<DocNumberLookupT | null> {
  const n = parseDocNumber(q.trim());
  if (!n) return null;
  const asked = formatDocNumber(n);
  // Exact; then what an issue's 主要文件目录 printed as this 文号 for a document printing another;
  // then the near spelling of the same series.
  const aliases = await listedAs(store, asked);
  for (const candidate of new Set([asked, ...aliases, ...nearDocNumbers(n).map(formatDocNumber)])) {
    const found = await held(store, candidate) ?? await reference(store, candidate) ?? await listed(store, candidate);
    if (!found) continue;
    if (candidate !== asked) return { ...found, asked, note: await variantNote(store, asked, found) };
    // The 文号 is this document's, yet a 目录 also gives it to another document: say so.
    const others = aliases.filter((a) => a !== found.docNumber);
    const note = others.length ? `另：公报的主要文件目录也把文号为 ${others.join('、')} 的文件列为 ${asked}。` : null;
    return { ...found, asked, note };
  }
  return null;
}

type Found = Omit<DocNumberLookupT, 'asked' | 'note'>;

async function held(store: Store, docNumber: string): Promise<Found | null> {
  const d = await store.getDocument(docNumber);
  if (!d) return null;
  return {
    docNumber: d.docNumber ?? docNumber, id: d.id, held: true, title: d.title, signedOn: d.signedOn,
    status: await statusInfo(store, d.id), citedBy: await citedBy(store, d.id), url: docUrl(d.id),
  };
}

async function reference(store: Store, docNumber: string): Promise<Found | null> {
  const r = await referenceDetail(store, docNumber);
  if (!r) return null;
  return {
    docNumber: r.docNumber ?? docNumber, id: r.id, held: false, title: r.title, signedOn: null,
    status: r.status, citedBy: await citedBy(store, r.id), url: r.url,
  };
}

/** Listed in an issue's 主要文件目录 but neither printed nor referred to by any document. */
async function listed(store: Store, docNumber: string): Promise<Found | null> {
  const r = (await memo(store, 'referencesByDocNumber', async () => {
    const out = new Map<string, KnownReference>();
    for (const x of await knownReferences(store)) if (x.docNumber !== null && !out.has(x.docNumber)) out.set(x.docNumber, x);
    return out;
  })).get(docNumber);
  if (!r) return null;
  const id = refKey(docNumber);
  return {
    docNumber, id, held: false, title: r.title, signedOn: null,
    status: await statusInfo(store, id), citedBy: [], url: refUrl(id, docNumber),
  };
}

async function citedBy(store: Store, id: string): Promise<DocNumberLookupT['citedBy']> {
  const { incoming } = await store.relations(id);
  const verbs = new Map<string, Set<string>>();
  for (const r of incoming) verbs.set(r.subjectId, (verbs.get(r.subjectId) ?? new Set()).add(r.verb));
  if (verbs.size === 0) return [];
  const { items } = await store.listDocuments({ ids: [...verbs.keys()], sort: '-signedOn', limit: verbs.size });
  return items.map(({ issueId: _, ...s }) => ({ ...s, url: docUrl(s.id), verbs: [...verbs.get(s.id)!] }));
}

/** The crosscheck's words (src/ingest/crosscheck.ts): 主要文件目录 lists 《…》 as X; the document prints Y. */
const INDEX_MISMATCH = /\bas (\S+); the document prints (\S+)$/;

/** 文号 printed by documents that an issue's 主要文件目录 lists as `asked`. */
async function listedAs(store: Store, asked: string): Promise<string[]> {
  const all = await memo(store, 'listedAs', async () => {
    const out = new Map<string, string[]>();
    for (const issue of await store.listIssues()) {
      for (const w of issue.warnings) {
        const m = w.code === 'index-docnumber-mismatch' ? INDEX_MISMATCH.exec(w.message) : null;
        if (!m) continue;
        const listed = normaliseDocNumber(m[1]!);
        const printed = normaliseDocNumber(m[2]!);
        if (listed && printed) out.set(listed, [...(out.get(listed) ?? []), printed]);
      }
    }
    return out;
  });
  return all.get(asked) ?? [];
}

/** Why a different 文号 answers: the issue's own 主要文件目录 prints it so, or it is only near. */
async function variantNote(store: Store, asked: string, found: Found): Promise<string> {
  const doc = found.held ? await store.getDocument(found.id) : null;
  const listedSo = doc?.warnings.some((w) => w.code === 'index-docnumber-mismatch' && w.message.includes(asked));
  return listedSo
    ? `公报的主要文件目录将本文件列为 ${asked}，文件本身印的文号是 ${found.docNumber}。`
    : `本库没有 ${asked}；机关代字相近的文件是 ${found.docNumber}，请核对是否为同一文件。`;
}

/** Documents near a 文号 nobody holds or refers to: same agency and year, nearest serial first. */
export async function similarDocNumbers(store: Store, key: string, max = 5): Promise<DocumentSummaryT[]> {
  const n = parseDocNumber(key.trim());
  if (!n) return [];
  const agencies = new Set([n.agency, ...nearDocNumbers(n).map((v) => v.agency)]);
  const { items } = await store.listDocuments({ year: n.year, limit: 10_000 });
  return items
    .map((d) => ({ d, p: d.docNumber ? parseDocNumber(d.docNumber) : null }))
    .filter((x) => x.p && agencies.has(x.p.agency) && x.p.year === n.year)
    .sort((a, b) => Math.abs(a.p!.serial - n.serial) - Math.abs(b.p!.serial - n.serial))
    .slice(0, max)
    .map((x) => toSummary(x.d));
}
