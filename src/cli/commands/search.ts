/** `gongbao search "<query>"`: ranked hits with snippets and facets, as a table or the JSON contract. */
import type { Command } from 'commander';
import { UserError } from '../../domain/errors.js';
import { LEGAL_STATUSES, type LegalStatus } from '../../domain/types.js';
import { openStore } from '../../store/factory.js';
import { publishedStore } from '../../store/published.js';
import { SEARCH_FIELDS, SEARCH_SORTS, type SearchQuery, type SearchResult } from '../../store/store.js';
import { checkDate } from '../../status/lookup.js';
import type { DocNumberLookupT } from '../../server/api/schemas.js';
import { lookupDocNumber } from '../../server/views/lookup.js';
import { cut, pad } from '../columns.js';

export function intOption(name: string, v: string | undefined, min: number): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v.trim()) || Number(v) < min) throw new UserError(`--${name} must be a whole number ≥ ${min}, got "${v}"`);
  return Number(v);
}

export function statusOption(v: string | undefined): LegalStatus | undefined {
  if (v === undefined) return undefined;
  if (!(LEGAL_STATUSES as readonly string[]).includes(v)) throw new UserError(`--status must be one of ${LEGAL_STATUSES.join(', ')}; got "${v}"`);
  return v as LegalStatus;
}

export function choice<T extends string>(option: string, v: string | undefined, allowed: readonly T[]): T | undefined {
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new UserError(`${option} must be one of ${allowed.join(', ')}; got "${v}"`);
  return v as T;
}

/** The JSON contract: exactly these fields, so scripts can rely on them (`lookup` as in the API). */
export function toJson(r: SearchResult, lookup: DocNumberLookupT | null = null): unknown {
  return {
    total: r.total,
    approximate: r.approximate === true,
    facets: r.facets,
    lookup,
    hits: r.hits.map((h) => ({
      id: h.id, docNumber: h.docNumber, title: h.title, signedOn: h.signedOn, issuer: h.issuer, kind: h.kind, status: h.status, score: h.score, snippet: h.snippet,
    })),
  };
}

/** The document a 文号 query names, before the hits: status, evidence, who refers to it. */
export function renderLookup(l: DocNumberLookupT): string {
  const s = l.status;
  const out = [`文号 ${l.asked}: ${l.docNumber} 《${l.title ?? '（标题不详）'}》${l.held ? '' : '（未收录全文，由引用它的文件得知）'}`];
  if (l.note) out.push(`  ${l.note}`);
  out.push(`  ${s.status}${s.since ? `（自${s.since}）` : ''}`);
  for (const e of s.evidence) out.push(`  依据 ${e.docNumber ?? '人工更正'}${e.date ? ` ${e.date}` : ''}：${e.quote}`);
  for (const d of l.citedBy) out.push(`  提到它：${pad(d.docNumber ?? '—', 24)}${d.status}  ${cut(d.title, 40)}`);
  return out.join('\n');
}

export function renderTable(q: SearchQuery, r: SearchResult, color: boolean, lookup: DocNumberLookupT | null = null): string {
  const mark = (s: string) => (color ? s.replace(/«/g, '\x1b[1;33m').replace(/»/g, '\x1b[0m') : s);
  const from = (q.offset ?? 0) + 1;
  const out = lookup ? [renderLookup(lookup), ''] : [];
  out.push(`${r.approximate ? 'about ' : ''}${r.total} document${r.total === 1 ? '' : 's'} match "${q.q}"${r.hits.length ? ` (showing ${from}–${from + r.hits.length - 1})` : ''}`);
  r.hits.forEach((h, i) => {
    out.push('', `${pad(String(from + i) + '.', 4)}${pad(h.docNumber ?? '—', 24)}${pad(h.signedOn ?? '—', 12)}${pad(h.kind ?? '—', 6)}${pad(h.status, 10)}${cut(h.title, 44)}`);
    out.push(`    ${mark(h.snippet)}`);
  });
  const facet = (name: string, list: SearchResult['facets']['year']) =>
    list.length ? `${name}: ${list.slice(0, 6).map((f) => `${f.value} (${f.count})`).join(' · ')}` : '';
  const facets = [facet('year', r.facets.year), facet('issuer', r.facets.issuer), facet('kind', r.facets.kind), facet('status', r.facets.status)].filter(Boolean);
  if (r.total > 0) out.push('', ...facets);
  return out.join('\n');
}

