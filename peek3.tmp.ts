import { parseFile } from './src/ingest/index.js';
import { sample } from './test/helpers/samples.js';
const want = process.argv.slice(2);
for (const id of ['000','002','003','004']) for (const d of (await parseFile(sample(id))).documents) if (want.includes(d.docNumber!)) {
  console.log('=====', d.docNumber, d.title, d.signedOn, d.issuer, d.addressees);
  d.body.forEach((b, i) => console.log(i, b.level, b.marker ?? '', b.heading ?? '', b.attachment ?? '', '|', b.text));
  for (const t of d.tables) console.log('TABLE after', t.afterBlock, t.title, JSON.stringify(t.header), JSON.stringify(t.rows.slice(0, 30)));
  console.log(d.cites.map(c=>c.raw).join(' ; '));
}
