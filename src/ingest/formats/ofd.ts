/**
 * OFD (GB/T 33190-2016, the national format for electronic official documents) → text. An OFD
 * is a zip of XML: OFD.xml names each document's Document.xml (DocBody/DocRoot), which lists its
 * pages (Pages/Page@BaseLoc) and the default page box (CommonData/PageArea/PhysicalBox); each
 * page's Content.xml holds layers of TextObjects (Boundary, Size, CTM) with TextCode runs (X, Y
 * baseline, DeltaX advances, in mm with y downwards). The runs go through the same position
 * reading as a PDF's (`layout.ts`).
 */
import { XMLParser } from 'fast-xml-parser';
import { UserError } from '../../domain/errors.js';
import { layOut, type LaidPage, type Run } from './layout.js';
import type { Extracted } from './types.js';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  textNodeName: '#text',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['DocBody', 'Page', 'Layer', 'TextObject', 'TextCode', 'PageBlock'].includes(name),
});

const nums = (s: unknown): number[] => (typeof s === 'string' ? s.trim().split(/[\s,]+/).filter(Boolean).map(Number) : []);
const asArray = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v ? [v as Node] : []);

/** DeltaX / DeltaY with the `g N d` shorthand (N advances of d) expanded. */
export function expandDeltas(s: unknown): number[] {
  if (typeof s !== 'string') return [];
  const t = s.trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === 'g') {
      const n = Number(t[i + 1]);
      const d = Number(t[i + 2]);
      for (let k = 0; k < n; k++) out.push(d);
      i += 2;
    } else if (t[i] !== '') out.push(Number(t[i]));
  }
  return out;
}

/** Resolve a path in the package: absolute from the root, else relative to the referring file's folder. */
function resolve(base: string, loc: string): string {
  if (loc.startsWith('/')) return loc.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const p of loc.split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '.' && p !== '') parts.push(p);
  }
  return parts.join('/');
}

const textOf = (code: Node): string => {
  const t = code['#text'];
  return typeof t === 'string' ? t : typeof t === 'number' ? String(t) : '';
};

/** Runs of one TextCode, split where the advance is much wider than a character (letter spacing). */
function codeRuns(obj: Node, code: Node, height: number): Run[] {
  const [bx = 0, by = 0] = nums(obj['@Boundary']);
  const size = Number(obj['@Size'] ?? 3.5);
  const [a = 1, , , d = 1, e = 0, f = 0] = obj['@CTM'] ? nums(obj['@CTM']) : [];
  const chars = [...textOf(code)];
  const deltas = expandDeltas(code['@DeltaX']);
  const x0 = Number(code['@X'] ?? 0);
  const y = Number(code['@Y'] ?? 0);
  const runs: Run[] = [];
  const down = expandDeltas(code['@DeltaY']);
  if (down.length > 0 && deltas.length === 0) {
    // Set vertically (DeltaY only): one run a character, stacked — read as a vertical line by layout.ts.
    let yy = y;
    return chars.flatMap((ch, i) => {
      if (i > 0) yy += down[i - 1] ?? size;
      return ch.trim() ? [{ text: ch, x: bx + e + a * x0, y: height - (by + f + d * yy), w: a * size, size: size * Math.abs(d) }] : [];
    });
  }
  let x = x0;
  let runX = x0;
  let text = '';
  const push = (endX: number) => {
    if (text.trim()) runs.push({ text, x: bx + e + a * runX, y: height - (by + f + d * y), w: a * (endX - runX), size: size * Math.abs(d) });
  };
  chars.forEach((ch, i) => {
    const adv = deltas[i - 1];
    if (i > 0) {
      const next = x + (adv ?? size);
      if (adv !== undefined && adv > 1.5 * size) {
        push(x + size);
        runX = next;
        text = '';
      }
      x = next;
    }
    text += ch;
  });
  push(x + size);
  return runs;
}

function collect(node: unknown, out: Array<{ obj: Node; code: Node }>): void {
  if (!node || typeof node !== 'object') return;
  for (const [k, v] of Object.entries(node as Node)) {
    if (k === 'TextObject') {
      for (const obj of asArray(v)) for (const code of asArray(obj['TextCode'])) out.push({ obj, code });
    } else if (!k.startsWith('@') && k !== '#text') {
      for (const child of Array.isArray(v) ? v : [v]) collect(child, out);
    }
  }
}

export async function ofdToText(buf: Uint8Array, name: string): Promise<Extracted> {
  const { default: JSZip } = await import('jszip');
  const bad = (why: string) => new UserError(`${name}: not a readable OFD (${why})`);
  let zip;
  try {
    zip = await JSZip.loadAsync(buf);
  } catch (err) {
    throw bad((err as Error).message);
  }
  const files = new Map(Object.keys(zip.files).map((n) => [n.replace(/^\//, '').toLowerCase(), n]));
  const read = async (path: string): Promise<Node> => {
    const entry = files.get(path.toLowerCase());
    if (!entry) throw bad(`${path} missing`);
    try {
      return parser.parse(await zip.file(entry)!.async('string')) as Node;
    } catch (err) {
      throw bad(`${path}: ${(err as Error).message}`);
    }
  };
  const ofd = (await read('OFD.xml'))['OFD'] as Node | undefined;
  const bodies = asArray(ofd?.['DocBody']);
  if (bodies.length === 0) throw bad('OFD.xml names no DocBody');
  const pages: LaidPage[] = [];
  for (const body of bodies) {
    const root = String(body['DocRoot'] ?? '').trim();
    if (!root) throw bad('DocBody without DocRoot');
    const docPath = resolve('', root);
    const doc = (await read(docPath))['Document'] as Node | undefined;
    const common = (doc?.['CommonData'] ?? {}) as Node;
    const defaultBox = nums(((common['PageArea'] ?? {}) as Node)['PhysicalBox']);
    for (const p of asArray((doc?.['Pages'] as Node | undefined)?.['Page'])) {
      const pagePath = resolve(docPath, String(p['@BaseLoc'] ?? ''));
      const page = asArray((await read(pagePath))['Page'])[0];
      const box = nums(((page?.['Area'] ?? {}) as Node)['PhysicalBox']);
      const [, , width = 210, height = 297] = box.length === 4 ? box : defaultBox.length === 4 ? defaultBox : [];
      const codes: Array<{ obj: Node; code: Node }> = [];
      collect(page?.['Content'], codes);
      pages.push({ width, height, runs: codes.flatMap(({ obj, code }) => codeRuns(obj, code, height)) });
    }
  }
  const { text, furniture } = layOut(pages);
  if (text.trim() === '') throw new UserError(`${name}: OFD with no text (scanned pages need OCR first)`);
  return { format: 'ofd', encoding: 'ofd', text, furniture };
}
