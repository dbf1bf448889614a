/**
 * De-identification (去标识化) of what is published: every private finding is masked in place,
 * keeping its length (何小双 → 何**, 15095810013 → 150****0013), so positions, snippets and
 * the character accounting of the text stay as they were. The stored original is never changed;
 * this is applied where stored text becomes published text (src/store/published.ts) and where
 * the search index is fed (src/search/document.ts).
 */
import type { OfficialDocument, Table } from '../domain/types.js';
import { findPersonalData, type Finding, type FindOptions, type PersonalKind } from './privacy.js';
import { privacyView, type PrivacyView } from './privacy-view.js';
import { surnameLength } from './privacy-names.js';

/** A finding as an editor identifies it: the printed text with the whitespace taken out. */
export const findingKey = (text: string): string => privacyView(text).s;

/** What is masked in one document: each private finding's key, with its kind; released keys are left out. */
export type Secrets = ReadonlyMap<string, PersonalKind>;

/** How many leading and trailing characters (digits for numbers) a mask keeps. */
function kept(kind: PersonalKind, key: string, n: number): [number, number] {
  switch (kind) {
    case 'name':
      return [surnameLength(key) || 1, 0];
    case 'mobile':
      return [3, 4];
    case 'landline':
      // The area code and two digits stay: 023-77****09, 77****58.
      return [Math.max(2, n - 6), 2];
    case 'id-number':
      return [3, 4];
    case 'bank-card':
      return [4, 4];
    case 'qq':
      return [2, 2];
    case 'email':
      return [Math.min(2, n - 1), 0];
  }
}

/** The mask of a finding as printed: whitespace and separators stay, the same length. */
export function maskFinding(kind: PersonalKind, text: string): string {
  const key = findingKey(text);
  // Numbers keep their separators (023-, 138-); an e-mail keeps its domain.
  const maskable = kind === 'name' || kind === 'email' ? /[^\s\u3000]/ : kind === 'id-number' ? /[0-9０-９XxＸｘ]/ : /[0-9０-９]/;
  const at = kind === 'email' ? text.search(/[@＠]/) : text.length;
  const positions = [...text.slice(0, at)].map((c, i) => (maskable.test(c) ? i : -1)).filter((i) => i >= 0);
  const [head, tail] = kept(kind, key, positions.length);
  const hidden = new Set(positions.slice(Math.max(0, head), positions.length - tail));
  return [...text].map((c, i) => (hidden.has(i) ? '*'.repeat(c.length) : c)).join('');
}

/** Every private finding of the text plus every occurrence of the document's secrets, masked. */
export function deidentifyText(text: string, secrets: Secrets = new Map(), released: ReadonlySet<string> = new Set()): string {
  if (text === '') return text;
  const v = secrets.size > 0 ? privacyView(text) : undefined;
  const spans = findPersonalData(text, {}, v).filter((f) => !released.has(findingKey(f.text)));
  if (v) spans.push(...occurrences(text, v, secrets));
  if (spans.length === 0) return text;
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let out = '';
  let at = 0;
  for (const f of spans) {
    if (f.start < at) continue;
    out += text.slice(at, f.start) + maskFinding(f.kind, text.slice(f.start, f.end));
    at = f.end;
  }
  return out + text.slice(at);
}

/**
 * Where the secrets stand in the text, across line breaks; a number only as a whole number. One
 * pass over the text, looking up each key length at each position (a document with thousands of
 * numbers must not cost thousands of passes).
 */
function occurrences(text: string, v: PrivacyView, secrets: Secrets): Finding[] {
  const byLength = new Map<number, Map<string, PersonalKind>>();
  for (const [key, kind] of secrets) (byLength.get(key.length) ?? byLength.set(key.length, new Map()).get(key.length)!).set(key, kind);
  const firsts = new Set([...secrets.keys()].map((k) => k[0]));
  const out: Finding[] = [];
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let i = 0; i < v.s.length; i++) {
    if (!firsts.has(v.s[i])) continue;
    for (const [n, keys] of byLength) {
      const key = v.s.slice(i, i + n);
      const kind = key.length === n ? keys.get(key) : undefined;
      if (kind === undefined) continue;
      const j = i + n;
      if ((digit(key[0]) && digit(v.s[i - 1])) || (digit(key[n - 1]) && digit(v.s[j]))) continue;
      const start = v.map[i]!;
      const end = v.map[j - 1]! + 1;
      out.push({ kind, text: text.slice(start, end), start, end });
    }
  }
  return out;
}

