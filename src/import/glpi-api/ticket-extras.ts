// A ticket's satisfaction survey and its links to other tickets, as GLPI has them.

import { kindSeenFrom } from '../../tickets/links.js';
import { externalRefOf } from '../importer-tickets.js';
import { linkKindOf } from './codes.js';
import { linkedIds, numberOf } from './fields.js';
import type { TicketBundle } from './ticket-fetch.js';
import type { TimelineContext } from './timeline.js';

const DAY_MS = 86_400_000;

/**
 * Writes the survey GLPI opened when the ticket closed. Its closing date is the ticket's, so that
 * Guichet reads it as the survey of the current closing. The answer window is the entity's
 * satisfaction delay, as for the surveys Guichet opens itself.
 */
export async function writeSurvey(context: TimelineContext, bundle: TicketBundle, ticketClosedAt: string | null): Promise<void> {
  const { survey } = bundle;
  if (survey === undefined) return;
  const { tx } = context;
  const openedAt = context.readDate(survey.date_begin) ?? ticketClosedAt ?? context.now;
  const closedAt = ticketClosedAt ?? openedAt;
  const answeredAt = context.readDate(survey.date_answered);
  const rating = numberOf(survey.satisfaction);
  const entity = await tx.selectFrom('entities').select('satisfaction_delay_days').where('id', '=', context.entityId).executeTakeFirstOrThrow();
  const values = {
    closed_at: closedAt,
    expires_at: new Date(Date.parse(closedAt) + entity.satisfaction_delay_days * DAY_MS).toISOString(),
    // GLPI's scale runs from 0 to 5 and Guichet's from 1 to 5: a 0 is kept as no rating.
    rating: rating !== undefined && rating >= 1 && rating <= 5 ? rating : null,
    comment: typeof survey.comment === 'string' && survey.comment !== '' ? survey.comment : null,
    answered_at: answeredAt,
    created_at: openedAt,
    updated_at: answeredAt ?? openedAt,
  };

  const existing = await tx.selectFrom('ticket_satisfactions').select('id').where('ticket_id', '=', context.ticketId).executeTakeFirst();
  let surveyId: number;
  if (existing === undefined) {
    surveyId = (await tx.insertInto('ticket_satisfactions').values({ ...values, ticket_id: context.ticketId }).returning('id').executeTakeFirstOrThrow()).id;
  } else {
    surveyId = existing.id;
    await tx.updateTable('ticket_satisfactions').set(values).where('id', '=', surveyId).execute();
  }
  context.events.push({
    action: 'ticket_satisfaction.import',
    recordType: 'ticket_satisfaction',
    recordId: surveyId,
    entityId: context.entityId,
    changes: { ticketId: context.ticketId, glpiId: numberOf(survey.id) ?? null, outcome: existing === undefined ? 'created' : 'updated', source: 'glpi-api' },
  });
}

/**
 * Writes the links between this ticket and tickets already imported. A link to a ticket not
 * imported yet is written when that ticket is, since both list the link.
 */
export async function writeLinks(context: TimelineContext, bundle: TicketBundle): Promise<void> {
  const { tx } = context;
  for (const row of bundle.links) {
    const [first, second] = linkedIds(row, 'Ticket');
    if (first === undefined || second === undefined || first === second) continue;
    const other = first === bundle.glpiId ? second : first;
    const otherTicket = await tx.selectFrom('tickets').select('id').where('external_ref', '=', externalRefOf(other)).executeTakeFirst();
    if (otherTicket === undefined) continue;

    const localOf = (glpiId: number) => (glpiId === bundle.glpiId ? context.ticketId : otherTicket.id);
    const kind = linkKindOf(numberOf(row.link));
    const [low, high] = [localOf(first), localOf(second)].sort((a, b) => a - b) as [number, number];
    // The row reads "second is <kind> of first"; Guichet stores it as seen from the lower id.
    const storedKind = kindSeenFrom({ ticket_id: localOf(first), kind }, low);
    await tx
      .insertInto('ticket_links')
      .values({ ticket_id: low, linked_ticket_id: high, kind: storedKind, created_by: null, created_at: context.now })
      .onConflict((conflict) => conflict.columns(['ticket_id', 'linked_ticket_id']).doUpdateSet({ kind: storedKind }))
      .execute();
    context.events.push({
      action: 'ticket.link_import',
      recordType: 'ticket',
      recordId: low,
      entityId: context.entityId,
      changes: { linkedTicketId: high, kind: storedKind, glpiId: numberOf(row.id) ?? null, source: 'glpi-api' },
    });
  }
}