export function registerSearch(program: Command): void {
  program
    .command('search <query...>')
    // 消防 -高层 typed without quotes: -高层 is part of the query, not an option.
    .allowUnknownOption()
    .description('full-text search: words, "phrases", -exclusions, OR, 文号 or any fragment of 2+ characters')
    .option('--json', 'print {"total","facets","hits":[…]} instead of a table')
    .option('--limit <n>', 'hits per page (default 20)')
    .option('--offset <n>', 'hits to skip (default 0)')
    .option('--year <y>', 'only documents of this year')
    .option('--issuer <name>', 'only documents of this issuer (exact name, as listed in the facets)')
    .option('--kind <文种>', 'only documents of this kind, e.g. 通知')
    .option('--status <status>', `only documents with this status (${LEGAL_STATUSES.join(', ')})`)
    .option('--from <date>', 'only documents with a 成文日期 on or after this date (YYYY-MM-DD)')
    .option('--to <date>', 'only documents with a 成文日期 on or before this date (YYYY-MM-DD)')
    .option('--field <field>', `where the words must be: ${SEARCH_FIELDS.join(', ')} (default all)`)
    .option('--sort <order>', `${SEARCH_SORTS.join(' or ')} (date: newest 成文日期 first)`)
    .option('--db <location>', 'SQLite file or postgres:// URL (default $GONGBAO_DB or ./data/gongbao.db)')
    .addHelpText(
      'after',
      `
Query syntax (inside the one query argument):
  森林 防火               both words; any fragment of 2+ characters matches, 繁體 or 简体
  "禁火时间"              an exact phrase
  消防 -高层              exclude a word (NOT 高层 too)
  超充 OR 充电桩          either word
  武隆府办发[2024]17号    a 文号, typed with any brackets: its document comes first

Examples:
  gongbao search 禁火令 --year 2024
  gongbao search '"禁火时间" -超充' --json --limit 5
  gongbao search '超充 OR 充电桩' --kind 通知
  gongbao search 禁火令 --field title --from 2024-01-01 --sort date`,
    )
    .action(async (words: string[], o: Record<string, string | boolean | undefined>) => {
      const typo = words.find((w) => w.startsWith('--'));
      if (typo) throw new UserError(`unknown option ${typo} (see gongbao search --help)`);
      const q = words.join(' ');
      const str = (k: string) => (typeof o[k] === 'string' ? (o[k] as string) : undefined);
      const query: SearchQuery = {
        q,
        limit: intOption('limit', str('limit'), 1),
        offset: intOption('offset', str('offset'), 0),
        year: intOption('year', str('year'), 0),
        issuer: str('issuer'),
        kind: str('kind'),
        status: statusOption(str('status')),
        from: str('from') === undefined ? undefined : checkDate(str('from')!, '--from'),
        to: str('to') === undefined ? undefined : checkDate(str('to')!, '--to'),
        field: choice('--field', str('field'), SEARCH_FIELDS),
        sort: choice('--sort', str('sort'), SEARCH_SORTS),
      };
      const store = publishedStore(await openStore({ db: str('db'), mustExist: true }));
      try {
        const [r, lookup] = await Promise.all([store.search(query), lookupDocNumber(store, q)]);
        // The document a 文号 names leads the hits, as on the portal.
        const hits = lookup ? [...r.hits.filter((h) => h.id === lookup.id), ...r.hits.filter((h) => h.id !== lookup.id)] : r.hits;
        const res = { ...r, hits };
        process.stdout.write(o.json ? `${JSON.stringify(toJson(res, lookup), null, 2)}\n` : `${renderTable(query, res, process.stdout.isTTY === true, lookup)}\n`);
      } finally {
        await store.close();
      }
    });
}
