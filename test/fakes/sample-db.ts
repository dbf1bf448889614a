/**
 * The store the portal tests run on. Until the SQLite store and the parser land this is the
 * hand-made in-memory store; afterwards the real sample database (see openSampleStore).
 */
import type { Store } from '../../src/store/store.js';
import { sampleMemoryStore } from './memory-store.js';

export async function openSampleStore(): Promise<Store> {
  return sampleMemoryStore();
}
