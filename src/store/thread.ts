/** Worker threads started from source or from dist/ alike (the parse pool, the index merge). */
import { Worker } from 'node:worker_threads';

/**
 * A worker thread running the module `name` next to the caller's (`from`: its import.meta.url):
 * the .js one from dist/; from source under tsx (tests, benches), the .ts one, registering tsx first.
 */
export function startWorker(name: string, from: string, workerData?: unknown): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`${name}.js`, from), { workerData });
  const tsx = import.meta.resolve('tsx/esm/api');
  const entry = new URL(`${name}.ts`, from).href;
  const code = `const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), { workerData });
}
