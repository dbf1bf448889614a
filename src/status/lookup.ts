/**
 * Find the document a user named (id, any spelling of its 文号, or a known-by-reference 文号) and
 * judge it as of a date: what `gongbao status` and the portal print.
 */
import { formatDocNumber, nearDocNumbers, normaliseDocNumber, parseDocNumber } from '../domain/doc-number.js';
import { UserError } from '../domain/errors.js';
import type { Store } from '../store/store.js';
import { verdictOf } from './cleanup.js';
import { refKey } from './resolve.js';
import type { Evidence, StatusWorld } from './types.js';
import type { LegalStatus } from '../domain/types.js';
import type { NormativeJudgement } from '../extract/normative.js';

export interface StatusReport {
  readonly docNumber: string | null;
  readonly title: string | null;
  readonly status: LegalStatus;
  readonly since: string | null;
  readonly evidence: Evidence[];
  /** `classifyNormative` of the document; null when known only by reference (text not held). */
  readonly normative: NormativeJudgement | null;
}

/** YYYY-MM-DD that is a real date, or a UserError naming the option. */
export function checkDate(value: string, option: string): string {
  const t = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls 2024-02-30 over to March; printing it back catches that.
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === value;
  if (!ok) throw new UserError(`${option}: not a date (YYYY-MM-DD): ${value}`);
  return value;
}

/** The world id of what the user named; UserError when neither stored nor known by reference. */
export async function findSubject(store: Store, world: StatusWorld, key: string): Promise<string> {
  const found = await known(store, world, key);
  if (found) return found;
  // The spelling a listing uses for the same series (武隆府办 for 武隆府办发): the answer names its own 文号.
  const n = parseDocNumber(key);
  for (const near of n ? nearDocNumbers(n) : []) {
    const id = await known(store, world, formatDocNumber(near));
    if (id) return id;
  }
  throw new UserError(`no document or reference known as ${key}`);
}

async function known(store: Store, world: StatusWorld, key: string): Promise<string | null> {
  const stored = await store.getDocument(key);
  if (stored && world.docs.has(stored.id)) return stored.id;
  if (world.docs.has(key)) return key;
  const n = normaliseDocNumber(key);
  if (n && world.docs.has(refKey(n, null))) return refKey(n, null);
  if (world.docs.has(refKey(null, key.replace(/^《|》$/g, '')))) return refKey(null, key.replace(/^《|》$/g, ''));
  return null;
}

export function statusReport(world: StatusWorld, id: string, at: string): StatusReport {
  const f = world.docs.get(id)!;
  const v = verdictOf(world, id, at)!;
  return { docNumber: f.docNumber, title: f.title, status: v.status, since: v.since, evidence: v.evidence, normative: f.normative ?? null };
}

/** Human-readable form of a status report. */
export function formatStatus(r: StatusReport, at: string): string {
  const lines = [`${r.docNumber ?? '（无文号）'} ${r.title ? `《${r.title}》` : ''}`.trim()];
  lines.push(`${at}：${r.status}${r.since ? `（自${r.since}）` : ''}`);
  if (r.normative) lines.push(`规范性文件：${r.normative.normative ? '是' : '否'}（${r.normative.reasons.join('；')}）`);
  for (const e of r.evidence) lines.push(`  - ${e.docNumber ?? '人工更正'}${e.date ? ` ${e.date}` : ''}：${e.quote}`);
  return lines.join('\n');
}
