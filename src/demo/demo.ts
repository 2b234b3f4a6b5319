import type { Logger } from 'pino';
import { appendAuditRows, type AuditContext, type AuditEvent } from '../audit/audit.js';
import { hashPassword } from '../auth/passwords.js';
import { randomToken } from '../auth/secrets.js';
import type { DatabaseHandle, Executor } from '../db/connection.js';
import { TICKET_TEMPLATES } from './catalog.js';
import { GROUP_NAME } from './layout.js';
import { createPlaces } from './organisation.js';
import { planTickets } from './plans.js';
import { createRandom } from './random.js';
import { createStaff, type DemoStaff } from './staff.js';
import { insertTickets } from './tickets.js';

export interface DemoOptions {
  /** Number of tickets over the two years before `now`; 5,000 by default. */
  ticketCount?: number;
  /** The instant the history ends at; the current time by default. */
  now?: Date;
  /** Seed of the generator: the same seed and `now` build the same hospital. */
  seed?: number;
  /** Password of every demo account; a random one by default. */
  password?: string;
}

export interface DemoAccount {
  /** Role of the account in the demo, e.g. "N2 technician (administration)". */
  role: string;
  login: string;
}

export type DemoResult =
  | { created: false; reason: string }
  | { created: true; accounts: DemoAccount[]; password: string; users: number; tickets: number; statuses: Record<string, number>; seconds: number };

const DEMO_AUDIT: AuditContext = { actorId: null, actorLogin: 'system:demo', ip: null, requestId: null };

/** Returns true when the database contains no ticket and no user or entity beyond those the bootstrap creates. */
async function isPristine(db: Executor): Promise<boolean> {
  const count = async (table: 'tickets' | 'users' | 'entities') =>
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  return (await count('tickets')) === 0 && (await count('users')) <= 1 && (await count('entities')) <= 1;
}

/**
 * Fills an empty database with an invented hospital group: three sites, services, locations,
 * calendars, SLA targets, about 300 staff, 15 technicians in three support levels, a supervisor,
 * and two years of tickets. Does nothing when the database already contains data. Runs in one
 * transaction, so an interrupted run leaves the database empty and the next start tries again.
 */
export async function createDemoHospital(handle: DatabaseHandle, log: Pick<Logger, 'info' | 'warn'>, options: DemoOptions = {}): Promise<DemoResult> {
  if (!(await isPristine(handle.db))) return skipped(log);
  const started = Date.now();
  const password = options.password ?? randomToken(12);
  const passwordHash = await hashPassword(password);
  const now = options.now ?? new Date();
  const random = createRandom(options.seed ?? 2026);

  const result = await handle.db.transaction().execute(async (tx) => {
    // The audit head lock makes a second process starting at the same time wait, then skip.
    const lock = tx.selectFrom('audit_head').select('seq').where('id', '=', 1);
    await (handle.engine === 'postgres' ? lock.forUpdate() : lock).execute();
    if (!(await isPristine(tx))) return undefined;

    const stamp = now.toISOString();
    const audit: AuditEvent[] = [];
    const root = await tx.selectFrom('entities').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow();
    const places = await createPlaces(tx, root.id, stamp, audit);
    const staff = await createStaff(tx, places, passwordHash, random, stamp, audit);
    await appendAuditRows(tx, handle.engine, DEMO_AUDIT, audit);

    const categories = await tx.selectFrom('categories').select(['id', 'complete_name']).execute();
    const context = {
      random,
      staff,
      services: new Map(places.services.map((service) => [service.id, service])),
      sites: new Map(places.sites.map((site) => [site.id, site])),
      categories: new Map(categories.map((category) => [category.complete_name, category.id])),
      business: places.business,
      alwaysOpen: places.alwaysOpen,
    };
    checkCatalog(context.categories);
    const plans = planTickets(context, options.ticketCount ?? 5000, now.getTime());
    const statuses = await insertTickets(tx, handle.engine, DEMO_AUDIT, plans, context.sites, now.getTime());
    return { staff, statuses, tickets: plans.length };
  });
  if (result === undefined) return skipped(log);

  const seconds = Math.round((Date.now() - started) / 100) / 10;
  const { people, technicians } = result.staff;
  const users = people.length + technicians.N1.length + technicians.N2.length + technicians.N3.length + 1;
  log.info({ engine: handle.engine, tickets: result.tickets, users, statuses: result.statuses, seconds }, 'created the demo hospital');
  return { created: true, accounts: demoAccounts(result.staff), password, users, tickets: result.tickets, statuses: result.statuses, seconds };
}

function skipped(log: Pick<Logger, 'info'>): DemoResult {
  const reason = 'the database already holds tickets, users or entities';
  log.info({ reason }, 'demo hospital skipped');
  return { created: false, reason };
}

/** Fails early when a ticket template names a category that the category tree lacks. */
function checkCatalog(categories: ReadonlyMap<string, number>): void {
  const missing = [...new Set(TICKET_TEMPLATES.map((template) => template.category))].filter((name) => !categories.has(name));
  if (missing.length > 0) throw new Error(`demo ticket templates name missing categories: ${missing.join(', ')}`);
}

/** Lists one account of each kind a newcomer wants to try: a technician per level, the supervisor and a nurse. */
function demoAccounts(staff: DemoStaff): DemoAccount[] {
  const first = <T>(items: readonly T[], what: string): T => {
    const item = items[0];
    if (item === undefined) throw new Error(`the demo staff has no ${what}`);
    return item;
  };
  const nurse = first(staff.people.filter((person) => person.jobProfile === 'infirmier' && person.serviceName === 'Urgences'), 'nurse in Urgences');
  return [
    { role: 'N1 technician (support de proximité)', login: first(staff.technicians.N1, 'N1 technician').login },
    { role: 'N2 technician (administration)', login: first(staff.technicians.N2, 'N2 technician').login },
    { role: 'N3 technician (expertise)', login: first(staff.technicians.N3, 'N3 technician').login },
    { role: 'supervisor, head of IT (Superviseur)', login: staff.manager.login },
    { role: 'nurse in Urgences (Self-Service)', login: nurse.login },
  ];
}

/** Prints the demo accounts and their password once on the console, as the bootstrap prints the admin password. */
export function reportDemo(result: DemoResult, log: Pick<Logger, 'info' | 'warn'>): void {
  if (!result.created) return;
  const width = Math.max(...result.accounts.map((account) => account.role.length));
  const lines = result.accounts.map((account) => `      ${account.role.padEnd(width)}  ${account.login}`);
  // Shown once, on the console rather than in the JSON log, so the secret does not reach log storage.
  process.stdout.write(
    [
      '',
      `  Guichet: demo hospital "${GROUP_NAME}" created with ${result.tickets} tickets and ${result.users} accounts.`,
      `  Every demo account below has this password (shown only once): ${result.password}`,
      '',
      ...lines,
      `      ${'administrator'.padEnd(width)}  admin (the password printed at first start, or GUICHET_ADMIN_PASSWORD)`,
      '',
      '',
    ].join('\n'),
  );
  log.warn('created the demo accounts with a shared password, printed once on the console');
}
