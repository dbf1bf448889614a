/** All documents, filtered by kind / status / year / issuer (linked from the home page counts). */
import type { LegalStatus } from '../../domain/types.js';
import type { DocumentFilter, Store } from '../../store/store.js';
import { html } from '../html.js';
import { toSummary } from '../views/documents.js';
import { withoutUndefined } from '../views/search.js';
import { docList, page, pager } from './layout.js';

export interface DocumentsParams {
  kind?: string | undefined;
  status?: LegalStatus | undefined;
  year?: number | undefined;
  issuer?: string | undefined;
  limit: number;
  offset: number;
}

export async function documentsPage(store: Store, p: DocumentsParams): Promise<string> {
  const { total, items } = await store.listDocuments({ ...(withoutUndefined(p) as DocumentFilter), sort: '-signedOn' });
  const label = [p.year && `${p.year}年`, p.issuer, p.kind, p.status].filter(Boolean).join(' · ') || '全部';
  return page(
    { title: `文件：${label}` },
    html`<h1>文件（${label}）</h1>
<p>共 ${total} 件，按成文日期由新到旧。</p>
${docList(items.map(toSummary))}
${pager('/documents', { kind: p.kind, status: p.status, year: p.year, issuer: p.issuer }, total, p.limit, p.offset)}`,
  );
}
