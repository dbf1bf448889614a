/**
 * Bytes → text. Gazettes reach us as UTF-8 (with or without BOM), GB18030/GBK from older
 * Windows tools, occasionally UTF-16, or as the PDF itself. Anything else is refused with a
 * reason the CLI can print as one line.
 */
import { UserError } from '../domain/errors.js';

export interface Decoded {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'pdf';
}

function isUtf8(buf: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return true;
  } catch {
    return false;
  }
}

/** UTF-16 without BOM: every other byte is 0 for ASCII, or CJK high bytes 0x4E–0x9F sit at fixed parity. */
function guessUtf16(buf: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (buf.length < 4 || buf.length % 2 !== 0) return null;
  let evenZero = 0;
  let oddZero = 0;
  const n = Math.min(buf.length, 4096);
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) evenZero++;
    if (buf[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of characters a Chinese government text is made of: CJK, its punctuation, ASCII text. */
function textLikeness(text: string): number {
  const sample = text.slice(0, 20000);
  let good = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x20 && c < 0x7f) || c === 10 || c === 13 || c === 9 || c === 0x201c || c === 0x201d || c === 0x2014) good++;
  }
  return sample.length ? good / [...sample].length : 0;
}

/** Not UTF-8: GB18030, or UTF-16 without BOM — keep whichever decoding reads most like text. */
function bestLegacyDecoding(buf: Uint8Array): Decoded {
  const candidates = (['gb18030', 'utf-16le', 'utf-16be'] as const)
    .filter((e) => e === 'gb18030' || buf.length % 2 === 0)
    .map((encoding) => ({ text: new TextDecoder(encoding).decode(buf), encoding }));
  return candidates.sort((a, b) => textLikeness(b.text) - textLikeness(a.text))[0]!;
}

/** Share of C0 control bytes other than tab/newline/CR/form feed: high in binary files. */
function controlRatio(text: string): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || c === 0xfffd) bad++;
  }
  return text.length ? bad / text.length : 0;
}

export function isPdf(buf: Uint8Array): boolean {
  return buf.length >= 5 && Buffer.from(buf.subarray(0, 5)).toString('latin1') === '%PDF-';
}

/** Decode a text file's bytes; throws UserError for empty or binary input. */
export function decodeText(buf: Uint8Array, name: string): Decoded {
  if (buf.length === 0) throw new UserError(`${name}: empty file`);
  let decoded: Decoded;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    decoded = { text: new TextDecoder('utf-8').decode(buf.subarray(3)), encoding: 'utf-8-bom' };
  } else if (buf[0] === 0xff && buf[1] === 0xfe) {
    decoded = { text: new TextDecoder('utf-16le').decode(buf.subarray(2)), encoding: 'utf-16le' };
  } else if (buf[0] === 0xfe && buf[1] === 0xff) {
    decoded = { text: new TextDecoder('utf-16be').decode(buf.subarray(2)), encoding: 'utf-16be' };
  } else {
    const u16 = guessUtf16(buf);
    if (u16) decoded = { text: new TextDecoder(u16).decode(buf), encoding: u16 };
    else if (isUtf8(buf)) decoded = { text: new TextDecoder('utf-8').decode(buf), encoding: 'utf-8' };
    else decoded = bestLegacyDecoding(buf);
  }
  if (controlRatio(decoded.text) > 0.01) throw new UserError(`${name}: binary file, not a text or PDF gazette`);
  if (decoded.text.trim() === '') throw new UserError(`${name}: empty file (only white space)`);
  return decoded;
}
