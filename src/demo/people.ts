import type { Random } from './random.js';

// Invented staff: names are drawn from lists of common French first and last names, so any
// match with a real person is chance.

const FIRST_NAMES = [
  'Claire', 'Marc', 'Sophie', 'Julien', 'Nadia', 'Hugo', 'Amina', 'Élodie', 'Yannick', 'Léa',
  'Thomas', 'Camille', 'Karim', 'Inès', 'Mathieu', 'Chloé', 'Nicolas', 'Fatou', 'Pierre', 'Manon',
  'Isabelle', 'Laurent', 'Nathalie', 'Sébastien', 'Valérie', 'Frédéric', 'Sandrine', 'Olivier', 'Céline', 'Stéphane',
  'Aurélie', 'Christophe', 'Émilie', 'Guillaume', 'Virginie', 'Jérôme', 'Audrey', 'Romain', 'Mélanie', 'Antoine',
  'Sarah', 'Maxime', 'Laura', 'Kevin', 'Pauline', 'Alexandre', 'Julie', 'Benoît', 'Anaïs', 'Yasmine',
  'Sylvie', 'Patrick', 'Martine', 'Didier', 'Brigitte', 'Hélène', 'Bruno', 'Agnès', 'Mehdi', 'Océane',
  'Damien', 'Lucie', 'Fabrice', 'Noémie', 'Cédric', 'Jeanne', 'Samir', 'Margaux', 'Rémi', 'Gaëlle',
];

const LAST_NAMES = [
  'Durand', 'Moreau', 'Lefebvre', 'Garnier', 'Faure', 'Benali', 'Gauthier', 'Leroy', 'Vasseur', 'Morel',
  'Roux', 'Fontaine', 'Chevalier', 'Mercier', 'Blanc', 'Guérin', 'Boyer', 'Lambert', 'Perrin', 'Marchand',
  'Martin', 'Bernard', 'Petit', 'Robert', 'Richard', 'Dubois', 'Laurent', 'Simon', 'Michel', 'Bertrand',
  'Rousseau', 'Vincent', 'Muller', 'Fournier', 'Girard', 'André', 'Bonnet', 'François', 'Legrand', 'Henry',
  'Rivière', 'Arnaud', 'Barbier', 'Brun', 'Colin', 'Meunier', 'Aubert', 'Renaud', 'Ferrand', 'Giraud',
  'Mathieu', 'Lemoine', 'Caron', 'Roche', 'Nicolas', 'Picard', 'Gaillard', 'Roussel', 'Haddad', 'Nguyen',
  'Brunet', 'Schmitt', 'Clément', 'Jacquet', 'Masson', 'Baron', 'Hamon', 'Olivier', 'Carpentier', 'Marty',
  'Sanchez', 'Diallo', 'Lopez', 'Leclerc', 'Paris', 'Rey', 'Benoit', 'Dumas', 'Lacroix', 'Charpentier',
];

export interface PersonName {
  firstName: string;
  lastName: string;
  /** GLPI-style "prenom.nom" in lower-case ASCII, with a number when the name is taken. */
  login: string;
}

function asciiLower(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** Draws invented names with logins unique among those this generator returned. */
export function createNameGenerator(random: Random): () => PersonName {
  const usedLogins = new Set<string>(['admin']);
  return () => {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const base = `${asciiLower(firstName)}.${asciiLower(lastName)}`;
    let login = base;
    for (let suffix = 2; usedLogins.has(login); suffix += 1) login = `${base}${suffix}`;
    usedLogins.add(login);
    return { firstName, lastName, login };
  };
}
