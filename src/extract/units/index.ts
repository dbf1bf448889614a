/**
 * The gazetteer applied: the bundled alias file (loaded and zod-checked once), task assignments
 * named canonically, and the units a document's text names (stored at ingest, so unit pages never
 * scan text per request).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../domain/errors.js';
import type { TaskAssignment } from '../tasks.js';
import { deidentifyText } from '../privacy-mask.js';
import { AliasFile, foldUnitName, makeGazetteer, type Aliases, type Gazetteer, type UnitKind } from './gazetteer.js';

export { foldUnitName, makeGazetteer, type Aliases, type Gazetteer, type UnitKind, type UnitName } from './gazetteer.js';

/** From src/extract/units and dist/extract/units alike, the repository's data/ folder. */
export const BUNDLED_ALIASES = fileURLToPath(new URL('../../../config/units/wulong-aliases.json', import.meta.url));

/** Read and check an alias file; a bad one is the user's to fix (one line, exit 2). */
export function loadAliases(file: string = BUNDLED_ALIASES): Aliases {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UserError(`${file}: cannot read the unit alias file (${(e as Error).message})`);
  }
  const r = AliasFile.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new UserError(`${file}: ${issue.path.join('.') || 'file'}: ${issue.message}`);
  }
  return r.data;
}

let bundled: Gazetteer | undefined;

/** The gazetteer of the place's alias file: $GONGBAO_UNIT_ALIASES, else the bundled one (Wulong). */
export function defaultGazetteer(): Gazetteer {
  return (bundled ??= makeGazetteer(loadAliases(process.env.GONGBAO_UNIT_ALIASES || BUNDLED_ALIASES)));
}

/**
 * A task with canonical unit names: pieces of names dropped, one name once per role, and the
 * printed spelling kept (`printed`) where it differs — the gazetteer's variants come from it.
 */
export function canonicalTask(t: TaskAssignment, g: Gazetteer = defaultGazetteer()): TaskAssignment {
  const printed: Record<string, string> = {};
  const names = (units: readonly string[]): string[] => {
    const out: string[] = [];
    for (const u of units) {
      const c = g.canonical(u);
      if (!c || out.includes(c.name)) continue;
      out.push(c.name);
      if (c.name !== u) printed[c.name] ??= u;
    }
    return out;
  };
  const leads = names(t.leads);
  const responsible = names(t.responsible);
  const cooperating = names(t.cooperating);
  return { ...t, leads, responsible, cooperating, ...(Object.keys(printed).length ? { printed } : {}) };
}

export interface UnitMention {
  /** Canonical name. */
  readonly unit: string;
  readonly kind: UnitKind;
  /** As the text prints it (traditional characters folded). */
  readonly printed: string;
  readonly count: number;
  /** The first mention with some context, the name marked «…». */
  readonly snippet: string;
  /** Where that mention is in the text the snippet is cut from (the excerpt's coordinates). */
  readonly at?: number;
}

/**
 * The parts of a document's de-identified text that its unit-mention snippets are cut from: the
 * windows around each first mention, overlapping ones merged. Stores keep this (a tenth of the
 * snippets' size once compressed: the addressee line alone is in four of them) and cut each
 * snippet again on reading it.
 */
export interface SnippetExcerpt {
  /** The whole text's length (a snippet ends with … when the text goes on). */
  readonly length: number;
  /** [offset, text] windows, in order, not overlapping. */
  readonly spans: ReadonlyArray<readonly [number, string]>;
}

const CONTEXT = 40;

const windowOf = (length: number, at: number, name: string): [number, number] => [Math.max(0, at - CONTEXT), Math.min(length, at + name.length + CONTEXT)];

// 区发展改革委, 区经济信息委, 区林业局, 区政府办公室… : 区 + a short name + an agency suffix.
const DEPARTMENT = /区(?:委|政府)?[\u4e00-\u9fa5]{1,7}?(?:委员会|委|局|办公室|办|中心)(?![\u4e00-\u9fa5]{0,1}[长员])/g;
// …shaped like one but a phrase: 区政府交办, 区域通办, 区的空间布局, 区政府和市医保局, 区县政府办.
const NOT_DEPARTMENT = /^区(域|县|的)|[和与及的]|交办|督办|承办|举办|通办|挂牌|授权|贯彻|下设|指挥部|常委$/;

/** The snippet around the name at `at`, from the text or from an excerpt holding its window; null if none does. */
export function snippetAt(text: string | SnippetExcerpt, at: number, name: string): string | null {
  const length = text.length;
  const [from, to] = windowOf(length, at, name);
  const span = typeof text === 'string' ? ([0, text] as const) : text.spans.find(([o, s]) => o <= from && to <= o + s.length);
  if (!span) return null;
  const cut = (a: number, b: number) => span[1].slice(a - span[0], b - span[0]);
  return `${from > 0 ? '…' : ''}${cut(from, at)}«${name}»${cut(at + name.length, to)}${to < length ? '…' : ''}`;
}

