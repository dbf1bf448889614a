/**
 * `npm run corpus -- --docs N --out dir [--seed S]`: a deterministic collection of gazette issues
 * from many governments, for the scale benchmarks and tests at scale. Nothing is downloaded: the
 * documents are recombined from the samples' paragraphs (and test/field/ when it exists), under
 * other district and county names, their own 文号 series, dates shifted across 20 years; some are
 * repeal decisions naming earlier documents of the same government.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseText } from '../src/ingest/index.js';
import type { OfficialDocument } from '../src/domain/types.js';
import { ALL_SAMPLES } from '../test/helpers/samples.js';

/** County-level governments of a province-sized collection: name, 文号 abbreviation. */
const GOVERNMENTS: ReadonlyArray<readonly [string, string]> = [
  ['涪陵区', '涪府'], ['綦江区', '綦江府'], ['大足区', '大足府'], ['璧山区', '璧山府'], ['铜梁区', '铜梁府'],
  ['潼南区', '潼南府'], ['荣昌区', '荣昌府'], ['开州区', '开州府'], ['梁平区', '梁平府'], ['南川区', '南川府'],
  ['黔江区', '黔江府'], ['长寿区', '长寿府'], ['江津区', '江津府'], ['合川区', '合川府'], ['永川区', '永川府'],
  ['万州区', '万州府'], ['巴南区', '巴南府'], ['北碚区', '北碚府'], ['渝北区', '渝北府'], ['城口县', '城口府'],
  ['丰都县', '丰都府'], ['垫江县', '垫江府'], ['忠县', '忠府'], ['云阳县', '云阳府'], ['奉节县', '奉节府'],
  ['巫山县', '巫山府'], ['巫溪县', '巫溪府'], ['石柱县', '石柱府'], ['秀山县', '秀山府'], ['酉阳县', '酉阳府'],
  ['彭水县', '彭水府'], ['武隆区', '武隆府'], ['双桥区', '双桥府'], ['万盛区', '万盛府'], ['沙坪坝区', '沙府'],
  ['九龙坡区', '九龙坡府'], ['南岸区', '南岸府'], ['大渡口区', '大渡口府'], ['江北区', '江北府'], ['渝中区', '渝中府'],
];
const FIRST_YEAR = 2005;
const YEARS = 20;
const ADDRESSEES = ['各乡镇人民政府、街道办事处，区政府各部门，有关单位', '各乡镇人民政府、街道办事处，区政府各部门'];

