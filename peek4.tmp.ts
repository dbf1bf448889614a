import { parseFile } from './src/ingest/index.js';
import { sample } from './test/helpers/samples.js';
import { classifyNormative } from './src/extract/normative.js';
import { interpretDocument } from './src/extract/interpret.js';
import { Segmenter } from './src/search/segment.js';
const seg = new Segmenter();
const want = process.argv.slice(2);
for (const id of ['000','002','003','004']) for (const d of (await parseFile(sample(id))).documents) {
  if (want.length ? !want.includes(d.docNumber!) : !classifyNormative(d).normative) continue;
  const r = interpretDocument(d, { cut: (t) => seg.cut(t) });
  console.log('=====', d.docNumber, d.title, r.sections.map(s=>s.name+':'+s.items.length).join(' '));
  for (const s of r.sections) { console.log('  --', s.name); for (const i of s.items) console.log('    ', i.paragraph, i.text, ' ⟨', i.quote.slice(0,50), '⟩', d.body[i.paragraph]?.text.includes(i.quote) ? '' : (d.text.includes(i.quote) ? 'TXT' : 'MISSING')); }
}
