import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { startTestServer } from '../../test/helpers/server.js';
import type { TestServer } from '../../test/helpers/server.js';
import { SYSTEM_CONTEXT } from '../audit/audit.js';
import type { Executor } from '../db/connection.js';
import { importGlpiCsv } from './importer.js';
import { readGlpiSample } from './importer-testing.js';

// GLPI's "Statistiques > Tickets > Par ticket" grouped by assigned technician, checked against the
// imported tickets. GLPI counts, per technician currently assigned, over the period
// [first day 00:00, last day + 1 day 00:00) in the server's time zone:
// - opened: tickets whose opening date is in the period;
// - solved: tickets with status Résolu or Clos whose resolution date is in the period;
// - closed: tickets with status Clos whose closing date is in the period.

interface TechnicianCounts {
  opened: number;
  solved: number;
  closed: number;
}

interface Period {
  /** ISO 8601 UTC instants: the first day's midnight and the midnight after the last day, in Paris. */
  from: string;
  to: string;
}

function parisPeriod(firstDay: string, lastDay: string): Period {
  const midnight = (day: string) => DateTime.fromISO(day, { zone: 'Europe/Paris' }).toUTC().toISO() ?? '';
  return { from: midnight(firstDay), to: midnight(DateTime.fromISO(lastDay).plus({ days: 1 }).toISODate() ?? '') };
}

/** Reads a GLPI statistics export: one row per technician, keyed by the name GLPI shows. */
function readStatistics(file: string): Map<string, TechnicianCounts> {
  const [header, ...rows] = parse(readGlpiSample(file), { delimiter: ';', bom: true, relax_column_count: true });
  const column = (label: string) => header?.indexOf(label) ?? -1;
  const opened = column('Nombre de tickets ouverts');
  const solved = column('Nombre de tickets résolus');
  const closed = column('Nombre de tickets fermés');
  const result = new Map<string, TechnicianCounts>();
  for (const row of rows) {
    const name = row[0] ?? '';
    // GLPI's row without a name is meant for tickets without a technician, yet it shows zeros
    // although such tickets were opened in the period, so it cannot be compared.
    if (name === '') continue;
    result.set(name, { opened: Number(row[opened]), solved: Number(row[solved]), closed: Number(row[closed]) });
  }
  return result;
}

/**
 * Counts the imported tickets per assigned technician with one SQL query. A resolution or
 * closing date that the export lacks (null) counts as in the period. Each test first checks
 * that this assumption is true for its file.
 */
async function countByTechnician(db: Executor, period: Period): Promise<Map<string, TechnicianCounts>> {
  const { from, to } = period;
  const openedInPeriod = sql`t.opened_at >= ${from} and t.opened_at < ${to}`;
  const solvedInPeriod = sql`t.status in ('solved', 'closed') and (t.solved_at is null or (t.solved_at >= ${from} and t.solved_at < ${to}))`;
  const closedInPeriod = sql`t.status = 'closed' and (t.closed_at is null or (t.closed_at >= ${from} and t.closed_at < ${to}))`;
  const result = await sql<{ first_name: string; last_name: string; opened: number; solved: number; closed: number }>`
    select u.first_name, u.last_name,
      sum(case when ${openedInPeriod} then 1 else 0 end) as opened,
      sum(case when ${solvedInPeriod} then 1 else 0 end) as solved,
      sum(case when ${closedInPeriod} then 1 else 0 end) as closed
    from ticket_actors a
    join tickets t on t.id = a.ticket_id
    join users u on u.id = a.user_id
    where a.role = 'assigned' and ((${openedInPeriod}) or (${closedInPeriod}))
    group by u.id, u.first_name, u.last_name
  `.execute(db);
  return new Map(
    result.rows.map((row) => [
      `${row.last_name} ${row.first_name}`.trim(),
      { opened: Number(row.opened), solved: Number(row.solved), closed: Number(row.closed) },
    ]),
  );
}

const STATISTICS_CASES = [
  {
    tickets: 'tickets.csv',
    statistics: 'stat-tracking-technicien.csv',
    // One year up to the day of the export.
    period: parisPeriod('2025-12-04', '2026-12-04'),
    datesInFile: false,
  },
  {
    tickets: 'tickets-luberon.csv',
    statistics: 'stat-technicien-luberon.csv',
    period: parisPeriod('2025-06-01', '2026-12-04'),
    datesInFile: true,
  },
  {
    tickets: 'tickets-luberon-default.csv',
    statistics: 'stat-technicien-luberon.csv',
    period: parisPeriod('2025-06-01', '2026-12-04'),
    datesInFile: false,
  },
];

for (const sample of STATISTICS_CASES) {
  describe(`statistics of ${sample.tickets}`, () => {
    let server: TestServer;
    before(async () => {
      server = await startTestServer();
      await importGlpiCsv(server.handle, readGlpiSample(sample.tickets), { skipInvalid: false, actor: SYSTEM_CONTEXT });
    });
    after(() => server.close());

    if (sample.datesInFile) {
      test('finished tickets have dates', async () => {
        const undated = await server.handle.db
          .selectFrom('tickets')
          .select('id')
          .where((eb) => eb.or([eb.and([eb('status', 'in', ['solved', 'closed']), eb('solved_at', 'is', null)]), eb.and([eb('status', '=', 'closed'), eb('closed_at', 'is', null)])]))
          .execute();
        assert.deepEqual(undated, []);
      });
    } else {
      // Without resolution and closing dates in the export, they lie between the opening and the
      // last modification: inside the period when both are.
      test('tickets lie inside period', async () => {
        const bounds = await server.handle.db
          .selectFrom('tickets')
          .select((eb) => [eb.fn.min('opened_at').as('first_opened'), eb.fn.max('updated_at').as('last_updated')])
          .executeTakeFirstOrThrow();
        assert.ok(String(bounds.first_opened) >= sample.period.from, `first opening ${String(bounds.first_opened)}`);
        assert.ok(String(bounds.last_updated) < sample.period.to, `last modification ${String(bounds.last_updated)}`);
      });
    }

    test('same technicians as GLPI', async () => {
      const expected = readStatistics(sample.statistics);
      const actual = await countByTechnician(server.handle.db, sample.period);
      assert.deepEqual([...actual.keys()].sort(), [...expected.keys()].sort());
    });

    test('counts per technician match', async () => {
      const expected = readStatistics(sample.statistics);
      const actual = await countByTechnician(server.handle.db, sample.period);
      for (const [name, counts] of expected) {
        assert.equal(actual.get(name)?.opened, counts.opened, `${name}: opened`);
        assert.equal(actual.get(name)?.solved, counts.solved, `${name}: solved`);
        assert.equal(actual.get(name)?.closed, counts.closed, `${name}: closed`);
      }
    });
  });
}
