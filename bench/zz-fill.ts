import { openBenchDatabase } from './bench-database.js';
const handle = await openBenchDatabase(1_000_000);
await handle.close();
