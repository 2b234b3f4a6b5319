import { z } from 'zod';
import { appendAudit } from '../audit/audit.js';
import { createApiToken } from '../auth/tokens.js';
import { describeIssues, noteLine, printLine, usageError, withDatabase } from './session.js';
import { findUser } from './users.js';

const tokenOptions = z.object({
  user: z.string().trim().min(1),
  // Same limits as POST /auth/tokens.
  name: z.string().trim().min(1).max(100),
  expires: z.iso
    .datetime({ offset: true, message: 'expected an ISO 8601 date-time with a time zone, e.g. 2027-01-31T18:00:00+01:00' })
    .refine((value) => Date.parse(value) > Date.now(), 'must be in the future')
    .optional(),
});

const OPTION_OF_FIELD = { user: '--user', name: '--name', expires: '--expires' };

/** Creates an API token for a user and prints it once on standard output. */
export async function createToken(options: { user: string; name: string; expires?: string }): Promise<void> {
  const parsed = tokenOptions.safeParse(options);
  if (!parsed.success) throw usageError(describeIssues(parsed.error.issues, OPTION_OF_FIELD));
  const { name } = parsed.data;
  const expiresAt = parsed.data.expires === undefined ? null : new Date(parsed.data.expires).toISOString();

  await withDatabase(async ({ handle, audit }) => {
    const user = await findUser(handle.db, parsed.data.user);
    const created = await handle.db.transaction().execute(async (tx) => {
      const result = await createApiToken(tx, user.id, name, expiresAt);
      await appendAudit(tx, handle.engine, audit, {
        action: 'token.create',
        recordType: 'api_token',
        recordId: result.view.id,
        entityId: user.entity_id,
        changes: { name, expiresAt, userId: user.id, login: user.login },
      });
      return result;
    });

    const expiry = expiresAt === null ? 'no expiry' : `expires ${expiresAt}`;
    noteLine(`API token ${created.view.id} "${name}" for ${user.login} (${expiry}), shown only once:`);
    printLine(created.token);
  });
}
