import { parseFile } from './src/ingest/index.js';
import { ALL_SAMPLES } from './test/helpers/samples.js';
import { interpretDocument } from './src/extract/interpret.js';
import { Segmenter } from './src/search/segment.js';
const seg = new Segmenter();
let bad = 0, docs = 0; const counts: number[] = [];
const t0 = Date.now();
for (const f of ALL_SAMPLES) for (const d of (await parseFile(f)).documents) {
  docs++;
  const r = interpretDocument(d, { cut: (t) => seg.cut(t) });
  counts.push(r.sections.length);
  for (const s of r.sections) for (const i of s.items) {
    const inTable = d.tables.some((t) => t.afterBlock === i.paragraph && t.rows.some((row) => row.some((c) => c.includes(i.quote))));
    if (!(d.body[i.paragraph]?.text.includes(i.quote) || inTable)) { bad++; console.log('BAD', d.docNumber, s.name, i.quote.slice(0, 40)); }
  }
}
console.log({ docs, bad, ms: Date.now() - t0, min: Math.min(...counts), hist: counts.reduce((h: Record<number, number>, c) => ((h[c] = (h[c] ?? 0) + 1), h), {}) });
