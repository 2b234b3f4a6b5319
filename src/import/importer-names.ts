// Naming rules for the records an import creates: logins, person names, group levels and entity types.

/** A person as GLPI shows them: `Nom Prénom`, or a bare login for an account without a real name. */
export interface PersonName {
  firstName: string;
  lastName: string;
}

/** Separator of complete names (entities, categories, locations), the same as GLPI's. */
export const PATH_SEPARATOR = ' > ';

/**
 * Splits a GLPI display name into last and first name. GLPI writes `realname firstname`, so the
 * last word is the first name and the words before it are the last name ("Da Silva Kévin").
 * NOTE: a compound first name written with a space ("Le Gall Marie Anne") is split at its last
 * space, so "Marie" lands in the last name; GLPI's display gives no way to tell them apart.
 */
export function splitDisplayName(display: string): PersonName {
  const words = display.trim().split(/\s+/);
  if (words.length < 2) return { firstName: '', lastName: words[0] ?? '' };
  return { firstName: words.at(-1) ?? '', lastName: words.slice(0, -1).join(' ') };
}

/** True when the display is a single word, which GLPI shows for an account without a real name. */
export function isBareLogin(display: string): boolean {
  return !/\s/.test(display.trim());
}

/** Formats a user as GLPI displays them: `last_name first_name`, trimmed. */
export function displayOf(user: { first_name: string; last_name: string }): string {
  return `${user.last_name} ${user.first_name}`.trim();
}

/** Lower-case ASCII slug of a name: accents dropped, apostrophes removed, other runs turned into `-`. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Base login of a person, `prenom.nom` in lower-case ASCII ("Da Silva Kévin" gives "kevin.da-silva"). */
export function baseLogin(name: PersonName): string {
  const parts = [slug(name.firstName), slug(name.lastName)].filter((part) => part !== '');
  return parts.length === 0 ? 'utilisateur' : parts.join('.');
}

/**
 * Returns `base` when `takenLogins` lacks it (compared in lower case, as the unique index does),
 * else the first free `base2`, `base3`... The returned login is added to `takenLogins`.
 */
export function uniqueLogin(base: string, takenLogins: Set<string>): string {
  let candidate = base;
  for (let suffix = 2; takenLogins.has(candidate.toLowerCase()); suffix += 1) candidate = `${base}${suffix}`;
  takenLogins.add(candidate.toLowerCase());
  return candidate;
}

/** Support level named in a group name ("Support N2" gives N2), or null when it names none. */
export function groupLevel(name: string): 'N1' | 'N2' | 'N3' | null {
  const match = /(?:^|[^A-Za-z0-9])N([123])(?![0-9])/.exec(name);
  return match === null ? null : (`N${match[1]}` as 'N1' | 'N2' | 'N3');
}

/** Entity type of a created entity: 'ehpad' when its name starts with "EHPAD", else 'hospital'. */
export function entityType(name: string): 'ehpad' | 'hospital' {
  return /^EHPAD\b/i.test(name.trim()) ? 'ehpad' : 'hospital';
}
