/**
 * Facts a publisher declares beside a file because the text does not print them — the plans part
 * of a 政府工作报告 cut from its cover (001_) carries no year anywhere. The sidecar is
 * `<file>.meta.json`; its facts fill gaps only and never override what the text prints.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { documentYear } from '../domain/doc-year.js';
import type { DeclaredFacts, ParseResult } from '../domain/types.js';
import { UserError } from '../domain/errors.js';

const Sidecar = z
  .object({
    year: z.number().int().min(1949).max(2100).optional(),
    note: z.string().max(2000).optional(),
  })
  .strict();

export const sidecarPath = (file: string): string => `${file}.meta.json`;

/** The sidecar's bytes and facts, or null when there is none; a malformed one is a UserError naming it. */
export async function readSidecar(file: string): Promise<{ bytes: Buffer; facts: DeclaredFacts } | null> {
  const path = sidecarPath(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError(`${path}: cannot read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new UserError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = Sidecar.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`${path}: ${issue.path.join('.') || 'sidecar'}: ${issue.message} (allowed fields: year, note)`);
  }
  return { bytes, facts: parsed.data };
}

/** Record the declared facts on the source, and the year on documents that print none. */
export function applyDeclared(result: ParseResult, facts: DeclaredFacts): ParseResult {
  const { year } = facts;
  return {
    ...result,
    source: { ...result.source, declared: { ...result.source.declared, ...facts } },
    documents: result.documents.map((d) => (year !== undefined && documentYear(d) === null ? { ...d, declaredYear: year } : d)),
  };
}
