/**
 * Short texts (titles, 文号) by the pairs of adjacent code units they hold, in memory: the texts
 * that can hold a word are those listed under every pair of it, so a word is tested against a few
 * texts instead of all of them (String.includes costs a few hundred nanoseconds a call, which over
 * 100,000 titles is milliseconds a query). Pure; texts are numbered by their index.
 */
export class PairPostings {
  /** By pair (first code unit × 65536 + second): ascending text indexes, each once. */
  private readonly lists = new Map<number, Int32Array>();

  constructor(texts: ReadonlyArray<string | null>) {
    const building = new Map<number, number[]>();
    texts.forEach((raw, i) => {
      if (raw === null) return;
      const t = raw.toLowerCase();
      for (let j = 0; j + 1 < t.length; j++) {
        const pair = t.charCodeAt(j) * 65536 + t.charCodeAt(j + 1);
        const list = building.get(pair);
        if (list === undefined) building.set(pair, [i]);
        else if (list[list.length - 1] !== i) list.push(i);
      }
    });
    for (const [pair, list] of building) this.lists.set(pair, Int32Array.from(list));
  }

  /**
   * Ascending indexes of the texts that may hold `word` (lower-cased before comparing): those
   * listing every pair of it, a superset of those that do; null when the word is too short to have
   * a pair (every text may). A word of one pair is held by exactly the texts listed under it.
   */
  candidates(word: string): Int32Array | null {
    const w = word.toLowerCase();
    if (w.length < 2) return null;
    const lists: Int32Array[] = [];
    for (let j = 0; j + 1 < w.length; j++) {
      const list = this.lists.get(w.charCodeAt(j) * 65536 + w.charCodeAt(j + 1));
      if (list === undefined) return EMPTY;
      lists.push(list);
    }
    // From the rarest pair, keep what every other list holds too (a merge of ascending lists).
    lists.sort((a, b) => a.length - b.length);
    let out = lists[0]!;
    for (let l = 1; l < lists.length; l++) {
      const other = lists[l]!;
      const kept = new Int32Array(out.length);
      let n = 0;
      let k = 0;
      for (let j = 0; j < out.length && k < other.length; j++) {
        const i = out[j]!;
        while (k < other.length && other[k]! < i) k++;
        if (other[k] === i) kept[n++] = i;
      }
      out = kept.subarray(0, n);
    }
    return out;
  }
}

const EMPTY = new Int32Array(0);
