/**
 * Attachments (附件): the 附件说明 list after the body (附件：1．…2．…), 附件 headings further
 * down that open the attached text (附件1 / 附件 2), and 附件 given only as （略）.
 */
import type { Attachment } from '../domain/types.js';

const OMITTED = /\s*[（(]\s*略\s*[）)]\s*$/;

function attachment(number: number, raw: string): Attachment {
  const title = raw.replace(OMITTED, '').replace(/[。；;，,]$/, '').trim();
  return { number, title, omitted: OMITTED.test(raw) };
}

// A markdown bullet sometimes precedes it (004_: - 附件：1. …).
const NOTE = /^(?:[-•*]\s+)?附\s*件\s*[：:]\s*/;

/** Whether a paragraph is a 附件说明 (附件：…), as opposed to an attachment heading. */
export function isAttachmentNote(text: string): boolean {
  return NOTE.test(text);
}

/**
 * Parse a 附件说明 paragraph. Items are numbered 1．2．… (the list may come as one joined
 * paragraph); we split only at the next expected number so numbers inside titles stay put.
 */
export function parseAttachmentNote(text: string): Attachment[] {
  const body = text.replace(NOTE, '');
  if (!/^1\s*[.．、]/.test(body)) return body ? [attachment(1, body)] : [];
  const out: Attachment[] = [];
  let rest = body.replace(/^1\s*[.．、]\s*/, '');
  for (let n = 1; ; n++) {
    // The next item is "n+1．" after a non-digit; a half-width "n+1." must not be a decimal (2.5).
    const next = new RegExp(`(?<=[^\\d.．])${n + 1}\\s*(?:[．、]|\\.(?!\\d))`).exec(rest);
    if (!next) {
      out.push(attachment(n, rest));
      return out;
    }
    out.push(attachment(n, rest.slice(0, next.index)));
    rest = rest.slice(next.index + next[0].length).trimStart();
  }
}

/**
 * An attachment heading that opens the attached text: 附件, 附件1, 附件 2, 附件3：标题.
 * Returns its number (1 when unnumbered) and the title when printed on the same line.
 */
export function attachmentHeading(text: string): { number: number; title?: string } | null {
  const m = /^附\s*件\s*([0-9０-９]{1,2})?\s*(?:[：:]\s*(.{1,80}))?$/.exec(text.trim());
  if (!m) return null;
  // 附件：… without a number is the 附件说明, not a heading.
  if (m[2] !== undefined && (m[1] === undefined || /[。；]/.test(m[2]))) return null;
  const digits = (m[1] ?? '1').replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  return m[2] ? { number: Number(digits), title: m[2].trim() } : { number: Number(digits) };
}
