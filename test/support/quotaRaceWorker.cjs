// Worker-thread entry for the cross-connection quota race: plain CommonJS that teaches Node to load
// TypeScript (tsx), then runs the real ledger on its own SQLite connection.
require('tsx/cjs/api').register();
require('./quotaRaceWorkerMain.ts');
