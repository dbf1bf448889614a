/**
 * Resolve a reference (文号 and/or 《title》) to a stored document, else to a known-by-reference
 * key. 文号 first (normalised, so 〔〕/［］/（） and 號 all match), then the exact title, then a
 * near title (punctuation, brackets and the 印发 wrapper ignored).
 */
import { identifierKeys, normaliseIdentifier } from '../domain/doc-number.js';
import { nearTitleKey, titleKey } from '../extract/reference-keys.js';

export { nearTitleKey, titleKey };

export interface Resolvable {
  readonly id: string;
  readonly docNumber: string | null;
  readonly title: string | null;
}

export interface Resolution {
  readonly id: string;
  readonly docNumber: string | null;
  readonly title: string | null;
  /** How it matched; `ref` = not held, keyed by reference. */
  readonly by: 'docNumber' | 'title' | 'near-title' | 'ref';
}

export function refKey(docNumber: string | null, title: string | null): string {
  return docNumber ? `ref:${docNumber}` : `ref:《${title ?? ''}》`;
}

export class Resolver {
  private readonly byNumber = new Map<string, Resolvable>();
  private readonly byTitle = new Map<string, Resolvable>();
  private readonly byNear = new Map<string, Resolvable[]>();

  constructor(docs: Iterable<Resolvable>) {
    for (const d of docs) {
      // A 文号, or a 令 number (规章 carry no 文号): by its canonical key, and by the 令 without its year.
      for (const k of d.docNumber ? identifierKeys(d.docNumber) : []) if (!this.byNumber.has(k)) this.byNumber.set(k, d);
      if (d.title) {
        if (!this.byTitle.has(titleKey(d.title))) this.byTitle.set(titleKey(d.title), d);
        const near = nearTitleKey(d.title);
        this.byNear.set(near, [...(this.byNear.get(near) ?? []), d]);
      }
    }
  }

  resolve(docNumber: string | null, title: string | null): Resolution {
    const n = docNumber ? (normaliseIdentifier(docNumber) ?? docNumber) : null;
    const hit = (docNumber ? identifierKeys(docNumber) : []).map((k) => this.byNumber.get(k)).find((d) => d !== undefined);
    if (hit) return { ...pick(hit), by: 'docNumber' };
    // A title match must not contradict a printed 文号: that would be another document.
    const ok = (d: Resolvable) => n === null || d.docNumber === null || normaliseIdentifier(d.docNumber) === n;
    if (title) {
      const exact = this.byTitle.get(titleKey(title));
      if (exact && ok(exact)) return { ...pick(exact), by: 'title' };
      const near = (this.byNear.get(nearTitleKey(title)) ?? []).filter(ok);
      if (near.length === 1) return { ...pick(near[0]!), by: 'near-title' };
    }
    return { id: refKey(n, title), docNumber: n, title, by: 'ref' };
  }
}

function pick(d: Resolvable) {
  return { id: d.id, docNumber: d.docNumber, title: d.title };
}
