// API error messages, French first. Each code is stable: clients and tests match on it, never on the text.

export type Locale = 'fr' | 'en';

export interface Message {
  fr: string;
  en: string;
}

export const errorCatalog = {
  validation_failed: {
    status: 400,
    fr: 'La requête contient des valeurs invalides.',
    en: 'The request contains invalid values.',
  },
  malformed_json: {
    status: 400,
    fr: "Le corps de la requête n'est pas un JSON valide.",
    en: 'The request body is not valid JSON.',
  },
  unsupported_media_type: {
    status: 415,
    fr: "Le type de contenu {type} n'est pas accepté ; envoyez du JSON.",
    en: 'Content type {type} is not accepted; send JSON.',
  },
  payload_too_large: {
    status: 413,
    fr: 'Le corps de la requête dépasse la taille maximale de {limit} octets.',
    en: 'The request body exceeds the maximum size of {limit} bytes.',
  },
  unauthenticated: {
    status: 401,
    fr: 'Authentification requise : connectez-vous ou fournissez un jeton.',
    en: 'Authentication required: sign in or provide a token.',
  },
  session_expired: {
    status: 401,
    fr: 'Votre session a expiré ; reconnectez-vous.',
    en: 'Your session has expired; sign in again.',
  },
  invalid_credentials: {
    status: 401,
    fr: 'Identifiant ou mot de passe incorrect.',
    en: 'Incorrect login or password.',
  },
  invalid_token: {
    status: 401,
    fr: "Le jeton d'API est invalide, expiré ou révoqué.",
    en: 'The API token is invalid, expired or revoked.',
  },
  account_locked: {
    status: 423,
    fr: 'Compte temporairement verrouillé après trop d’échecs de connexion ; réessayez après {until}.',
    en: 'Account temporarily locked after too many failed sign-ins; try again after {until}.',
  },
  account_disabled: {
    status: 403,
    fr: 'Ce compte est désactivé.',
    en: 'This account is disabled.',
  },
  csrf_invalid: {
    status: 403,
    fr: "Jeton CSRF manquant ou invalide : renvoyez l'en-tête X-CSRF-Token reçu à la connexion.",
    en: 'Missing or invalid CSRF token: send the X-CSRF-Token header received at sign-in.',
  },
  forbidden: {
    status: 403,
    fr: "Vous n'avez pas le droit « {permission} » nécessaire à cette action.",
    en: 'You lack the "{permission}" right needed for this action.',
  },
  outside_scope: {
    status: 403,
    fr: 'Cet enregistrement appartient à une entité hors de votre périmètre.',
    en: 'This record belongs to an entity outside your scope.',
  },
  not_found: {
    status: 404,
    fr: '{resource} est introuvable.',
    en: '{resource} was not found.',
  },
  route_not_found: {
    status: 404,
    fr: "La route {method} {url} n'existe pas.",
    en: 'Route {method} {url} does not exist.',
  },
  conflict: {
    status: 409,
    fr: 'Conflit : {reason}',
    en: 'Conflict: {reason}',
  },
  already_exists: {
    status: 409,
    fr: '{resource} existe déjà avec cette valeur de {field}.',
    en: '{resource} already exists with this {field}.',
  },
  in_use: {
    status: 409,
    fr: '{resource} est encore utilisé par d’autres enregistrements et ne peut pas être supprimé.',
    en: '{resource} is still used by other records and cannot be deleted.',
  },
  rate_limited: {
    status: 429,
    fr: 'Trop de requêtes ; réessayez dans {seconds} secondes.',
    en: 'Too many requests; try again in {seconds} seconds.',
  },
  internal_error: {
    status: 500,
    fr: 'Erreur interne du serveur. Communiquez cet identifiant au support : {requestId}.',
    en: 'Internal server error. Give this identifier to support: {requestId}.',
  },
  transition_forbidden: {
    status: 409,
    fr: 'Le passage du statut « {from} » au statut « {to} » n’est pas autorisé pour votre profil.',
    en: 'Moving from status "{from}" to "{to}" is not allowed for your profile.',
  },
  ticket_state: {
    status: 409,
    fr: 'Action impossible sur ce ticket : {reason}',
    en: 'This action is not possible on this ticket: {reason}',
  },
  not_requester: {
    status: 403,
    fr: 'Seul le demandeur du ticket peut approuver ou refuser la solution.',
    en: 'Only the ticket requester can approve or refuse the solution.',
  },
  not_ready: {
    status: 503,
    fr: 'Le service démarre ou sa base de données est indisponible.',
    en: 'The service is starting or its database is unavailable.',
  },
  attachment_too_large: {
    status: 413,
    fr: 'Le fichier dépasse la taille maximale de {limit} Mo pour une pièce jointe.',
    en: 'The file exceeds the maximum attachment size of {limit} MB.',
  },
  attachment_executable: {
    status: 415,
    fr: 'Le fichier « {name} » est un programme exécutable : ce type de pièce jointe est refusé.',
    en: 'The file "{name}" is an executable program: this type of attachment is rejected.',
  },
  attachment_active_content: {
    status: 415,
    fr: 'Le fichier « {name} » contient du HTML, du SVG ou un script : ce type de pièce jointe est refusé.',
    en: 'The file "{name}" contains HTML, SVG or a script: this type of attachment is rejected.',
  },
  attachment_type_rejected: {
    status: 415,
    fr: 'Le contenu du fichier « {name} » ne correspond à aucun type accepté : PDF, PNG, JPEG, GIF, WebP, texte (.txt, .log), CSV, Word, Excel, PowerPoint ou OpenDocument.',
    en: 'The content of the file "{name}" matches no accepted type: PDF, PNG, JPEG, GIF, WebP, text (.txt, .log), CSV, Word, Excel, PowerPoint or OpenDocument.',
  },
  attachment_extension_mismatch: {
    status: 415,
    fr: "L'extension du fichier « {name} » ne correspond pas à son contenu ({type}) : renommez-le avec l'une des extensions {extensions}.",
    en: 'The extension of the file "{name}" does not match its content ({type}): rename it with one of the extensions {extensions}.',
  },
  multipart_required: {
    status: 415,
    fr: 'Envoyez le fichier en multipart/form-data, dans le champ « file ».',
    en: 'Send the file as multipart/form-data, in the "file" field.',
  },
  multipart_invalid: {
    status: 400,
    fr: 'Le corps multipart/form-data est invalide ou incomplet : envoyez un seul fichier dans le champ « file » et, au besoin, le champ « followupId ».',
    en: 'The multipart/form-data body is invalid or incomplete: send one file in the "file" field and, if needed, the "followupId" field.',
  },
  ticket_closed: {
    status: 409,
    fr: 'Le ticket {id} est clos : rouvrez-le ou ouvrez un nouveau ticket.',
    en: 'Ticket {id} is closed: reopen it or open a new ticket.',
  },
  survey_not_open: {
    status: 409,
    fr: "Le ticket {id} n'est pas clos : l'enquête de satisfaction s'ouvre à sa clôture.",
    en: 'Ticket {id} is not closed: the satisfaction survey opens when it closes.',
  },
  survey_expired: {
    status: 409,
    fr: "Le délai de réponse à l'enquête de satisfaction a expiré le {expiresAt}.",
    en: 'The time to answer the satisfaction survey expired on {expiresAt}.',
  },
  survey_requester_only: {
    status: 403,
    fr: "Seul le demandeur du ticket peut répondre à l'enquête de satisfaction.",
    en: 'Only the ticket requester can answer the satisfaction survey.',
  },
  survey_forbidden: {
    status: 403,
    fr: "Seuls le demandeur et les techniciens de l'entité du ticket peuvent lire l'enquête de satisfaction.",
    en: "Only the requester and the technicians of the ticket's entity can read the satisfaction survey.",
  },
  link_exists: {
    status: 409,
    fr: 'Les tickets {id} et {otherId} sont déjà liés ({kind}) : supprimez ce lien avant d’en créer un autre.',
    en: 'Tickets {id} and {otherId} are already linked ({kind}): delete this link before creating another one.',
  },
} as const satisfies Record<string, Message & { status: number }>;

