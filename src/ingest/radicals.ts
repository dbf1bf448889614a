/**
 * Kangxi radicals (U+2F00–U+2FD5) and CJK Radicals Supplement (U+2E80–U+2EFF) folded to the
 * unified ideographs they stand for. PDF text layers map many glyphs to these code points (a font's
 * cmap gives 人 and ⼈ one glyph, and the reverse map picks the radical): ⼈民 prints as 人民 but
 * reads as ⼈⺠ — no 文号, title or search would match. NFKC folds the Kangxi block but only two of
 * the supplement (⺟, ⻳); the rest follow Unicode's EquivalentUnifiedIdeograph.txt.
 */
const SUPPLEMENT: Record<string, string> = {
  '⺁': '厂', '⺅': '亻', '⺇': '几', '⺉': '刂', '⺊': '卜', '⺋': '㔾', '⺌': '小', '⺍': '小', '⺎': '兀',
  '⺏': '尣', '⺐': '尢', '⺒': '巳', '⺓': '幺', '⺔': '彑', '⺖': '忄', '⺗': '㣺', '⺘': '扌', '⺙': '攵',
  '⺛': '旡', '⺜': '日', '⺝': '月', '⺞': '歺', '⺟': '母', '⺠': '民', '⺡': '氵', '⺢': '氺', '⺣': '灬',
  '⺤': '爫', '⺥': '爫', '⺦': '丬', '⺧': '牛', '⺨': '犭', '⺩': '王', '⺪': '疋', '⺫': '罒', '⺬': '示',
  '⺭': '礻', '⺮': '竹', '⺯': '糸', '⺰': '纟', '⺱': '罓', '⺲': '罒', '⺳': '㓁', '⺶': '羊', '⺷': '羊',
  '⺹': '耂', '⺺': '聿', '⺻': '肀', '⺼': '月', '⺽': '臼', '⺾': '艹', '⺿': '艹', '⻀': '艹', '⻁': '虎',
  '⻂': '衤', '⻃': '覀', '⻄': '西', '⻅': '见', '⻆': '角', '⻈': '讠', '⻉': '贝', '⻋': '车', '⻌': '辶',
  '⻍': '辶', '⻎': '辶', '⻏': '阝', '⻐': '钅', '⻑': '長', '⻒': '镸', '⻓': '长', '⻔': '门', '⻕': '阜',
  '⻖': '阝', '⻗': '雨', '⻘': '青', '⻙': '韦', '⻚': '页', '⻛': '风', '⻜': '飞', '⻝': '食', '⻟': '飠',
  '⻠': '饣', '⻡': '首', '⻢': '马', '⻣': '骨', '⻤': '鬼', '⻥': '鱼', '⻦': '鸟', '⻧': '卤', '⻨': '麦',
  '⻩': '黄', '⻪': '黾', '⻫': '斉', '⻬': '齐', '⻭': '歯', '⻮': '齿', '⻯': '竜', '⻰': '龙', '⻱': '龜',
  '⻲': '亀', '⻳': '龟',
};

const RADICAL = /[\u2e80-\u2eff\u2f00-\u2fd5]/gu;

/** The text with every radical code point replaced by its ideograph (others left as they are). */
export function foldRadicals(text: string): string {
  return text.replace(RADICAL, (ch) => SUPPLEMENT[ch] ?? (ch >= '\u2f00' ? ch.normalize('NFKC') : ch));
}
