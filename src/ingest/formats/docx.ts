import { UserError } from '../../domain/errors.js';
import type { Extracted } from './types.js';

export async function docxToText(_buf: Uint8Array, name: string): Promise<Extracted> {
  throw new UserError(`${name}: docx not supported yet`);
}