/** The excerpt of `text` every snippet at these places can be cut from again. */
export function snippetExcerpt(text: string, at: ReadonlyArray<{ readonly at: number; readonly name: string }>): SnippetExcerpt {
  const windows = at.map((m) => windowOf(text.length, m.at, m.name)).sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
    else merged.push(w);
  }
  return { length: text.length, spans: merged.map(([f, t]) => [f, text.slice(f, t)] as const) };
}

/**
 * Spellings looked up by their first two characters (every spelling has three or more), longest
 * first: the alternation regex this replaces was built and run anew for each document, trying a
 * few hundred alternatives at every character.
 */
class SpellingIndex {
  private readonly byStart = new Map<number, string[]>();
  /** Characters some spelling starts with: elsewhere the text is stepped over at once. */
  readonly firsts = new Set<number>();

  constructor(spellings: Iterable<string>) {
    for (const s of spellings) {
      this.firsts.add(s.charCodeAt(0));
      const k = s.charCodeAt(0) * 0x10000 + s.charCodeAt(1);
      (this.byStart.get(k) ?? this.byStart.set(k, []).get(k)!).push(s);
    }
    for (const list of this.byStart.values()) list.sort((a, b) => b.length - a.length);
  }

  /** The longest spelling at `i` (区政府办 not before 理法事学好结: 区政府办理 is a verb); undefined if none. */
  at(text: string, i: number): string | undefined {
    const list = this.byStart.get(text.charCodeAt(i) * 0x10000 + text.charCodeAt(i + 1));
    if (list === undefined) return undefined;
    for (const s of list) if (text.startsWith(s, i) && !(s.endsWith('办') && OFFICE_VERB.test(text[i + s.length] ?? ''))) return s;
    return undefined;
  }
}

const OFFICE_VERB = /^[理法事学好结]$/;

/** The alias file's spellings folded and indexed once per gazetteer, not once per document (OpenCC is slow). */
const known = new WeakMap<Gazetteer, { spellings: Set<string>; index: SpellingIndex }>();
function knownOf(g: Gazetteer): { spellings: Set<string>; index: SpellingIndex } {
  let k = known.get(g);
  if (!k) {
    const spellings = new Set(g.knownSpellings.map(foldUnitName).filter((s) => s.length >= 3));
    known.set(g, (k = { spellings, index: new SpellingIndex(spellings) }));
  }
  return k;
}

/**
 * The units a text names: every spelling the alias file knows, the names given in `also` (the
 * document's issuer and task units), and department-shaped names (区…局/委/办). Longest spelling
 * first at each place, so 区政府办公室 is not also counted as 区政府办.
 */
export function findUnitMentions(text: string, also: readonly string[] = [], g: Gazetteer = defaultGazetteer()): UnitMention[] {
  return unitMentionsWithExcerpt(text, also, g).mentions;
}

/** findUnitMentions, and the excerpt their snippets are cut from (what a store keeps). */
export function unitMentionsWithExcerpt(
  text: string, also: readonly string[] = [], g: Gazetteer = defaultGazetteer(),
): { mentions: UnitMention[]; excerpt: SnippetExcerpt } {
  const folded = foldUnitName(text);
  const shaped = (folded.match(DEPARTMENT) ?? []).filter((n) => !NOT_DEPARTMENT.test(n));
  const k = knownOf(g);
  const extra = new SpellingIndex(new Set([...also, ...shaped].map(foldUnitName).filter((s) => s.length >= 3 && !k.spellings.has(s))));
  const found = new Map<string, { unit: string; kind: UnitKind; printed: string; count: number; at: number }>();
  // Leftmost, then longest: as one alternation of every spelling, longest first, would match.
  const firsts = new Uint8Array(0x10000);
  for (const c of [...k.index.firsts, ...extra.firsts]) firsts[c] = 1;
  for (let i = 0; i + 2 < folded.length; ) {
    if (firsts[folded.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    const a = k.index.at(folded, i);
    const b = extra.at(folded, i);
    const m = a !== undefined && (b === undefined || a.length >= b.length) ? a : b;
    if (m === undefined) {
      i++;
      continue;
    }
    const at = i;
    i += m.length;
    const c = g.canonical(m);
    if (!c) continue;
    const key = `${c.name}\u0000${m}`;
    const hit = found.get(key) ?? found.set(key, { unit: c.name, kind: c.kind, printed: m, count: 0, at }).get(key)!;
    hit.count++;
  }
  if (found.size === 0) return { mentions: [], excerpt: { length: 0, spans: [] } };
  // Snippets are published: cut them from the de-identified text (its masks keep every length).
  const shown = deidentifyText(folded);
  const mentions = [...found.values()].map((m) => ({ ...m, snippet: snippetAt(shown, m.at, m.printed)! }));
  return { mentions, excerpt: snippetExcerpt(shown, mentions.map((m) => ({ at: m.at, name: m.printed }))) };
}
