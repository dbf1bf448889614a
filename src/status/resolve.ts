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

/** The documents sharing a near title, by their 文号 as normalised (a title match must not contradict one). */
interface NearGroup {
  readonly all: Resolvable[];
  readonly unnumbered: Resolvable[];
  readonly byNumber: Map<string, Resolvable[]>;
}

export class Resolver {
  private readonly byNumber = new Map<string, Resolvable>();
  private readonly byTitle = new Map<string, Resolvable>();
  private readonly byNear = new Map<string, NearGroup>();
  /** A document's 文号 normalised (null: none, or none that reads as one), computed once. */
  private readonly numberOf = new Map<Resolvable, string | null>();
  /**
   * Each (文号, title) resolved once: 600,000 citations at 100,000 documents name far fewer, and a
   * near title can be shared by thousands of documents (关于印发…的通知 of the same instrument).
   */
  private readonly resolved = new Map<string, Resolution>();

  constructor(docs: Iterable<Resolvable>) {
    for (const d of docs) {
      // A 文号, or a 令 number (规章 carry no 文号): by its canonical key, and by the 令 without its year.
      const keys = d.docNumber ? identifierKeys(d.docNumber) : [];
      for (const k of keys) if (!this.byNumber.has(k)) this.byNumber.set(k, d);
      this.numberOf.set(d, keys[0] ?? null);
      if (d.title) {
        if (!this.byTitle.has(titleKey(d.title))) this.byTitle.set(titleKey(d.title), d);
        const near = nearTitleKey(d.title);
        let group = this.byNear.get(near);
        if (!group) this.byNear.set(near, (group = { all: [], unnumbered: [], byNumber: new Map() }));
        group.all.push(d);
        const n = d.docNumber === null ? null : keys[0] ?? '';
        if (n === null) group.unnumbered.push(d);
        else if (n !== '') {
          const same = group.byNumber.get(n);
          if (same) same.push(d);
          else group.byNumber.set(n, [d]);
        }
      }
    }
  }

  resolve(docNumber: string | null, title: string | null): Resolution {
    const key = `${docNumber ?? '\u0000'}\u0001${title ?? '\u0000'}`;
    let r = this.resolved.get(key);
    if (!r) this.resolved.set(key, (r = this.resolveNew(docNumber, title)));
    return r;
  }

  private resolveNew(docNumber: string | null, title: string | null): Resolution {
    const n = docNumber ? (normaliseIdentifier(docNumber) ?? docNumber) : null;
    const hit = (docNumber ? identifierKeys(docNumber) : []).map((k) => this.byNumber.get(k)).find((d) => d !== undefined);
    if (hit) return { ...pick(hit), by: 'docNumber' };
    // A title match must not contradict a printed 文号: that would be another document.
    const ok = (d: Resolvable) => n === null || d.docNumber === null || this.numberOf.get(d) === n;
    if (title) {
      const exact = this.byTitle.get(titleKey(title));
      if (exact && ok(exact)) return { ...pick(exact), by: 'title' };
      const near = this.byNear.get(nearTitleKey(title));
      // Those not contradicting: every one when no 文号 is printed, else the unnumbered and the same-numbered.
      const fit = !near ? [] : n === null ? near.all : [...near.unnumbered, ...(near.byNumber.get(n) ?? [])];
      if (fit.length === 1) return { ...pick(fit[0]!), by: 'near-title' };
    }
    return { id: refKey(n, title), docNumber: n, title, by: 'ref' };
  }
}

function pick(d: Resolvable) {
  return { id: d.id, docNumber: d.docNumber, title: d.title };
}
