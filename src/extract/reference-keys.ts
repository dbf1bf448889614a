/**
 * The keys a reference (文号 and/or 《title》) is resolved by, as text: shared by the resolver
 * (src/status/resolve.ts) and the stores, which index every document's references by them so an
 * incremental recompute finds the documents a newly stored one can change.
 */
import { identifierKeys } from '../domain/doc-number.js';
import { compact } from './text.js';

/** Title with damage and punctuation variants removed: the exact-match key. */
export function titleKey(title: string): string {
  return compact(title)
    .replace(/[《》“”"'‘’·•\s]/g, '')
    .replace(/[(（［\[【]/g, '（')
    .replace(/[)）］\]】]/g, '）')
    .replace(/——|—|－|-/g, '-');
}

/** The instrument inside 关于印发X的通知 / 转发X的通知, issuer dropped: the near-match key. */
export function nearTitleKey(title: string): string {
  const k = titleKey(title).replace(/（修订稿）|（修订）/g, '');
  const m = /关于(?:印发|转发|印送)(.+?)(?:的)?通知$/.exec(k);
  if (m) return m[1]!;
  const about = /关于(.+)$/.exec(k);
  return about ? about[1]! : k;
}

/**
 * Every key a reference can match a document at (and a document be matched at): its 文号's
 * identifier keys, its exact title key and its near title key. Two references or documents
 * without a key in common never affect each other's resolution.
 */
export function resolutionKeys(docNumber: string | null, title: string | null): string[] {
  const keys = docNumber ? identifierKeys(docNumber).map((k) => `n:${k}`) : [];
  if (title) keys.push(`t:${titleKey(title)}`, `near:${nearTitleKey(title)}`);
  return keys;
}
