import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { appendAudit } from '../audit/audit.js';
import { nowIso } from '../db/connection.js';
import { auditContextOf } from '../http/context.js';
import { criticalityGridSchema } from '../priority/grid.js';
import { priorityMatrixSchema } from '../priority/matrix.js';
import { loadCriticalityGrid, loadPriorityMatrix } from './settings.js';

const SETTINGS = {
  'priority-matrix': { key: 'priority_matrix', schema: priorityMatrixSchema, load: loadPriorityMatrix },
  'criticality-grid': { key: 'criticality_grid', schema: criticalityGridSchema, load: loadCriticalityGrid },
} as const;

/** Read and replace the instance-wide ticket settings: the priority matrix and the criticality grid. */
export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  for (const [path, setting] of Object.entries(SETTINGS)) {
    app.get(`/settings/${path}`, { config: { permission: 'ticket:read_own' }, schema: { tags: ['settings'] } }, async () => setting.load(ctx.db));

    app.put(
      `/settings/${path}`,
      { config: { permission: 'config:update' }, schema: { tags: ['settings'], body: setting.schema as z.ZodType } },
      async (request) => {
        const value = JSON.stringify(request.body);
        await ctx.db.transaction().execute(async (tx) => {
          const before = await setting.load(tx);
          const updated = await tx.updateTable('settings').set({ value, updated_at: nowIso() }).where('key', '=', setting.key).executeTakeFirst();
          if (Number(updated.numUpdatedRows) === 0) {
            await tx.insertInto('settings').values({ key: setting.key, value, updated_at: nowIso() }).execute();
          }
          await appendAudit(tx, ctx.engine, auditContextOf(request), {
            action: 'settings.update',
            recordType: 'setting',
            recordId: setting.key,
            changes: { [setting.key]: [before, request.body] },
          });
        });
        return request.body;
      },
    );
  }
};
