/**
 * The unit gazetteer: one canonical name for every spelling of a unit (单位) the gazettes print,
 * groups (各乡镇（街道）, 区级各部门…) told from units, and pieces of names (公室, 门各乡) told
 * from both. Rules fold what any place prints alike (bracket widths, traditional characters,
 * whitespace, the place's own prefix, townships); the place's alias file (config/units/, checked by
 * zod) lists what rules cannot know: abbreviations, misprints and old names after reorganisations.
 */
import { toSimplified } from '../../ingest/traditional.js';
import { z } from 'zod';

export type UnitKind = 'unit' | 'group';

export interface UnitName {
  readonly name: string;
  readonly kind: UnitKind;
}

const Entry = z.object({ name: z.string().min(2), variants: z.array(z.string().min(2)), note: z.string().optional() }).strict();

export const AliasFile = z
  .object({
    about: z.string().optional(),
    /** prefixes: how the place's own name is printed before a unit; own: how its units begin (区, 县). */
    place: z.object({ name: z.string().min(2), prefixes: z.array(z.string().min(2)), own: z.string().min(1) }).strict(),
    units: z.array(Entry),
    groups: z.array(Entry),
    notUnits: z.array(z.string()),
  })
  .strict();
export type Aliases = z.infer<typeof AliasFile>;

/** Spelling differences no reader sees: whitespace, bracket widths, traditional characters. */
export function foldUnitName(printed: string): string {
  return toSimplified(printed.replace(/\s+/g, ''))
    .replace(/[(〔［[]/g, '（')
    .replace(/[)〕］\]]/g, '）');
}

// 各乡镇（街道）, 有关部门和单位, 区级各部门, 区政府有关部门, 涉及…的相关部门, …成员单位: many units at once.
const GROUP = /^(各|有关|相关|涉及|[区县市]级|[区县市]政府(各|有关|相关))|成员单位$/;
// A unit's name never starts with what ends another (公室, 门各乡, 镇（街道）, 字会).
const FRAGMENT = /^[门室委局办会公镇乡处所部组道字）]/;
// 后坪乡（文凤村） names the village a township is responsible for: the unit is the township.
const TOWNSHIP = /^([\u4e00-\u9fa5]{1,5}?)(乡|镇|街道)(?:（[^）]*村）)?$/;

export interface Gazetteer {
  /** The canonical name and kind of a printed unit; null for a piece of a name. */
  canonical(printed: string): UnitName | null;
  /** Every spelling the alias file knows, canonical names included (for finding mentions in text). */
  readonly knownSpellings: readonly string[];
  readonly aliases: Aliases;
}

export function makeGazetteer(aliases: Aliases): Gazetteer {
  const known = new Map<string, UnitName>();
  for (const [list, kind] of [[aliases.units, 'unit'], [aliases.groups, 'group']] as const) {
    for (const e of list) for (const v of [e.name, ...e.variants]) known.set(foldUnitName(v), { name: e.name, kind });
  }
  const notUnits = new Set(aliases.notUnits.map(foldUnitName));
  const prefixes = [...aliases.place.prefixes].sort((a, b) => b.length - a.length);

  const own = aliases.place.own;
  /** 重庆市武隆区人民政府办公室 → 区政府办公室, 武隆区行政学院 → 区行政学院. */
  const local = (name: string): string => {
    const p = prefixes.find((x) => name.startsWith(x) && name.length > x.length);
    const rest = p ? `${own}${name.slice(p.length)}` : name;
    return rest.startsWith(`${own}人民政府`) ? `${own}政府${rest.slice(own.length + 4)}` : rest;
  };

  const canonical = (printed: string): UnitName | null => {
    const folded = foldUnitName(printed).replace(/^(和|及|以及)(?=区|各|有关|相关)/, '').replace(/等$/, '');
    if (folded.length < 2 || notUnits.has(folded)) return null;
    const hit = known.get(folded) ?? known.get(local(folded));
    if (hit) return hit;
    if (FRAGMENT.test(folded)) return null;
    const name = local(folded);
    if (GROUP.test(name)) return { name, kind: 'group' };
    const town = TOWNSHIP.exec(name);
    if (town && !name.startsWith(own)) return { name: `${town[1]}${town[2]}${town[2] === '街道' ? '办事处' : '人民政府'}`, kind: 'unit' };
    return name.length >= 3 ? { name, kind: 'unit' } : null;
  };

  // Every document's mentions and task units come through here, mostly the same few hundred names:
  // remember the answers (the fold is an OpenCC conversion). Bounded, as printed names are open-ended.
  const memo = new Map<string, UnitName | null>();
  const remembered = (printed: string): UnitName | null => {
    let hit = memo.get(printed);
    if (hit === undefined) {
      if (memo.size >= 50_000) memo.clear();
      memo.set(printed, (hit = canonical(printed)));
    }
    return hit;
  };

  return { canonical: remembered, knownSpellings: [...new Set([...aliases.units, ...aliases.groups].flatMap((e) => [e.name, ...e.variants]))], aliases };
}
