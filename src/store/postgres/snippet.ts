/**
 * «»-marked snippet around the first match. Kept here until src/search offers a shared one.
 * `text` is folded text (what the terms were matched against), so positions line up.
 */
export function snippet(text: string, terms: string[], width = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const lower = flat.toLowerCase();
  const wanted = [...new Set(terms.map((t) => t.toLowerCase()).filter((t) => t.length > 0))];
  const firsts = wanted.map((t) => lower.indexOf(t)).filter((i) => i >= 0);
  const first = firsts.length ? Math.min(...firsts) : 0;
  const start = Math.max(0, first - Math.floor(width / 4));
  const end = Math.min(flat.length, start + width);
  // Mark each position once, longest term first, so overlapping terms never nest markers.
  const marked = new Array<boolean>(end - start).fill(false);
  for (const t of wanted.sort((a, b) => b.length - a.length)) {
    for (let i = lower.indexOf(t, start); i >= 0 && i < end; i = lower.indexOf(t, i + 1)) {
      for (let k = i; k < Math.min(i + t.length, end); k++) marked[k - start] = true;
    }
  }
  let out = start > 0 ? '…' : '';
  for (let k = start; k < end; k++) {
    const on = marked[k - start]!;
    if (on && (k === start || !marked[k - start - 1])) out += '«';
    out += flat[k];
    if (on && (k === end - 1 || !marked[k - start + 1])) out += '»';
  }
  return end < flat.length ? `${out}…` : out;
}
