/** Paths of the bundled Wulong samples, by their number prefix (000…004). */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SAMPLES_DIR = fileURLToPath(new URL('../../samples/wulong/', import.meta.url));

export function sample(id: string): string {
  const f = readdirSync(SAMPLES_DIR).find((n) => n.startsWith(`${id}_`) && n.endsWith('.txt'));
  if (!f) throw new Error(`no sample ${id} in ${SAMPLES_DIR}`);
  return SAMPLES_DIR + f;
}

export const ALL_SAMPLES = ['000', '001', '002', '003', '004'].map(sample);
