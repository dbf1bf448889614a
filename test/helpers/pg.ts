/**
 * A throwaway PostgreSQL for the tests. With GONGBAO_PG_URL set, databases are created on that
 * server; otherwise one cluster is initdb'd in a temp dir, started on a free 127.0.0.1 port and
 * removed at the end — one per test process, with a fresh database per store.
 * Postgres refuses to run as root, so as root the binaries run as the `postgres` user.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import pg from 'pg';

export interface TestPostgres {
  /** The server as its superuser, for tests that set up roles and databases of their own. */
  readonly adminUrl: string;
  /** The URL of a new, empty database for one store (its own schema). */
  freshDatabase(): Promise<string>;
  stop(): Promise<void>;
}

/** Either a server or the reason the PostgreSQL tests are skipped. */
export type TestPostgresOrSkip = TestPostgres | { readonly skip: string };

/** `settings`: server settings for a cluster started here (benchmarks size shared_buffers to the data). */
export async function startTestPostgres(settings: readonly string[] = []): Promise<TestPostgresOrSkip> {
  const url = process.env.GONGBAO_PG_URL;
  if (url) return onServer(url, async () => {});
  const bin = findBinDir();
  if (!bin) {
    const why = 'no PostgreSQL server binaries (initdb, pg_ctl) in PATH or /usr/lib/postgresql/*/bin';
    // CI installs postgresql (.ci/run): a missing server there is a failure, not a skip.
    if (process.env.CI === 'true') throw new Error(`${why}; CI must provide them`);
    return { skip: `${why}; install postgresql or set GONGBAO_PG_URL` };
  }
  const cluster = await startCluster(bin, settings);
  return onServer(cluster.url, cluster.stop);
}

function findBinDir(): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const initdb = join(dir, 'initdb');
    // Resolve symlinks (/usr/local/bin/initdb → /usr/lib/postgresql/15/bin): pg_ctl sits beside the target.
    if (dir && existsSync(initdb)) {
      const real = dirname(realpathSync(initdb));
      if (existsSync(join(real, 'pg_ctl')) && existsSync(join(real, 'postgres'))) return real;
    }
  }
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) {
    const dir = join(root, v, 'bin');
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return null;
}

const isRoot = () => process.getuid?.() === 0;

const shellQuote = (a: string) => `'${a.replace(/'/g, `'\\''`)}'`;

/** Run a server binary, as `postgres` when we are root (runuser, else su where runuser is missing). */
function run(bin: string, args: string[]): void {
  let r = spawnSync(...command(bin, args, 'runuser'), { encoding: 'utf8' });
  if (isRoot() && (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    r = spawnSync(...command(bin, args, 'su'), { encoding: 'utf8' });
  }
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${r.error ?? ''}${r.stderr}${r.stdout}`);
}

function command(bin: string, args: string[], via: 'runuser' | 'su'): [string, string[]] {
  if (!isRoot()) return [bin, args];
  if (via === 'runuser') return ['runuser', ['-u', 'postgres', '--', bin, ...args]];
  return ['su', ['postgres', '-s', '/bin/sh', '-c', [bin, ...args].map(shellQuote).join(' ')]];
}

/** The temp dir's parent must be passable by `postgres` (TMPDIR may point into root's home). */
function tempBase(): string {
  const base = tmpdir();
  return !isRoot() || (statSync(base).mode & 0o001) !== 0 ? base : '/tmp';
}

function ensurePostgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  if (spawnSync('id', ['-u', 'postgres']).status !== 0) {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/bin/sh', 'postgres']);
  }
  return { uid: id('-u'), gid: id('-g') };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

async function startCluster(bin: string, settings: readonly string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tempBase(), 'gongbao-pg-'));
  const data = join(dir, 'data');
  if (isRoot()) {
    const { uid, gid } = ensurePostgresUser();
    chownSync(dir, uid, gid);
  }
  const initdb = (locale: string) =>
    run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', `--locale=${locale}`, '--no-sync']);
  try {
    // C.UTF-8 makes pg_trgm see CJK characters as word characters; plain C is the fallback.
    try {
      initdb('C.UTF-8');
    } catch {
      rmSync(data, { recursive: true, force: true });
      initdb('C');
    }
    const port = await freePort();
    // Durability is pointless for a throwaway cluster: turning it off keeps the tests fast.
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off${settings.map((x) => ` -c ${x}`).join('')}`;
    run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', opts, 'start']);
    let stopped = false;
    const stopSync = () => {
      if (stopped) return;
      stopped = true;
      try {
        run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    // If the test process ends without calling stop() (a crash, Ctrl-C, the runner cancelling it),
    // still leave no server behind.
    process.once('exit', stopSync);
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
      process.once(signal, () => {
        stopSync();
        process.exit(code);
      });
    }
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, stop: async () => stopSync() };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/**
 * One database per test process and one schema per store: CREATE SCHEMA takes milliseconds
 * where CREATE DATABASE takes half a second. The database is dropped again at stop.
 */
function onServer(serverUrl: string, stopServer: () => Promise<void>): TestPostgres {
  const name = `gongbao_test_${process.pid}`;
  let database: Promise<string> | null = null;
  let schemas = 0;
  const createDatabase = async () => {
    await withClient(serverUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${name}`);
    });
    const u = new URL(serverUrl);
    u.pathname = `/${name}`;
    // Extensions belong to the database, not a schema: put pg_trgm where every store's search_path sees it.
    await withClient(u.toString(), async (c) => {
      const avail = await c.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'`);
      if (avail.rowCount) await c.query('CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public');
    });
    return u.toString();
  };
  return {
    adminUrl: serverUrl,
    async freshDatabase() {
      database ??= createDatabase();
      const url = await database;
      const schema = `store_${++schemas}`;
      await withClient(url, (c) => c.query(`CREATE SCHEMA ${schema}`));
      const u = new URL(url);
      u.searchParams.set('options', `-c search_path=${schema},public`);
      return u.toString();
    },
    async stop() {
      try {
        if (database) await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
      } finally {
        await stopServer();
      }
    },
  };
}
