/**
 * 核心举措 and 适用对象和范围. Measures are what the document's numbered parts require or grant,
 * each condensed from the first sentence that says it (a heading alone says nothing; a heading
 * with sub-items is a container and yields its sub-items). An instrument in articles (第N条) gives
 * the opening articles of each chapter but 总则/附则; a repeal decision gives the documents it repeals.
 */
import type { OfficialDocument } from '../domain/types.js';
import type { InterpretItem } from './interpret.js';
import { clausePieces, condense, dedupe, item, sentencePieces, stripMarker, type Piece } from './interpret-text.js';
import { findRefs, sentences } from './text.js';

const MAX_MEASURES = 20;
/** The entry-into-force clause belongs to 执行标准, not to the measures. */
const VALIDITY = /^本(?:实施)?(?:通告|办法|方案|通知|决定|意见|规定|细则|标准)(?:自|从)/;
/** An article that requires, forbids or grants something. */
const OPERATIVE = /应当|不得|禁止|严禁|可以|给予|负责|实行|按照|予以|必须/;
const GENERAL = /指导思想|总体要求|基本原则|工作目标|主要目标|目标任务|总则|附则/;

export function measureItems(doc: OfficialDocument): InterpretItem[] {
  if (/废止|宣布失效/.test(doc.title)) return repealMeasures(doc);
  const articles = doc.body.filter((b) => /^第[一二三四五六七八九十百]+条/.test(b.text)).length;
  return dedupe(articles >= 5 ? articleMeasures(doc) : headingMeasures(doc)).slice(0, MAX_MEASURES);
}

/** The text a block states after its heading number and run-in heading. */
function ownContent(text: string, heading: string | undefined): string {
  let rest = stripMarker(text);
  if (heading && rest.startsWith(heading)) rest = rest.slice(heading.length).replace(/^[。：:，,；\s]+/, '');
  return rest;
}

/** The block's first sentence that says something (more than its number, and not just the heading `label`). */
function firstSentence(doc: OfficialDocument, block: number, label = ''): Piece | null {
  const b = doc.body[block]!;
  for (const s of sentences(b.text)) {
    const text = s.trim();
    const said = stripMarker(text);
    if (said.length > 4 && (label === '' || !label.startsWith(said.replace(/[。；]$/, '')))) return { text, block, level: b.level };
  }
  return null;
}

function headingMeasures(doc: OfficialDocument): InterpretItem[] {
  const out: InterpretItem[] = [];
  let skipUnder: number | null = null;
  doc.body.forEach((b, i) => {
    if (b.level < 1 || b.level > 3) return;
    if (skipUnder !== null && b.level > skipUnder) return;
    skipUnder = null;
    const label = (b.heading ?? '').replace(/[。；：:]$/, '');
    if (GENERAL.test(label)) {
      skipUnder = b.level;
      return;
    }
    const own = ownContent(b.text, b.heading);
    const next = doc.body[i + 1];
    const hasChildren = next !== undefined && next.level > b.level;
    if (own.length < 4 && hasChildren) return; // a container: its sub-items say what it means
    let source: Piece | null = own.length >= 4 ? firstSentence(doc, i, label) : null;
    // A label (一、禁放区域) is explained by the paragraph after it; a sentence (十、本通告…执行。) is its own.
    if (!source && next && next.level === 0 && !/[。；]$/.test(b.text)) source = firstSentence(doc, i + 1);
    if (!source) source = firstSentence(doc, i);
    if (!source || VALIDITY.test(stripMarker(source.text))) return;
    const said = condense(source.text, 56);
    const text = label && !said.startsWith(label.slice(0, 4)) ? `${condense(label, 20)}：${said}` : said;
    out.push(item(text, source));
  });
  return out;
}

