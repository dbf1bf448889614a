/**
 * The privacy review of one document, for editors (`gongbao review`, ingest warnings): every
 * personal-data finding with its position in the document's text. A finding printed only in a
 * table the text does not carry, or only in the original extraction, is given with that field.
 */
import type { OfficialDocument } from '../domain/types.js';
import { findPersonalData, type Finding, type PersonalKind } from './privacy.js';
import { cellFindings, findingKey, textFindings } from './privacy-mask.js';

export interface ReviewFinding {
  readonly docNumber: string | null;
  readonly id: string;
  readonly kind: PersonalKind;
  readonly text: string;
  /** UTF-16 offsets into `field` (the document's `text` unless said). */
  readonly start: number;
  readonly end: number;
  readonly field?: 'tables' | 'originalText';
  /** Published unmasked: a public service line, or a finding an editor marked public. */
  readonly public?: 'service-line' | 'marked';
}

export interface ReviewOptions {
  /** Also list public service lines and findings marked public. */
  readonly includePublic?: boolean;
  /** Finding keys (`findingKey`) an editor marked public. */
  readonly marked?: ReadonlySet<string>;
}

export function reviewDocument(doc: OfficialDocument, opts: ReviewOptions = {}): ReviewFinding[] {
  const marked = opts.marked ?? new Set<string>();
  const seen = new Set<string>();
  const out: ReviewFinding[] = [];
  const add = (fs: readonly Finding[], field?: ReviewFinding['field']) => {
    for (const f of fs) {
      const key = findingKey(f.text);
      if (field && seen.has(key)) continue;
      const pub = f.public ? 'service-line' : marked.has(key) ? 'marked' : undefined;
      if (pub && !opts.includePublic) continue;
      if (!field) seen.add(key);
      out.push({ docNumber: doc.docNumber, id: doc.id, kind: f.kind, text: f.text, start: f.start, end: f.end, ...(field ? { field } : {}), ...(pub ? { public: pub } : {}) });
    }
  };
  const include = { includePublic: opts.includePublic ?? false };
  add(textFindings(doc, include));
  add(doc.tables.flatMap(cellFindings), 'tables');
  add(findPersonalData(doc.originalText, include), 'originalText');
  return out;
}

/** 2 names, 1 mobile, 1 email — for the one-line ingest warning of a document. */
export function countByKind(findings: readonly ReviewFinding[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(', ');
}
