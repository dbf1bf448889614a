import { UserError } from '../../domain/errors.js';
import type { Extracted } from './types.js';

export function looksLikeHtml(buf: Uint8Array): boolean {
  const head = Buffer.from(buf.subarray(0, 1024)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  return head.startsWith('<!doctype html') || head.startsWith('<html') || /<(head|body)[\s>]/.test(head);
}

export async function htmlToText(_buf: Uint8Array, name: string): Promise<Extracted> {
  throw new UserError(`${name}: html not supported yet`);
}
