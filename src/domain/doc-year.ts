/** The year a document belongs to: its 成文日期, else its 文号's year, else a year declared beside the file. */
import { parseDocNumber } from './doc-number.js';
import type { OfficialDocument } from './types.js';

export function documentYear(doc: Pick<OfficialDocument, 'signedOn' | 'docNumber' | 'declaredYear'>): number | null {
  const fromDate = doc.signedOn ? Number(doc.signedOn.slice(0, 4)) : NaN;
  if (Number.isFinite(fromDate) && fromDate > 1900) return fromDate;
  const n = doc.docNumber ? parseDocNumber(doc.docNumber) : null;
  return n ? n.year : (doc.declaredYear ?? null);
}
