import { UserError } from '../../domain/errors.js';
import type { Extracted } from './types.js';

export async function ofdToText(_buf: Uint8Array, name: string): Promise<Extracted> {
  throw new UserError(`${name}: ofd not supported yet`);
}
