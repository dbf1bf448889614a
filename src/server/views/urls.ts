/** Portal URLs in one place: a document's stable address is its canonical 文号, else its id. */
import { normaliseDocNumber } from '../../domain/doc-number.js';

const enc = encodeURIComponent;

export function docUrl(idOrDocNumber: string): string {
  return `/doc/${enc(normaliseDocNumber(idOrDocNumber) ?? idOrDocNumber)}`;
}

/** A document we know only by reference: by its 文号 when known, else by the `ref:` key. */
export function refUrl(refId: string, docNumber: string | null): string {
  const dn = docNumber ?? normaliseDocNumber(refId.replace(/^ref:/, ''));
  return dn ? docUrl(dn) : `/doc/${enc(refId)}`;
}

export const issueUrl = (id: string): string => `/issues/${enc(id)}`;
export const unitUrl = (name: string): string => `/units/${enc(name)}`;

/** The `ref:` key the status engine uses for a document we do not hold. */
export function refKey(key: string): string {
  if (key.startsWith('ref:')) return key;
  const dn = normaliseDocNumber(key);
  return dn ? `ref:${dn}` : `ref:${key}`;
}