export type ErrorCode = keyof typeof errorCatalog;

/**
 * Reasons given in `conflict` and `ticket_state` answers, looked up by the `reason` parameter so
 * the whole message reads in the caller's language. Other parameters fill the placeholders.
 */
export const reasonTexts: Record<string, Message> = {
  closed: { fr: 'le ticket est clos.', en: 'the ticket is closed.' },
  already_solved: { fr: 'le ticket est déjà résolu ou clos.', en: 'the ticket is already solved or closed.' },
  no_pending_solution: { fr: 'aucune solution n’attend de validation.', en: 'no solution is waiting for approval.' },
  solve_with_solution: { fr: 'proposez une solution pour résoudre un ticket.', en: 'propose a solution to solve a ticket.' },
  assign_first: { fr: 'attribuez d’abord un technicien ou un groupe.', en: 'assign a technician or a group first.' },
  not_support_group: { fr: 'seuls les groupes de support prennent des tickets.', en: 'only support groups take tickets.' },
  same_level: { fr: 'le ticket est déjà au niveau {level}.', en: 'the ticket is already at level {level}.' },
  group_level_mismatch: {
    fr: 'le groupe {group} n’est pas un groupe de support de niveau {level}.',
    en: 'group {group} is not a support group of level {level}.',
  },
  reference: { fr: 'un enregistrement lié n’existe pas ou est encore utilisé.', en: 'a related record does not exist or is still in use.' },
  system_profile_name: { fr: 'un profil livré garde son nom.', en: 'a shipped profile keeps its name.' },
  level_requires_support: { fr: 'seul un groupe de support peut avoir un niveau.', en: 'only a support group can have a level.' },
  location_own_parent: { fr: 'un lieu ne peut pas être son propre parent.', en: 'a location cannot be its own parent.' },
  root_entity_move: { fr: 'l’entité racine ne peut pas être déplacée.', en: 'the root entity cannot be moved.' },
  entity_cycle: { fr: 'une entité ne peut pas être placée sous elle-même.', en: 'an entity cannot be moved under itself.' },
  category_cycle: { fr: 'une catégorie ne peut pas être placée sous elle-même.', en: 'a category cannot be moved under itself.' },
};