/** A table cell read with its column's header in front: a 联系人 column holds names. */
export function cellFindings(table: Table): Finding[] {
  const out: Finding[] = [];
  for (const row of [table.header, ...table.rows]) {
    row.forEach((cell, j) => {
      const label = table.header[j] ?? '';
      const prefix = row === table.header || label === '' ? '' : `${label}：`;
      for (const f of findPersonalData(prefix + cell)) {
        if (f.start >= prefix.length) out.push({ ...f, start: f.start - prefix.length, end: f.end - prefix.length });
      }
    });
  }
  return out;
}

/** The private findings of a document, wherever it prints them (text, tables, the original extraction). */
/**
 * The findings of the document's text. Pages printed in traditional characters (聯繫人：何小雙) are
 * read in their simplified form, which OpenCC keeps aligned character for character, and reported
 * as printed.
 */
export function textFindings(doc: OfficialDocument, opts: FindOptions = {}): Finding[] {
  const found = findPersonalData(doc.text, opts);
  const simplified = doc.simplifiedText;
  if (simplified === undefined || simplified.length !== doc.text.length) return found;
  const at = new Set(found.map((f) => f.start));
  for (const f of findPersonalData(simplified, opts)) {
    if (!at.has(f.start)) found.push({ ...f, text: doc.text.slice(f.start, f.end) });
  }
  return found.sort((a, b) => a.start - b.start);
}

export function documentSecrets(doc: OfficialDocument, released: ReadonlySet<string> = new Set()): Map<string, PersonalKind> {
  const found = [...textFindings(doc), ...[doc.simplifiedText ?? '', doc.originalText].flatMap((t) => findPersonalData(t))];
  found.push(...doc.tables.flatMap(cellFindings));
  const secrets = new Map<string, PersonalKind>();
  for (const f of found) {
    const key = findingKey(f.text);
    if (!released.has(key) && !secrets.has(key)) secrets.set(key, f.kind);
  }
  return secrets;
}

/**
 * What deidentifyDocument does to each text of this document, for a caller that needs only some
 * of them (the search text); null when nothing is private. Every field is cut from the text, its
 * tables or its original: nothing found there, nothing anywhere.
 */
export function documentMask(doc: OfficialDocument, released: ReadonlySet<string> = new Set()): ((s: string) => string) | null {
  const secrets = documentSecrets(doc, released);
  return secrets.size === 0 ? null : (s: string) => deidentifyText(s, secrets, released);
}

/** A table with its title and every cell masked (the published document's and the search text's). */
export function maskTable<T extends Table>(t: T, mask: (s: string) => string): T {
  return { ...t, ...(t.title !== undefined ? { title: mask(t.title) } : {}), header: t.header.map(mask), rows: t.rows.map((r) => r.map(mask)) };
}

/** The document as published: every text it carries de-identified; `released`: keys an editor made public. */
export function deidentifyDocument(doc: OfficialDocument, released: ReadonlySet<string> = new Set()): OfficialDocument {
  const mask = documentMask(doc, released);
  if (mask === null) return doc;
  const maybe = (s: string | null | undefined) => (s === null || s === undefined ? s : mask(s));
  return {
    ...doc,
    addressees: maybe(doc.addressees) ?? null,
    text: mask(doc.text),
    ...(doc.simplifiedText !== undefined ? { simplifiedText: mask(doc.simplifiedText) } : {}),
    originalText: mask(doc.originalText),
    body: doc.body.map((b) => ({ ...b, text: mask(b.text), ...(b.heading !== undefined ? { heading: mask(b.heading) } : {}) })),
    tables: doc.tables.map((t) => maskTable(t, mask)),
    attachments: doc.attachments.map((a) => ({ ...a, title: mask(a.title) })),
    warnings: doc.warnings.map((w) => ({ ...w, message: mask(w.message) })),
  };
}
