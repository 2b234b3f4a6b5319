import { inspect } from 'node:util';
import { type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { DatabaseHandle, Engine } from './connection.js';
import * as foundation from './migrations/20261204_0001_foundation.js';
import * as tickets from './migrations/20261204_0002_tickets.js';
import * as ticketExtras from './migrations/20261204_0003_ticket_extras.js';
import * as jobs from './migrations/20261204_0004_jobs.js';
import * as sla from './migrations/20261204_0005_sla.js';
import * as slaLevels from './migrations/20261204_0006_sla_levels.js';
import * as savedSearches from './migrations/20261204_0007_saved_searches.js';
import * as importCheckpoints from './migrations/20261204_0008_import_checkpoints.js';
import * as ticketListIndexes from './migrations/20261204_0009_ticket_list_indexes.js';
import * as ticketSearch from './migrations/20261204_0010_ticket_search.js';
import * as lateCounterIndex from './migrations/20261204_0011_late_counter_index.js';
import * as periodIndexes from './migrations/20261204_0012_period_indexes.js';
import * as periodStatusIndexes from './migrations/20261204_0013_period_status_indexes.js';
import * as ticketCounts from './migrations/20261204_0014_ticket_counts.js';
import * as ticketStatsDays from './migrations/20261204_0015_ticket_stats_days.js';
import * as periodIndexIds from './migrations/20261205_0016_period_index_ids.js';
import type { MigrationDb } from './migrations/helpers.js';

interface EngineAwareMigration {
  up(db: MigrationDb, engine: Engine): Promise<void>;
}

// Listed explicitly, in order, so that bundling or compiling cannot lose a file.
const migrations: Record<string, EngineAwareMigration> = {
  '20261204_0001_foundation': foundation,
  '20261204_0002_tickets': tickets,
  '20261204_0003_ticket_extras': ticketExtras,
  '20261204_0004_jobs': jobs,
  '20261204_0005_sla': sla,
  '20261204_0006_sla_levels': slaLevels,
  '20261204_0007_saved_searches': savedSearches,
  '20261204_0008_import_checkpoints': importCheckpoints,
  '20261204_0009_ticket_list_indexes': ticketListIndexes,
  '20261204_0010_ticket_search': ticketSearch,
  '20261204_0011_late_counter_index': lateCounterIndex,
  '20261204_0012_period_indexes': periodIndexes,
  '20261204_0013_period_status_indexes': periodStatusIndexes,
  '20261204_0014_ticket_counts': ticketCounts,
  '20261204_0015_ticket_stats_days': ticketStatsDays,
  '20261205_0016_period_index_ids': periodIndexIds,
};

class ListedMigrationProvider implements MigrationProvider {
  constructor(private readonly engine: Engine) {}

  getMigrations(): Promise<Record<string, Migration>> {
    const entries = Object.entries(migrations).map(([name, migration]) => [
      name,
      { up: (db: MigrationDb) => migration.up(db, this.engine) },
    ]);
    return Promise.resolve(Object.fromEntries(entries) as Record<string, Migration>);
  }
}

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  // Migrations are independent of each other's order within a release, so a database that already
  // has a later one still receives an earlier one added afterwards.
  const migrator = new Migrator({ db: handle.db, provider: new ListedMigrationProvider(handle.engine), allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined) {
    const name = failed?.migrationName ?? 'unknown';
    throw new Error(`Migration ${name} failed: ${error instanceof Error ? error.message : inspect(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
