// Measures the GLPI CSV import: 20,000 generated tickets into a fresh database, in rows per second.
// Run: npm run bench -- import-csv (or node --import tsx bench/import-csv.bench.ts)
// It always measures SQLite (a temporary file), and PostgreSQL too when DATABASE_URL is a postgres:// URL.
// The time covers parsing and writing, not generating the file. The CPU time is printed too, because
// wall-clock time grows with whatever else the machine runs.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '../test/helpers/database.js';
import { SYSTEM_CONTEXT } from '../src/audit/audit.js';
import { bootstrap } from '../src/bootstrap.js';
import { loadConfig } from '../src/config/config.js';
import type { DatabaseConfig } from '../src/config/config.js';
import { openDatabase } from '../src/db/connection.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { writeGlpiTicketCsv } from '../src/import/glpi-csv.js';
import type { GlpiCsvWriteRow, GlpiPriority, GlpiStatus } from '../src/import/glpi-csv.js';
import { importGlpiCsv } from '../src/import/importer.js';

const ROW_COUNT = 20_000;

const SUBJECTS = ['Imprimante', 'Poste de soins', 'Scanner code-barres', 'Messagerie', 'Dossier patient', 'Téléphone DECT', 'Badge', 'Écran'];
const FAULTS = ['ne répond plus', 'affiche une erreur', 'très lent depuis ce matin', 'bloqué au démarrage', 'hors service', 'perd la connexion'];
const PLACES = ['aux urgences', 'en cardiologie', 'au bloc opératoire', 'à la pharmacie', "à l'accueil", 'en pédiatrie'];
const LAST_NAMES = ['Martin', 'Bernard', 'Thomas', 'Petit', 'Robert', 'Richard', 'Durand', 'Dubois', 'Moreau', 'Laurent', 'Simon', 'Michel'];
const FIRST_NAMES = ['Camille', 'Léa', 'Hugo', 'Chloé', 'Lucas', 'Manon', 'Jules', 'Inès', 'Nathan', 'Zoé'];
const TECHNICIANS = ['Garnier Paul', 'Roux Élise', 'Fontaine Marc', 'Chevalier Anne', 'Blanc Théo'];
const GROUPS = ['Support N1', 'Support N2', 'Réseau N3', 'Applications métier'];
const CATEGORIES = [['Panne matérielle', 'Imprimante'], ['Panne matérielle', 'Écran'], ['Panne logicielle', 'Messagerie'], ['Logiciel métier', 'Dossier patient']];
const ENTITIES = [['Entité racine', 'CH Bench'], ['Entité racine', 'CH Bench', 'Site Nord'], ['Entité racine', 'EHPAD Les Cèdres']];
const LOCATIONS = [['Bâtiment A', 'Urgences'], ['Bâtiment B', 'Pharmacie'], ['Accueil']];
const STATUSES: GlpiStatus[] = ['new', 'assigned', 'planned', 'waiting', 'solved', 'closed'];

function pick<T>(list: readonly T[], index: number): T {
  return list[index % list.length] as T;
}

/** Builds invented tickets that cover every column, with statuses and dates consistent with each other. */
function generateRows(count: number): GlpiCsvWriteRow[] {
  const start = Date.parse('2025-01-01T08:00:00Z');
  return Array.from({ length: count }, (_, index) => {
    const opened = start + index * 17 * 60_000;
    const status = pick(STATUSES, index);
    const solved = status === 'solved' || status === 'closed' ? new Date(opened + 3 * 3_600_000).toISOString() : null;
    const closed = status === 'closed' ? new Date(opened + 50 * 3_600_000).toISOString() : null;
    return {
      glpiId: index + 1,
      title: `${pick(SUBJECTS, index)} ${pick(FAULTS, index * 7)} ${pick(PLACES, index * 3)}`,
      entityPath: pick(ENTITIES, index),
      status,
      type: index % 3 === 0 ? 'request' : 'incident',
      priority: ((index % 5) + 1) as GlpiPriority,
      urgency: 3,
      impact: 3,
      openedAt: new Date(opened).toISOString(),
      updatedAt: new Date(opened + 60 * 3_600_000).toISOString(),
      solvedAt: solved,
      closedAt: closed,
      requesters: [{ name: `${pick(LAST_NAMES, index)} ${pick(FIRST_NAMES, index * 5)}` }],
      technicians: status === 'new' ? [] : [pick(TECHNICIANS, index)],
      groups: status === 'new' ? [] : [pick(GROUPS, index)],
      categoryPath: pick(CATEGORIES, index),
      locationPath: pick(LOCATIONS, index),
    };
  });
}

interface Measure {
  seconds: number;
  /** User and system CPU time of this process during the import, which other load on the machine does not inflate. */
  cpuSeconds: number;
}

/** Imports the file into a fresh, migrated and bootstrapped database and returns its wall-clock and CPU time. */
async function measure(database: DatabaseConfig, file: Buffer): Promise<Measure> {
  const config = { ...loadConfig({ GUICHET_ADMIN_PASSWORD: 'bench-admin-password', LOG_LEVEL: 'silent' }), database };
  const handle = openDatabase(database);
  try {
    await migrateToLatest(handle);
    await bootstrap(handle, config);
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const report = await importGlpiCsv(handle, file, { skipInvalid: false, actor: SYSTEM_CONTEXT });
    const cpu = process.cpuUsage(cpuStart);
    const seconds = (performance.now() - started) / 1000;
    if (report.created !== ROW_COUNT) throw new Error(`expected ${ROW_COUNT} tickets, the import created ${report.created}`);
    return { seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6 };
  } finally {
    await handle.close();
  }
}

function printResult(engine: string, result: Measure): void {
  const rate = (seconds: number) => Math.round(ROW_COUNT / seconds);
  console.log(
    `import-csv ${engine}: ${ROW_COUNT} rows in ${result.seconds.toFixed(2)} s = ${rate(result.seconds)} rows/s ` +
      `(CPU ${result.cpuSeconds.toFixed(2)} s = ${rate(result.cpuSeconds)} rows/s)`,
  );
}

const file = Buffer.from(writeGlpiTicketCsv(generateRows(ROW_COUNT)));
const sqliteDir = fs.mkdtempSync(path.join(os.tmpdir(), 'guichet-bench-'));
try {
  printResult('sqlite', await measure({ engine: 'sqlite', file: path.join(sqliteDir, 'guichet.sqlite') }, file));
} finally {
  fs.rmSync(sqliteDir, { recursive: true, force: true });
}

if (/^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? '')) {
  const database = await createTestDatabase();
  try {
    printResult('postgres', await measure(database.config, file));
  } finally {
    await database.drop();
  }
}
