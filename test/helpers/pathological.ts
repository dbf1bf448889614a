/**
 * Hostile-but-plausible gazette text of a chosen size, one family per way a reader can go
 * superlinear: jump markers, table rows, long lines, empty lines, repeated mastheads. Each is a
 * real gazette document (masthead, 文号, title, body) with the hostile part in its body, so the
 * text reaches every stage of the reader rather than being refused at the door.
 */
const HEAD = ['重庆市武隆区人民政府文件', '', '武隆府发〔2024〕1号', '', '重庆市武隆区人民政府', '关于印发测试办法的通知', '', '各乡镇人民政府：'];
const TAIL = ['', '重庆市武隆区人民政府', '2024年6月1日', '（此件公开发布）'];

/** The document around `body`, repeated/grown until the text reaches `bytes` (UTF-8). */
function grow(bytes: number, unit: (i: number) => string, head = HEAD, tail = TAIL): string {
  const parts: string[] = [head.join('\n')];
  let size = Buffer.byteLength(parts[0]!);
  for (let i = 0; size < bytes; i++) {
    const u = unit(i);
    parts.push(u);
    size += Buffer.byteLength(u) + 1;
  }
  parts.push(tail.join('\n'));
  return parts.join('\n');
}

export const FAMILIES = {
  /** Unpaired （上接第N页） markers, each before a line of body text. */
  'jump markers': (bytes: number) => grow(bytes, (i) => `（上接第${(i % 90) + 2}页）\n各单位要按照要求认真落实。`),
  /** A markdown table of many rows, with a run of spaces in every row. */
  'table rows': (bytes: number) => grow(bytes, (i) => `| ${i} | 区财政局${' '.repeat(40)}| 2024年底 |`),
  /** One line of body text without a break. */
  'long lines': (bytes: number) => grow(bytes, () => '各单位要按照要求认真落实，'.repeat(1000)),
  /**
   * Blank lines, with a sentence now and then. Half of them hold the spaces extraction leaves on
   * an empty line: 16 MB of bare newlines would be 16 million lines, a test of memory, not of time.
   */
  'empty lines': (bytes: number) => grow(bytes, (i) => (i % 1000 === 0 ? '各单位要认真落实。' : i % 2 ? '' : `${'\u3000'.repeat(4)}${' '.repeat(20)}`)),
  /** Masthead copies at every page (running headers), with a new document every eighth page. */
  'repeated mastheads': (bytes: number) =>
    grow(bytes, (i) =>
      [
        '重庆市武隆区人民政府文件',
        ...(i % 8 === 7 ? [`武隆府发〔2024〕${i + 2}号`, '关于做好有关工作的通知', '各单位：'] : []),
        '各单位要按照要求认真落实，确保各项工作取得实效。',
        '（此件公开发布）',
      ].join('\n'),
    ),
  /** One markdown row of spaces: the shape that made a table pattern backtrack quadratically. */
  'spaces in a row': (bytes: number) => grow(bytes, () => `|${' '.repeat(65536)}x|`),
} satisfies Record<string, (bytes: number) => string>;

export type Family = keyof typeof FAMILIES;
