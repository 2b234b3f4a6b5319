import type { FastifyPluginAsync } from 'fastify';
import { registerProfileRoutes } from './access/profiles.js';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { registerEntityRoutes } from './organisation/entities.js';
import { registerGroupRoutes } from './organisation/groups.js';
import { registerServiceAndLocationRoutes } from './organisation/services.js';
import { slaLevelRoutes } from './sla/level-routes.js';
import { registerSlaRoutes } from './sla/routes.js';
import { statsRoutes } from './stats/routes.js';
import { registerCategoryRoutes } from './tickets/categories.js';
import { ticketExtraRoutes } from './tickets/extra-routes.js';
import { ticketRoutes } from './tickets/routes.js';
import { planningRoutes } from './tickets/planning.js';
import { savedSearchRoutes } from './tickets/saved-searches.js';
import { settingsRoutes } from './tickets/settings-routes.js';
import { registerUserRoutes } from './users/users.js';

/** Every API route group, mounted under /api/v1. */
export const registerRoutes: FastifyPluginAsync = async (app) => {
  await app.register(authRoutes);
  await app.register(auditRoutes);
  await app.register(ticketRoutes);
  await app.register(ticketExtraRoutes);
  await app.register(settingsRoutes);
  await app.register(statsRoutes);
  await app.register(slaLevelRoutes);
  await app.register(savedSearchRoutes);
  await app.register(planningRoutes);
  await app.register(async (scoped) => {
    registerEntityRoutes(scoped);
    registerServiceAndLocationRoutes(scoped);
    registerGroupRoutes(scoped);
    registerUserRoutes(scoped);
    registerProfileRoutes(scoped);
    registerCategoryRoutes(scoped);
    registerSlaRoutes(scoped);
  });
};
