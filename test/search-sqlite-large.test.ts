/** The large-match-set suite (search-large.ts) on the SQLite store, in memory. */
import { openSqliteStore } from '../src/store/sqlite/index.js';
import { runLargeSearchSuite } from './search-large.js';

runLargeSearchSuite('sqlite', (searchLimits) => openSqliteStore(':memory:', searchLimits ? { searchLimits } : {}));