/** A small seeded generator (mulberry32): the same seed gives the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Template {
  readonly title: string;
  readonly office: boolean;
  readonly paragraphs: readonly string[];
}

/** A line the reader would take for a document boundary or a signature: never used as a body paragraph. */
const STRUCTURAL = /^[（(]?[\u4e00-\u9fa5]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\d+号[）)]?$|^\d{4}年\d{1,2}月\d{1,2}日$|文件$|^[（(]此件/;

function templatesOf(docs: readonly OfficialDocument[]): { templates: Template[]; pool: string[] } {
  const templates: Template[] = [];
  const pool: string[] = [];
  for (const d of docs) {
    const paragraphs = d.body.map((b) => b.text.trim()).filter((t) => t.length >= 8 && !STRUCTURAL.test(t));
    if (paragraphs.length === 0 || !d.title.includes('武隆区人民政府')) continue;
    templates.push({ title: d.title, office: d.title.includes('办公室'), paragraphs });
    pool.push(...paragraphs);
  }
  return { templates, pool };
}

/** Parsed documents of the samples and of the field corpus when the tree has one. */
function sourceDocuments(): OfficialDocument[] {
  const files = [...ALL_SAMPLES];
  const field = new URL('../test/field/', import.meta.url).pathname;
  if (existsSync(field)) {
    const walk = (dir: string) => {
      for (const n of readdirSync(dir).sort()) {
        const p = join(dir, n);
        if (statSync(p).isDirectory()) walk(p);
        else if (n.endsWith('.txt')) files.push(p);
      }
    };
    walk(field);
  }
  const docs: OfficialDocument[] = [];
  for (const f of files) {
    try {
      const text = readFileSync(f, 'utf8');
      docs.push(...parseText(text, { file: f, sha256: '', encoding: 'utf-8', bytes: Buffer.byteLength(text) }).documents);
    } catch {
      // A field file the reader cannot take yet contributes nothing.
    }
  }
  return docs;
}

export interface CorpusIssue {
  readonly file: string;
  readonly text: string;
  readonly documents: number;
}

interface Issued {
  readonly title: string;
  readonly docNumber: string;
}

/**
 * The issues of a corpus of about `docs` documents (exactly `docs`: the last issue is cut short),
 * in a stable order. Pure given the seed and the source texts.
 */
export function* generateCorpus(docs: number, seed = 1, sources: OfficialDocument[] = sourceDocuments()): Generator<CorpusIssue> {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const { templates, pool } = templatesOf(sources);
  const serials = new Map<string, number>();
  const issueNumbers = new Map<string, number>();
  const history = new Map<string, Issued[]>();
  let made = 0;
  for (let k = 0; made < docs; k++) {
    const g = k % GOVERNMENTS.length;
    const [name, abbr] = GOVERNMENTS[g]!;
    // Time runs forward through the corpus (each government in turn), so repeals name older documents.
    const year = FIRST_YEAR + Math.min(YEARS - 1, Math.floor((made * YEARS) / docs));
    const issueKey = `${g}-${year}`;
    const number = (issueNumbers.get(issueKey) ?? 0) + 1;
    issueNumbers.set(issueKey, number);
    const count = Math.min(docs - made, 8 + Math.floor(random() * 9));
    const government = `重庆市${name}人民政府`;
    const sub = (s: string) => s.replace(/武隆区/g, name).replace(/武隆/g, name.replace(/[区县]$/, '')).replace(/20(1\d|2[0-4])年/g, () => `${year - Math.floor(random() * 3)}年`);
    const lines = [
      government + '公报', '', '(内部资料 免费交流)', '', `${year}年第${number}期`, `(总第${(year - FIRST_YEAR) * 12 + number}期)`, '',
      `主办单位：${government}办公室`, `出版日期：${year}年${Math.min(12, number * 2)}月10日`, '',
    ];
    const earlier = history.get(name) ?? [];
    let month = 1 + Math.floor(random() * 3);
    for (let i = 0; i < count; i++) {
      const t = pick(templates);
      const office = t.office;
      const series = `${abbr}${office ? (random() < 0.7 ? '办发' : '办') : '发'}`;
      const serial = (serials.get(`${series}${year}`) ?? 0) + 1;
      serials.set(`${series}${year}`, serial);
      const docNumber = `${series}〔${year}〕${serial}号`;
      const issuer = office ? `${government}办公室` : government;
      month = Math.min(12, month + (random() < 0.5 ? 1 : 0));
      const date = `${year}年${month}月${1 + Math.floor(random() * 28)}日`;
      let title: string;
      let body: string[];
      if (earlier.length > 3 && random() < 0.04) {
        // A repeal decision naming an earlier document of this government.
        const target = earlier[Math.floor(random() * earlier.length)]!;
        title = `${government}关于废止《${target.title}》的决定`;
        body = [`为维护法制统一，经区政府研究，决定对《${target.title}》（${target.docNumber}）予以废止。`, '本决定自印发之日起施行。'];
      } else {
        title = sub(t.title).replace(/^重庆市[\u4e00-\u9fa5]{1,4}[区县]人民政府(办公室)?/, issuer);
        // The template's own paragraphs, about a third swapped for paragraphs of other documents.
        body = t.paragraphs.map((p) => sub(random() < 0.33 ? pick(pool) : p));
      }
      lines.push(`${issuer}文件`, '', docNumber, '', title, '', `${pick(ADDRESSEES)}：`, '');
      for (const p of body) lines.push(p, '');
      lines.push(issuer, date, '', '（此件公开发布）', '');
      if (!title.includes('废止')) earlier.push({ title, docNumber });
    }
    history.set(name, earlier.slice(-200));
    made += count;
    yield { file: `g${String(g).padStart(2, '0')}/${year}/${name}-${year}-${String(number).padStart(2, '0')}.txt`, text: lines.join('\n'), documents: count };
  }
}

function main(argv: string[]): void {
  const arg = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i === -1 ? undefined : argv[i + 1];
  };
  const docs = Number(arg('docs') ?? 1000);
  const out = arg('out');
  const seed = Number(arg('seed') ?? 1);
  if (!out || !Number.isInteger(docs) || docs < 1) {
    process.stderr.write('usage: npm run corpus -- --docs N --out dir [--seed S]\n');
    process.exit(2);
  }
  let files = 0;
  let bytes = 0;
  for (const issue of generateCorpus(docs, seed)) {
    const path = join(out, issue.file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, issue.text);
    files++;
    bytes += Buffer.byteLength(issue.text);
  }
  process.stdout.write(`${out}: ${files} issues, ${docs} documents, ${(bytes / 1e6).toFixed(1)} MB\n`);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main(process.argv.slice(2));
