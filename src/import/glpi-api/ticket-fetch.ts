// Reads one GLPI ticket's whole timeline: actors, followups, tasks, solutions, approvals, documents, links.

import type { GlpiClient, GlpiRow } from './client.js';
import { linkedId, linkedIds, numberOf } from './fields.js';

/** A document attached to the ticket: the link row, the document's record and the measured file. */
export interface GlpiDocument {
  item: GlpiRow;
  document: GlpiRow;
  size: number;
  sha256: string;
}

export interface TicketBundle {
  glpiId: number;
  ticket: GlpiRow;
  /** Ticket_User rows: type 1 requester, 2 assigned, 3 observer. */
  users: GlpiRow[];
  /** Group_Ticket rows, typed as Ticket_User rows are. */
  groups: GlpiRow[];
  followups: GlpiRow[];
  tasks: GlpiRow[];
  solutions: GlpiRow[];
  validations: GlpiRow[];
  documents: GlpiDocument[];
  /** Ticket_Ticket rows that involve this ticket. */
  links: GlpiRow[];
  /** The TicketSatisfaction row, when GLPI opened a survey. */
  survey: GlpiRow | undefined;
}

/**
 * Mark of the ticket's state in GLPI: its last modification, and its survey's answer, which GLPI
 * records without touching the ticket. A ticket whose mark is unchanged since the last import is skipped.
 */
export function ticketVersion(ticket: GlpiRow, survey: GlpiRow | undefined): string {
  const dateMod = typeof ticket.date_mod === 'string' ? ticket.date_mod : '';
  if (survey === undefined) return dateMod;
  const answered = typeof survey.date_answered === 'string' ? survey.date_answered : '';
  return `${dateMod}|survey:${String(survey.id)}:${answered}`;
}

/**
 * Reads the sub-items of a ticket listed by `GET /Ticket`, one call per kind, then each attached
 * document's record and file size.
 * NOTE: GLPI 10.0.18 lists every link of the visible tickets under /Ticket/<id>/Ticket_Ticket,
 * whatever the ticket, so the links are filtered here by the ticket ids of their HATEOAS links.
 */
export async function fetchTicketBundle(client: GlpiClient, ticket: GlpiRow, survey: GlpiRow | undefined): Promise<TicketBundle> {
  const glpiId = numberOf(ticket.id) ?? -1;
  const sub = (itemType: string) => client.list(`/Ticket/${glpiId}/${itemType}`);
  const users = await sub('Ticket_User');
  const groups = await sub('Group_Ticket');
  const followups = await sub('ITILFollowup');
  const tasks = await sub('TicketTask');
  const solutions = await sub('ITILSolution');
  const validations = await sub('TicketValidation');
  const documentItems = await sub('Document_Item');
  const links = (await sub('Ticket_Ticket')).filter((row) => linkedIds(row, 'Ticket').includes(glpiId));

  const documents: GlpiDocument[] = [];
  for (const item of documentItems) {
    const documentId = linkedId(item, 'Document');
    if (documentId === undefined) continue;
    const document = await client.item(`/Document/${documentId}`);
    const measured = await client.measureDocument(documentId);
    documents.push({ item, document, ...measured });
  }
  return { glpiId, ticket, users, groups, followups, tasks, solutions, validations, documents, links, survey };
}
