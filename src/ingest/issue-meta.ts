/** The issue's cover: 重庆市武隆区人民政府公报, 2024年第2期, (总第165期), 出版日期. */
import { compact } from './patterns.js';

export interface CoverFacts {
  readonly title: string | null;
  readonly year: number | null;
  readonly number: number | null;
  readonly totalNumber: number | null;
  readonly publishedOn: string | null;
}

const pad = (n: string) => n.padStart(2, '0');

export function readCover(frontMatter: string): CoverFacts {
  const c = compact(frontMatter);
  const title = /([\u4e00-\u9fa5]{2,30}公报)/.exec(c)?.[1] ?? null;
  const issue = /(\d{4})年第(\d{1,2})期/.exec(c);
  const total = /总第(\d{1,4})期/.exec(c);
  const pub = /出版日期[：:](\d{4})年(\d{1,2})月(\d{1,2})日/.exec(c);
  return {
    title,
    year: issue ? Number(issue[1]) : null,
    number: issue ? Number(issue[2]) : null,
    totalNumber: total ? Number(total[1]) : null,
    publishedOn: pub ? `${pub[1]}-${pad(pub[2]!)}-${pad(pub[3]!)}` : null,
  };
}
