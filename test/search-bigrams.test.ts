/**
 * The index's character pairs (src/search/bigrams.ts), written as code units into one buffer, are
 * exactly the pairs of the characters joined by spaces — for any text: CJK, ASCII (as private-use
 * characters), astral characters, lone surrogates and upper case.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { bigramTokens } from '../src/search/bigrams.js';

/** The definition: each character (ASCII as U+F0000 + code, a surrogate pair whole) beside the next. */
function reference(text: string): string {
  const t = text.toLowerCase();
  const chars: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const code = t.charCodeAt(i);
    if (code < 128) chars.push(String.fromCodePoint(0xf0000 + code));
    else if (code >= 0xd800 && code < 0xdc00 && i + 1 < t.length) chars.push(t.slice(i, ++i + 1));
    else chars.push(t[i]!);
  }
  return chars.slice(1).map((c, i) => chars[i]! + c).join(' ');
}

test('character pairs of sample text: CJK, digits and Latin letters, an astral character', () => {
  const a = (c: string) => String.fromCodePoint(0xf0000 + c.charCodeAt(0));
  assert.equal(bigramTokens('武隆区'), '武隆 隆区');
  assert.equal(bigramTokens('A1号'), `${a('a')}${a('1')} ${a('1')}号`);
  assert.equal(bigramTokens('𠀋村'), '𠀋村');
  assert.equal(bigramTokens('区'), '');
  assert.equal(bigramTokens(''), '');
});

test('character pairs of any text are the reference pairs', () => {
  const text = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    fc.string({ unit: fc.constantFrom('武', '隆', 'A', 'z', '9', ' ', '〔', '\ud840', '\udc0b', '𠀋', 'İ') }),
  );
  fc.assert(fc.property(text, (t) => bigramTokens(t) === reference(t)), { numRuns: 2000 });
});
