/**
 * Whole-collection views a page needs (every issue, every reference, the home page's figures)
 * computed once per state of the store, not once per request: at a province's scale reading every
 * issue took seconds. The key is the store's change counter (every committed ingest and
 * correction), the count its relations and statuses were derived from, and the number of findings
 * marked public, so another process's ingest, recompute or mark is seen on the next request.
 */
import type { Store } from '../../store/store.js';

const memos = new WeakMap<Store, { key: string; values: Map<string, Promise<unknown>> }>();

export async function memo<T>(store: Store, name: string, compute: () => Promise<T>): Promise<T> {
  // Public marks change what is published (a marked finding is shown), not the change counter.
  const [s, marks] = await Promise.all([store.derivedState(), store.publicMarks()]);
  const key = `${s.changes}:${s.derived}:${marks.length}`;
  let m = memos.get(store);
  if (!m || m.key !== key) memos.set(store, (m = { key, values: new Map() }));
  let v = m.values.get(name) as Promise<T> | undefined;
  if (!v) {
    v = compute();
    m.values.set(name, v);
    // A failed computation is not kept: the next request tries again.
    v.catch(() => m!.values.delete(name));
  }
  return v;
}
