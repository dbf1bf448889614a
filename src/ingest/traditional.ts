/**
 * Pages printed in traditional characters (003_ has two): the text is kept as printed and a
 * simplified form is added for search. opencc-js 't' → 'cn' leaves simplified text untouched on
 * all five samples, so "conversion changed something" is our test for traditional characters.
 */
import * as OpenCC from 'opencc-js/t2cn';

/**
 * OpenCC's 't' → 'cn' conversion (its t2s configuration: a normalisation dictionary, then
 * phrases over characters), run with OpenCC's own tries and longest-match rule but jumping over
 * every character no dictionary entry starts with (nineteen in twenty in a gazette) instead of
 * trying the trie at each one, and handing back the text itself when nothing changes. Ingest
 * converts each document's whole text several times; opencc-js's loop was a tenth of its CPU.
 * test/ingest-traditional.test.ts proves it equal to OpenCC.Converter on every sample and entry.
 */
interface Stage {
  readonly trie: OpenCC.Trie;
  /** By UTF-16 code unit: some entry starts with it (for a surrogate pair, with its high half). */
  readonly starts: Uint8Array;
}

function stageOf(group: OpenCC.DictGroup): Stage {
  const trie = new OpenCC.Trie();
  trie.loadDictGroup(group);
  const starts = new Uint8Array(0x10000);
  for (const dict of group) {
    const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.slice(0, e.indexOf(' '))) : dict.map((e: readonly [string, string]) => e[0]);
    for (const k of entries) if (k.length > 0) starts[k.charCodeAt(0)] = 1;
  }
  return { trie, starts };
}

let stages: Stage[] | null = null;

function loadStages(): Stage[] {
  const configs = OpenCC.Locale.configs as Record<string, { normalizationChain?: readonly OpenCC.DictGroup[]; segmentation?: unknown; conversionChain: readonly OpenCC.DictGroup[] } | undefined>;
  const config = configs.t2s;
  // The shape this was proved on; another opencc-js release falls back to its own converter.
  if (!config || config.segmentation !== undefined) return [];
  return [...(config.normalizationChain ?? []), ...config.conversionChain].map(stageOf);
}

/** OpenCC skips ideographic description sequences (U+2FF0–2FFF and their operands) whole; we leave those texts to it. */
const IDS = /[\u2ff0-\u2fff]/;
let fallback: ((s: string) => string) | null = null;

function convertStage(s: Stage, text: string): string {
  const { trie, starts } = s;
  let out = '';
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    if (starts[text.charCodeAt(i)] === 0) {
      i++;
      continue;
    }
    const m = trie.matchPrefix(text, i);
    if (m === null) {
      i++; // an unmatched high surrogate: its low half starts nothing
      continue;
    }
    if (m.value.length !== m.end - i || !text.startsWith(m.value, i)) {
      out += text.slice(copied, i) + m.value;
      copied = m.end;
    }
    i = m.end;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * The last few long texts converted: a document's whole text is converted when it is built and
 * again by the normative judgement (which cannot know the first found nothing to change). Compared
 * with ===, not hashed into a Map: hashing a long text cost as much as converting it, while ===
 * of texts of other lengths costs nothing.
 */
const recent: Array<{ text: string; out: string }> = [];
const RECENT_MIN_CHARS = 512;
const RECENT_MAX = 8;

/** Simplified-character form of a text (OpenCC traditional → mainland simplified). */
export function toSimplified(text: string): string {
  if (text.length < RECENT_MIN_CHARS) return convert(text);
  for (const r of recent) if (r.text === text) return r.out;
  const out = convert(text);
  if (recent.length >= RECENT_MAX) recent.shift();
  recent.push({ text, out });
  return out;
}

function convert(text: string): string {
  stages ??= loadStages();
  if (stages.length === 0 || IDS.test(text)) return (fallback ??= OpenCC.Converter({ from: 't', to: 'cn' }))(text);
  let out = text;
  for (const s of stages) out = convertStage(s, out);
  return out;
}

/** The simplified form when the text contains traditional characters; otherwise null. */
export function simplifiedIfTraditional(text: string): string | null {
  const s = toSimplified(text);
  return s === text ? null : s;
}

// A syllable with a tone mark, or one of the toneless particles, in brackets after a character.
const PINYIN = /(?<=[\u3400-\u9fff])[(（](?:[a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5}|de|le|me|ne|men|zi|zhe)[)）]/g;

/**
 * Some mirrors gloss characters with pinyin: 發(fā)布機(jī)構, 令(lìng). The glosses hide 文号,
 * labels and titles from every pattern, so readers match on the text without them.
 */
export function stripPinyin(text: string): string {
  return text.replace(PINYIN, '');
}