function articleMeasures(doc: OfficialDocument): InterpretItem[] {
  const out: InterpretItem[] = [];
  let chapter = '';
  let taken = 0;
  const chapters = doc.body.some((b) => b.level === 1 && /^第[一二三四五六七八九十]+章/.test(b.text));
  doc.body.forEach((b, i) => {
    if (b.level === 1 && /^第[一二三四五六七八九十]+章/.test(b.text)) {
      chapter = b.text.replace(/^第[一二三四五六七八九十]+章\s*/, '');
      taken = 0;
      return;
    }
    if (!/^第[一二三四五六七八九十百]+条/.test(b.text) || GENERAL.test(chapter) || taken >= (chapters ? 2 : MAX_MEASURES)) return;
    const s = firstSentence(doc, i);
    if (!s || VALIDITY.test(stripMarker(s.text)) || !OPERATIVE.test(s.text) || /^第[一二]条/.test(s.text)) return;
    taken++;
    out.push(item(`${chapter ? `${chapter}：` : ''}${condense(s.text, 56)}`, s));
  });
  return out;
}

function repealMeasures(doc: OfficialDocument): InterpretItem[] {
  const out: InterpretItem[] = [];
  for (const s of sentencePieces(doc)) {
    for (const c of clausePieces(s)) {
      if (!/废止/.test(c.text)) continue;
      const refs = findRefs(c.text).filter((r) => r.docNumber !== null);
      for (const r of refs) out.push(item(`废止${r.title ? `《${r.title}》` : ''}（${r.docNumber}）`, c));
      if (refs.length === 0 && s.attachment === undefined) out.push(item(condense(c.text), c));
    }
    // Numbered lists of repealed documents (1. 某某通知（武隆府办发〔2013〕26号）).
    if (s.level >= 3 && s.attachment !== undefined) {
      const r = findRefs(s.text).find((x) => x.docNumber !== null);
      if (r) out.push(item(`废止：${condense(s.text.slice(0, r.start), 60)}（${r.docNumber}）`, s));
    }
  }
  for (const t of doc.tables) {
    const name = t.header.findIndex((h) => /名称/.test(h));
    const num = t.header.findIndex((h) => /文号|文件号|字号/.test(h));
    const why = t.header.findIndex((h) => /理由|原因/.test(h));
    if (name < 0) continue;
    for (const row of t.rows) {
      const title = row[name]?.trim();
      if (!title || !doc.text.includes(title)) continue;
      const reason = why >= 0 ? row[why]?.trim() : '';
      out.push({ text: `废止《${title}》${num >= 0 && row[num] ? `（${row[num]!.trim()}）` : ''}${reason ? `，理由：${reason}` : ''}`, quote: title, paragraph: t.afterBlock });
    }
  }
  return dedupe(out).slice(0, 40);
}

const SCOPE = /适用于|适用本|所称|适用范围|(?:实施|适用|补助|奖励|扶持|服务|改造)(?:对象|范围)|申请(?:条件|对象)|符合下列|具备下列|对象为|范围为|范围包括|由.{2,12}负责实施/;
const SCOPE_HEADING = /(?:范围|对象|区域|场所|条件)(?:（[^）]*）)?$/;

export function scopeItems(doc: OfficialDocument): InterpretItem[] {
  const out: InterpretItem[] = [];
  doc.body.forEach((b, i) => {
    const label = (b.heading ?? '').replace(/[。；：:]$/, '');
    if (b.level < 1 || !SCOPE_HEADING.test(label)) return;
    const own = ownContent(b.text, b.heading);
    // A label (一、禁放区域) is defined by the whole paragraph after it (东：…；南：…；西：…), quoted whole.
    const next = doc.body[i + 1];
    const src = own.length >= 4 ? firstSentence(doc, i, label) : next?.level === 0 ? { text: next.text.trim(), block: i + 1 } : null;
    if (src) out.push(item(`${condense(label, 24)}：${condense(src.text.replace(/^.*?[：:]/, (m) => (m.length < 12 ? '' : m)), 60)}`, src));
  });
  for (const s of sentencePieces(doc)) {
    // A sentence announcing a list (符合下列条件之一的企业：) says nothing until the list: left out.
    if (SCOPE.test(s.text) && !/^本(?:通知|决定)自/.test(stripMarker(s.text)) && !/[：:]$/.test(s.text) && stripMarker(s.text).length >= 15) out.push(item(condense(s.text, 70), s));
  }
  return dedupe(out).slice(0, 10);
}
