import { buildApp } from './app.js';
import { bootstrap, reportBootstrap } from './bootstrap.js';
import { ConfigError, loadConfig } from './config/config.js';
import { openDatabase } from './db/connection.js';
import { migrateToLatest } from './db/migrate.js';
import { createDemoHospital, reportDemo } from './demo/demo.js';
import { startScheduler } from './jobs/scheduler.js';
import { slaLevelJob } from './sla/escalation.js';
import { statsSummaryJob } from './stats/report.js';
import { autocloseJob } from './tickets/autoclose.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  const database = openDatabase(config.database);
  await migrateToLatest(database);
  const app = await buildApp({ config, database });
  reportBootstrap(await bootstrap(database, config), app.log);
  if (config.demo || process.argv.slice(2).includes('--demo')) {
    reportDemo(await createDemoHospital(database, app.log), app.log);
  }

  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'stopping');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const stopJobs = startScheduler(database, [autocloseJob, slaLevelJob, statsSummaryJob], app.log);
  app.addHook('onClose', async () => stopJobs());

  await app.listen({ host: config.host, port: config.port });
  app.log.info({ engine: database.engine, host: config.host, port: config.port }, 'Guichet started');
}

main().catch((error: unknown) => {
  process.stderr.write(`Guichet failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
