/**
 * Bytes → text. Gazettes reach us as UTF-8 (with or without BOM), GB18030/GBK from older
 * Windows tools, occasionally UTF-16, or as the PDF itself. UTF-8 with a few damaged bytes (a
 * bad copy, a download cut mid-character) is still UTF-8: read with U+FFFD and a warning saying
 * where. Anything else is refused with a reason the CLI can print as one line.
 */
import { isUtf8 } from 'node:buffer';
import { UserError } from '../domain/errors.js';
import type { Warning } from '../domain/types.js';

export interface Decoded {
  readonly text: string;
  readonly encoding: 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'pdf';
  /** Damage read around (invalid bytes replaced by U+FFFD), with where it was. */
  readonly warnings?: Warning[];
}

/** Where a UTF-8 reading breaks: offsets of invalid sequences, and how many characters read fine. */
interface Utf8Scan {
  readonly invalid: number[];
  /** Well-formed multi-byte characters: what tells damaged UTF-8 from another encoding. */
  readonly multibyte: number;
}

/** Second-byte range of a lead byte (RFC 3629 table: no overlongs, no surrogates, ≤ U+10FFFF). */
function leadRange(b: number): [len: number, lo: number, hi: number] | null {
  if (b >= 0xc2 && b <= 0xdf) return [2, 0x80, 0xbf];
  if (b === 0xe0) return [3, 0xa0, 0xbf];
  if (b === 0xed) return [3, 0x80, 0x9f];
  if (b >= 0xe1 && b <= 0xef) return [3, 0x80, 0xbf];
  if (b === 0xf0) return [4, 0x90, 0xbf];
  if (b >= 0xf1 && b <= 0xf3) return [4, 0x80, 0xbf];
  if (b === 0xf4) return [4, 0x80, 0x8f];
  return null;
}

/** What scanUtf8 says of a buffer isUtf8 passed: nothing invalid (multibyte counts only for damaged files). */
const VALID: Utf8Scan = { invalid: [], multibyte: 0 };

/** One pass; each maximal invalid subpart counts once, as TextDecoder replaces it by one U+FFFD. */
function scanUtf8(buf: Uint8Array): Utf8Scan {
  const invalid: number[] = [];
  let multibyte = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const lead = leadRange(b);
    if (!lead) {
      invalid.push(i++);
      continue;
    }
    const [len, lo, hi] = lead;
    let k = 1;
    while (k < len && i + k < buf.length && buf[i + k]! >= (k === 1 ? lo : 0x80) && buf[i + k]! <= (k === 1 ? hi : 0xbf)) k++;
    if (k === len) multibyte++;
    else invalid.push(i);
    i += k;
  }
  return { invalid, multibyte };
}

/** A few invalid sequences among many good characters: damaged UTF-8, not another encoding. */
function damagedUtf8(scan: Utf8Scan): boolean {
  return scan.invalid.length > 0 && scan.invalid.length * 50 <= scan.multibyte;
}

function damageWarning(buf: Uint8Array, invalid: readonly number[]): Warning {
  const shown = invalid.slice(0, 10);
  const places: string[] = [];
  let line = 1;
  let at = 0;
  for (const o of shown) {
    for (; at < o; at++) if (buf[at] === 0x0a) line++;
    places.push(`byte ${o} (line ${line})`);
  }
  const more = invalid.length > shown.length ? ` and ${invalid.length - shown.length} more` : '';
  return {
    code: 'invalid-utf8',
    message: `${invalid.length} invalid UTF-8 sequence${invalid.length === 1 ? '' : 's'} read as U+FFFD (�): ${places.join(', ')}${more}`,
  };
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
function controlRatio(text: string, countReplacement = true): number {
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) || (c === 0xfffd && countReplacement)) bad++;
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
    // Valid UTF-8 (nearly every file) is told by Node's native check; the byte-by-byte scan only
    // runs to say where a file is damaged.
    const scan = u16 ? null : isUtf8(buf) ? VALID : scanUtf8(buf);
    if (u16) decoded = { text: new TextDecoder(u16).decode(buf), encoding: u16 };
    else if (scan!.invalid.length === 0) decoded = { text: new TextDecoder('utf-8').decode(buf), encoding: 'utf-8' };
    else if (damagedUtf8(scan!)) {
      decoded = { text: new TextDecoder('utf-8').decode(buf), encoding: 'utf-8', warnings: [damageWarning(buf, scan!.invalid)] };
    } else decoded = bestLegacyDecoding(buf);
  }
  // The U+FFFD of damage already read around are not a sign of binary input.
  if (controlRatio(decoded.text, !decoded.warnings) > 0.01) throw new UserError(`${name}: binary file, not a text or PDF gazette`);
  if (decoded.text.trim() === '') throw new UserError(`${name}: empty file (only white space)`);
  return decoded;
}
