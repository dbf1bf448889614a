/** The SQLite store against the shared Store conformance suite (hand-built ParseResults). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { runStoreConformance } from './store-conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'gongbao-sqlite-'));
let n = 0;
runStoreConformance('sqlite', async () => openSqliteStore(join(dir, `store-${n++}.db`)));
after(() => rmSync(dir, { recursive: true, force: true }));
