/**
 * A prepared file crossing from a parse worker to the storing thread without what SQLite's store
 * does not read from it: the document's body, text, simplified and original text (all in the
 * packed blob) and the registers' unit mentions and excerpt (in the prepared mention rows). Copying
 * them cost the storing thread as much again as the rest of the file (at 10,000 documents: 50 →
 * 20 KB a document, structured-clone read 0.15 → 0.075 ms). They come back on first read — the
 * fields from the blob, the mentions by the extractor — so a reader sees the same file.
 */
import type { OfficialDocument } from '../domain/types.js';
import type { PreparedDocument, PreparedResult } from '../store/prepared.js';
import { extractRegisters } from '../store/registers.js';
import type { DocumentRegisters } from '../store/store.js';
import { asBuffer, unpackedFields } from '../store/packed-content.js';

const PACKED_FIELDS = ['body', 'text', 'originalText', 'simplifiedText'] as const;
const MENTION_FIELDS = ['units', 'unitExcerpt'] as const;

/** A prepared file as sent: each document's and registers' keys in order, and which were left out. */
export interface SlimResult {
  readonly slim: PreparedResult;
  readonly keys: ReadonlyArray<{ readonly doc: string[]; readonly registers: string[] }>;
}

const without = <T extends object>(o: T, fields: readonly string[], leave: boolean): T =>
  leave ? (Object.fromEntries(Object.entries(o).filter(([k]) => !fields.includes(k))) as T) : o;

/** In the worker: a document loses what its packed blob holds, its registers what its mention rows do. */
export function slimResult(p: PreparedResult): SlimResult {
  const prepared = p.prepared.map((x) => ({ ...x, registers: without(x.registers, MENTION_FIELDS, x.mentions !== undefined) }));
  const documents = p.result.documents.map((d, i) => without(d, PACKED_FIELDS, p.prepared[i]?.packed !== undefined));
  return {
    slim: { result: { ...p.result, documents }, prepared },
    keys: p.result.documents.map((d, i) => ({ doc: Object.keys(d), registers: Object.keys(p.prepared[i]?.registers ?? {}) })),
  };
}

/** `o` with its keys in `keys`' order, those it lacks read on first use from `load` (and kept). */
function lazily<T extends object>(o: T, keys: readonly string[], load: () => Record<string, unknown>): T {
  const out = {} as Record<string, unknown>;
  let loaded: Record<string, unknown> | undefined;
  for (const k of keys) {
    if (k in o) out[k] = (o as Record<string, unknown>)[k];
    else {
      Object.defineProperty(out, k, {
        enumerable: true, configurable: true,
        get: () => {
          const value = (loaded ??= load())[k];
          Object.defineProperty(out, k, { value, enumerable: true, configurable: true, writable: true });
          return value;
        },
      });
    }
  }
  return out as T;
}

/** On the storing thread: the file as the worker prepared it, the left-out fields read when asked for. */
export function restoreResult({ slim, keys }: SlimResult): PreparedResult {
  const documents: OfficialDocument[] = slim.result.documents.map((d, i) => {
    const packed = slim.prepared[i]?.packed;
    return packed === undefined ? d : lazily(d, keys[i]!.doc, () => unpackedFields(asBuffer(packed)));
  });
  const prepared: PreparedDocument[] = slim.prepared.map((x, i) =>
    x.mentions === undefined ? x : { ...x, registers: lazily<DocumentRegisters>(x.registers, keys[i]!.registers, () => ({ ...extractRegisters(documents[i]!) })) },
  );
  return { result: { ...slim.result, documents }, prepared };
}
