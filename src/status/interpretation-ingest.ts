/**
 * Ingesting a 解读 text: recognised by its title, linked to the held documents it explains, stored
 * as a published 文字 解读 (the publisher released it) with the file named in the audit log.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { linkInterpretation, readInterpretationText } from '../extract/interpret-link.js';
import type { InterpretationForm, InterpretationRecord } from '../store/editorial.js';
import type { Store } from '../store/store.js';
import { saveInterpretation, type EditorialStore } from './editorial.js';

export interface InterpretationFileOptions {
  readonly author?: string;
  readonly form?: InterpretationForm;
  readonly media?: string[];
  readonly date?: string | null;
}

/** The 解读 in a UTF-8 .txt file, or null when the file is not one (then it is a gazette to parse). */
export function interpretationIn(file: string): ReturnType<typeof readInterpretationText> {
  if (!/\.(txt|text|md)$/i.test(file)) return null;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return null; // unreadable: the gazette reader names the problem
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 200_000));
  return readInterpretationText(text);
}

/**
 * Whether interpretationIn would find a 解读 here, read from the file's first lines: it turns on the
 * first non-empty line only, and a gazette's whole text need not be decoded to say no (a parse
 * worker asks this of every file). When the head holds no complete non-empty line, the whole is read.
 */
export function isInterpretationFile(file: string): boolean {
  if (!/\.(txt|text|md)$/i.test(file)) return false;
  const head = Buffer.alloc(4096);
  let n: number;
  try {
    const fd = openSync(file, 'r');
    try {
      n = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return false; // unreadable: the gazette reader names the problem
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, n));
  // Lines cut short by the end of the head (and a character cut in two there) are left out.
  const whole = n < head.length ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  if (n < head.length || whole.trim() !== '') return readInterpretationText(whole) !== null;
  return interpretationIn(file) !== null;
}

export async function ingestInterpretation(
  store: EditorialStore & Pick<Store, 'listDocuments'>,
  file: string,
  opts: InterpretationFileOptions = {},
): Promise<InterpretationRecord | null> {
  const t = interpretationIn(file);
  if (!t) return null;
  const docs = (await store.listDocuments({ limit: 1_000_000 })).items;
  const documentIds = linkInterpretation(t, docs);
  const id = `jd-${basename(file).replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}_-]+/gu, '-').slice(0, 60)}`;
  const old = await store.getInterpretation(id);
  // Re-ingesting the same text changes nothing (and writes no audit entry).
  if (old && old.title === t.title && old.body === t.body && old.documentIds.join() === documentIds.join()) return old;
  return saveInterpretation(
    store,
    { id, title: t.title, body: t.body, form: opts.form ?? (opts.media?.length ? '图文' : '文字'), media: opts.media ?? [], date: opts.date ?? null, documentIds, status: 'published' },
    opts.author ?? `ingest:${basename(file)}`,
  );
}
