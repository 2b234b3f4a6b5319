import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../http/context.js';
import { countTickets } from './counters.js';
import { reportCsv, reportPdf } from './exports.js';
import { FIGURES } from './figures.js';
import { listFilterParams } from './links.js';
import { buildReport } from './report.js';
import { countersQuery, reportQuery, seriesQuery } from './schemas.js';
import { buildSeries } from './series.js';
import { reportFileName } from './table.js';

const tags = ['statistics'];

const countersResponse = z.object({
  all: z.number(),
  new: z.number(),
  waiting: z.number(),
  assigned: z.number(),
  planned: z.number(),
  solved: z.number(),
  closed: z.number(),
  late: z.number(),
  dueSoon: z.number(),
});

const linkSchema = z.object({ query: z.string(), unsupported: z.array(z.string()) });
const reportResponse = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.string(),
  rows: z.array(
    z.object({
      key: z.union([z.number(), z.string(), z.null()]),
      label: z.string(),
      figures: z.object(Object.fromEntries(FIGURES.map((figure) => [figure, z.number().nullable()]))),
      links: z.object(Object.fromEntries(FIGURES.map((figure) => [figure, linkSchema]))),
    }),
  ),
});

const seriesResponse = z.object({
  timeZone: z.string(),
  interval: z.string(),
  buckets: z.array(
    z.object({
      start: z.string(),
      from: z.string(),
      to: z.string(),
      opened: z.number(),
      solved: z.number(),
      backlog: z.number(),
      slaMeasured: z.number(),
      slaCompliance: z.number().nullable(),
    }),
  ),
});

function sendAttachment(reply: FastifyReply, contentType: string, fileName: string, body: Buffer) {
  return reply.header('content-type', contentType).header('content-disposition', `attachment; filename="${fileName}"`).send(body);
}

/** Dashboard counters, period statistics and their CSV and PDF exports. */
export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { ctx } = app;

  app.get(
    '/dashboard/counters',
    { config: { permission: 'ticket:read_own' }, schema: { tags, querystring: countersQuery, response: { 200: countersResponse } } },
    async (request) => countTickets(ctx.db, principalOf(request), { now: new Date(), dueSoonHours: request.query.dueSoonHours }),
  );

  app.get('/stats/report', { config: { permission: 'stats:read' }, schema: { tags, querystring: reportQuery, response: { 200: reportResponse } } }, async (request) =>
    buildReport(ctx.db, principalOf(request), request.query, { locale: request.locale, filters: listFilterParams(request.url) }),
  );

  app.get('/stats/report.csv', { config: { permission: 'stats:read' }, schema: { tags, querystring: reportQuery } }, async (request, reply) => {
    const principal = principalOf(request);
    const report = await buildReport(ctx.db, principal, request.query, { locale: request.locale, filters: listFilterParams(request.url) });
    return sendAttachment(reply, 'text/csv; charset=utf-8', reportFileName(report, 'csv', principal.timeZone), reportCsv(report, request.locale));
  });

  app.get('/stats/report.pdf', { config: { permission: 'stats:read' }, schema: { tags, querystring: reportQuery } }, async (request, reply) => {
    const principal = principalOf(request);
    const report = await buildReport(ctx.db, principal, request.query, { locale: request.locale, filters: listFilterParams(request.url) });
    return sendAttachment(reply, 'application/pdf', reportFileName(report, 'pdf', principal.timeZone), await reportPdf(report, request.locale, principal.timeZone));
  });

  app.get('/stats/series', { config: { permission: 'stats:read' }, schema: { tags, querystring: seriesQuery, response: { 200: seriesResponse } } }, async (request) => {
    const principal = principalOf(request);
    return buildSeries(ctx.db, principal, { ...request.query, timeZone: request.query.timeZone ?? principal.timeZone });
  });
};
