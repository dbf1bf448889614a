import type { Command } from 'commander';
import type { ParseResult } from '../../domain/types.js';
import { parseFile } from '../../ingest/index.js';
import { cut, pad } from '../columns.js';

export function summary(r: ParseResult, explain: boolean): string {
  const out: string[] = [];
  const i = r.issue;
  out.push(`${r.source.file} (${r.source.encoding}, ${r.source.bytes} bytes)`);
  if (i) {
    const no = i.year ? `${i.year}年第${i.number ?? '?'}期` : '';
    out.push(`${i.title} ${no}${i.totalNumber ? `（总第${i.totalNumber}期）` : ''}${i.publishedOn ? ` 出版 ${i.publishedOn}` : ''}`);
    out.push(`目录 ${i.contents.length} entries, 主要文件目录 ${i.index.length} entries`);
  }
  const d0 = r.source.declared;
  if (d0 && (d0.validity || d0.repealDate || d0.effectiveDate)) {
    const facts = [d0.validity && `有效性 ${d0.validity}`, d0.effectiveDate && `生效 ${d0.effectiveDate}`, d0.repealDate && `废止 ${d0.repealDate}`].filter(Boolean);
    out.push(`declared by the page: ${facts.join(', ')}`);
  }
  out.push('');
  out.push(`${pad('文号', 24)}${pad('成文日期', 12)}${pad('文种', 6)}标题`);
  for (const d of r.documents) {
    out.push(`${pad(d.docNumber ?? '—', 24)}${pad(d.signedOn ?? '—', 12)}${pad(d.kind ?? '—', 6)}${cut(d.title, 48)}`);
    for (const w of d.warnings) out.push(`    ! ${w.code}: ${w.message}`);
  }
  out.push('');
  out.push(`${r.documents.length} documents, ${r.references.length} known by reference, ${r.warnings.length} issue warnings`);
  for (const w of r.warnings) out.push(`! ${w.code}: ${w.message}`);
  if (explain) {
    out.push('', `Discarded artefacts (${r.discarded.length}):`);
    for (const a of r.discarded) out.push(`  line ${a.line}\t${a.kind}\t${a.text.trim()}`);
    out.push('', 'Front matter:', r.frontMatter);
  }
  return out.join('\n');
}

export function registerParse(program: Command): void {
  program
    .command('parse <file>')
    .description('parse one gazette issue, work report or official document (a saved page, a reprint) and print its documents; 待核对 marks the fields to check')
    .option('--json', 'print the JSON contract instead of a summary table')
    .option('--explain', 'also list the discarded extraction artefacts and the front matter')
    .option('--ocr', 'read a PDF without a text layer (a scan) with tesseract, page by page')
    .action(async (file: string, opts: { json?: boolean; explain?: boolean; ocr?: boolean }) => {
      const result = await parseFile(file, { ocr: !!opts.ocr });
      process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + '\n' : summary(result, !!opts.explain) + '\n');
    });
}
