/**
 * Is a document a 规范性文件 (an administrative normative document binding the public, subject to
 * the annual 清理 and the 现行有效/失效 library), or an internal/one-off paper (a 批复, a personnel
 * notice, a 报告)? The portal's 规范性文件库 and the cleanup report's "no validity clause" list
 * depend on it.
 *
 * CONTRACT (shared by src/store, src/status, src/server): the names below are fixed; the
 * implementation is being written.
 */
import type { OfficialDocument } from '../domain/types.js';

export interface NormativeJudgement {
  readonly normative: boolean;
  /** Why, in words a clerk can check: 文种 通知 with 印发…办法; has 有效期 clause; … */
  readonly reasons: string[];
}

export function classifyNormative(doc: OfficialDocument): NormativeJudgement {
  const normative = doc.kind === '决定' || doc.kind === '意见' || /印发.*(办法|规定|细则|方案|规则)/.test(doc.title);
  return { normative, reasons: ['(provisional rule: 文种 决定/意见 or 印发…办法/规定/细则/方案/规则)'] };
}