/** Names of records in messages, so "{resource} est introuvable" reads naturally in both languages. */
export const resourceNames: Record<string, Message> = {
  entity: { fr: "L'entité", en: 'The entity' },
  service: { fr: 'Le service', en: 'The service' },
  location: { fr: 'Le lieu', en: 'The location' },
  user: { fr: "L'utilisateur", en: 'The user' },
  group: { fr: 'Le groupe', en: 'The group' },
  profile: { fr: 'Le profil', en: 'The profile' },
  token: { fr: 'Le jeton', en: 'The token' },
  audit: { fr: "L'entrée d'audit", en: 'The audit entry' },
  ticket: { fr: 'Le ticket', en: 'The ticket' },
  calendar: { fr: 'Le calendrier', en: 'The calendar' },
  saved_search: { fr: 'La recherche enregistrée', en: 'The saved search' },
  sla: { fr: 'Le SLA', en: 'The SLA' },
  category: { fr: 'La catégorie', en: 'The category' },
  attachment: { fr: 'La pièce jointe', en: 'The attachment' },
  followup: { fr: 'Le suivi', en: 'The followup' },
  survey: { fr: "L'enquête de satisfaction", en: 'The satisfaction survey' },
  link: { fr: 'Le lien entre tickets', en: 'The ticket link' },
};

/** Messages attached to our own zod refinements, looked up by the `i18n` parameter of the issue. */
export const validationMessages: Record<string, Message> = {
  unknown_time_zone: { fr: 'Fuseau horaire IANA inconnu.', en: 'Unknown IANA time zone.' },
  unknown_permission: { fr: 'Droit inconnu : {value}.', en: 'Unknown right: {value}.' },
  name_contains_separator: {
    fr: 'Le nom ne doit pas contenir « > » : ce caractère sépare les niveaux du chemin.',
    en: 'The name must not contain ">": this character separates the levels of the path.',
  },
  level_requires_support: {
    fr: 'Seul un groupe de support peut avoir un niveau (N1, N2, N3).',
    en: 'Only a support group can have a level (N1, N2, N3).',
  },
  invalid_cursor: {
    fr: 'Curseur de pagination invalide : reprenez la valeur nextCursor de la page précédente.',
    en: 'Invalid pagination cursor: use the nextCursor value of the previous page.',
  },
  range_end_before_start: {
    fr: 'La fin de la période doit être après son début.',
    en: 'The end of the period must be after its start.',
  },
  range_too_long: {
    fr: 'La période demandée est trop longue : 62 jours au plus.',
    en: 'The requested period is too long: 62 days at most.',
  },
  period_end_before_start: {
    fr: 'La fin de la période doit être après son début.',
    en: 'The end of the period must be after its start.',
  },
  too_many_buckets: {
    fr: 'Trop d’intervalles pour cette période : {max} au plus ; choisissez un intervalle plus long.',
    en: 'Too many intervals for this period: {max} at most; choose a longer interval.',
  },
  reason_required: {
    fr: 'Une raison est obligatoire.',
    en: 'A reason is required.',
  },
  login_invalid_characters: {
    fr: "L'identifiant ne peut contenir que des lettres, des chiffres et les caractères . _ @ -",
    en: 'The login may contain only letters, digits and the characters . _ @ -',
  },
  password_too_weak: {
    fr: 'Le mot de passe doit contenir au moins 12 caractères.',
    en: 'The password must contain at least 12 characters.',
  },
  attachment_file_required: {
    fr: 'Joignez un fichier dans le champ « file ».',
    en: 'Attach a file in the "file" field.',
  },
  attachment_empty: {
    fr: 'Le fichier est vide.',
    en: 'The file is empty.',
  },
  link_to_itself: {
    fr: 'Un ticket ne peut pas être lié ou fusionné avec lui-même.',
    en: 'A ticket cannot be linked or merged with itself.',
  },
};

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (acceptLanguage === undefined) return 'fr';
  // Honour the first supported language in preference order; French when none is supported.
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((param) => param.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q.trim().slice(2)) || 0 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('fr')) return 'fr';
    if (tag.startsWith('en')) return 'en';
  }
  return 'fr';
}

export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) =>
    key in params ? String(params[key]) : match,
  );
}
