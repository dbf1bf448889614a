import { parseFile } from './src/ingest/index.js';
import { sample } from './test/helpers/samples.js';
import { classifyNormative } from './src/extract/normative.js';
import { interpretDocument } from './src/extract/interpret.js';
import { suggestQa } from './src/extract/qa.js';
let n = 0;
for (const id of ['000','002','003','004']) for (const d of (await parseFile(sample(id))).documents) {
  if (!classifyNormative(d).normative) continue;
  for (const c of suggestQa(d, interpretDocument(d))) { n++; console.log(JSON.stringify([c.docNumber, c.kind, c.question, c.answer, c.quote.slice(0, 400)])); }
}
console.log(n);
