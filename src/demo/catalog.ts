// Invented ticket templates of a hospital IT department, written the way staff type them.
// Nothing here describes real people, patients or places.

export type Level = 'N1' | 'N2' | 'N3';

export interface TicketTemplate {
  /** Title as the requester types it. {service} and {room} come from the requester's service and location, {chamber} is a random room number. */
  title: string;
  /** Complete name of one of the shipped categories (see DEFAULT_CATEGORIES). */
  category: string;
  type: 'incident' | 'request';
  /** Support level where such a ticket is usually solved; N2 and N3 tickets are escalated from N1. */
  level: Level;
  /** Typical urgency and impact (1-5); the generator moves each by one step now and then. */
  urgency: number;
  impact: number;
  /** Typical business hours from opening to solution. */
  hours: number;
  /** Share of interventions done on site rather than by remote control. */
  onSite: number;
  solution: string;
  /** Names of the services whose staff report it; any service when absent. */
  services?: string[];
  /** Relative frequency; 1 when absent. */
  weight?: number;
  /** Work planned ahead (arrivals, moves): the ticket goes through Planifié. */
  planned?: boolean;
}

const CARE = ['Urgences', 'Réanimation', 'Médecine', 'Pédiatrie', 'Maternité'];
const EHPAD = ['Unité de vie Les Oliviers', 'Unité protégée', 'Unité de vie Les Cigales', 'Accueil EHPAD'];
const DESKS = ['Admissions', 'Direction', 'Ressources humaines', 'Accueil EHPAD'];

export const TICKET_TEMPLATES: readonly TicketTemplate[] = [
  { title: 'pb écran radio', category: 'Panne matérielle > Écran', type: 'incident', level: 'N1', urgency: 4, impact: 2, hours: 2, onSite: 0.8, services: ['Radiologie'], solution: "Câble DisplayPort changé, l'écran de diagnostic affiche de nouveau les images." },
  { title: 'Outlook ne démarre plus', category: 'Panne logicielle > Messagerie', type: 'incident', level: 'N1', urgency: 3, impact: 1, hours: 1, onSite: 0.1, weight: 3, solution: 'Profil Outlook recréé et fichier OST reconstruit, la messagerie démarre.' },
  { title: 'accueil stagiaire', category: 'Services de soins > Accueil d’un nouvel arrivant', type: 'request', level: 'N1', urgency: 2, impact: 1, hours: 8, onSite: 0.3, planned: true, weight: 2, solution: 'Compte créé, accès au dossier patient en lecture, identifiants remis au cadre.' },
  { title: 'boîte mail psychologue non fonctionnelle', category: 'Panne logicielle > Messagerie', type: 'incident', level: 'N2', urgency: 3, impact: 1, hours: 4, onSite: 0, solution: 'Boîte aux lettres réactivée sur le serveur de messagerie et quota augmenté.' },
  { title: 'déménagement de postes', category: 'Services de soins > Déménagement de poste', type: 'request', level: 'N1', urgency: 2, impact: 2, hours: 16, onSite: 1, planned: true, weight: 2, solution: 'Postes et téléphones déplacés, prises réseau brassées et testées.' },
  { title: 'Imprimante {room} bloquée', category: 'Panne matérielle > Imprimante', type: 'incident', level: 'N1', urgency: 3, impact: 2, hours: 1.5, onSite: 0.6, weight: 4, solution: "Bourrage retiré et file d'impression purgée." },
  { title: 'plus de toner imprimante {service}', category: 'Panne matérielle > Imprimante', type: 'request', level: 'N1', urgency: 2, impact: 2, hours: 3, onSite: 0.9, weight: 3, solution: 'Toner remplacé, commande passée pour le stock du service.' },
  { title: 'Poste de soins ne démarre plus', category: 'Panne matérielle > Ordinateur', type: 'incident', level: 'N1', urgency: 4, impact: 2, hours: 2, onSite: 0.8, services: [...CARE, ...EHPAD], weight: 2, solution: "Alimentation remplacée, le poste démarre et la session s'ouvre." },
  { title: 'mot de passe expiré', category: 'Problème système > Session / mot de passe', type: 'incident', level: 'N1', urgency: 3, impact: 1, hours: 0.3, onSite: 0, weight: 5, solution: 'Mot de passe réinitialisé, changement imposé à la prochaine connexion.' },
  { title: 'compte bloqué', category: 'Problème système > Session / mot de passe', type: 'incident', level: 'N1', urgency: 3, impact: 1, hours: 0.3, onSite: 0, weight: 4, solution: "Compte déverrouillé dans l'annuaire après vérification de l'identité." },
  { title: 'Lecteur carte Vitale HS', category: 'Panne matérielle > Périphérique', type: 'incident', level: 'N1', urgency: 3, impact: 2, hours: 2, onSite: 0.7, services: ['Admissions', 'Urgences'], solution: 'Pilote du lecteur réinstallé, lecture de carte testée avec le service.' },
  { title: 'douchette code-barres ne bipe plus', category: 'Panne matérielle > Périphérique', type: 'incident', level: 'N1', urgency: 3, impact: 2, hours: 1.5, onSite: 0.8, services: ['Pharmacie', 'Laboratoire', 'Urgences', 'Stérilisation'], solution: 'Douchette reconfigurée avec la fiche de paramétrage, lecture validée.' },
  { title: 'accès DPI impossible', category: 'Panne logicielle > Application métier', type: 'incident', level: 'N2', urgency: 4, impact: 3, hours: 2, onSite: 0.1, services: CARE, weight: 2, solution: "Habilitation recréée dans le dossier patient informatisé, l'accès fonctionne." },
  { title: 'session Windows très lente', category: 'Problème système > Profil corrompu', type: 'incident', level: 'N1', urgency: 2, impact: 1, hours: 2, onSite: 0.2, weight: 2, solution: 'Profil itinérant nettoyé et reconstruit.' },
  { title: 'demande de droits sur le partage {service}', category: 'Problème système > Droits et partages', type: 'request', level: 'N2', urgency: 2, impact: 1, hours: 4, onSite: 0, weight: 2, solution: 'Agent ajouté au groupe de sécurité du dossier partagé.' },
  { title: 'téléphone DECT muet', category: 'Panne matérielle > Téléphonie', type: 'incident', level: 'N1', urgency: 3, impact: 1, hours: 2, onSite: 0.8, services: [...CARE, ...EHPAD], weight: 2, solution: 'Combiné réassocié à la base DECT, batterie changée.' },
  { title: 'Wi-Fi instable en chambre {chamber}', category: 'Problème système > Réseau', type: 'incident', level: 'N2', urgency: 3, impact: 2, hours: 8, onSite: 0.7, services: [...CARE, ...EHPAD], solution: 'Borne Wi-Fi du couloir redémarrée et canal changé.' },
  { title: 'plus de réseau au bureau infirmier', category: 'Problème système > Réseau', type: 'incident', level: 'N2', urgency: 4, impact: 3, hours: 3, onSite: 0.9, services: CARE, solution: 'Port du commutateur réactivé, câble de brassage remplacé.' },
  { title: 'écran tactile chariot de soins ne répond plus', category: 'Panne matérielle > Écran', type: 'incident', level: 'N1', urgency: 4, impact: 2, hours: 2, onSite: 0.9, services: CARE, solution: 'Écran tactile recalibré, pilote mis à jour.' },
  { title: 'logiciel de prescription planté', category: 'Panne logicielle > Application métier', type: 'incident', level: 'N3', urgency: 5, impact: 3, hours: 4, onSite: 0, services: CARE, solution: "Service applicatif redémarré avec l'éditeur, correctif demandé." },
  { title: 'PACS très lent pour ouvrir les images', category: 'Panne logicielle > Application métier', type: 'incident', level: 'N3', urgency: 4, impact: 3, hours: 8, onSite: 0, services: ['Radiologie', 'Urgences'], solution: "Cache du serveur d'images purgé, index reconstruit la nuit." },
  { title: "étiquettes labo s'impriment décalées", category: 'Panne matérielle > Imprimante', type: 'incident', level: 'N2', urgency: 4, impact: 2, hours: 3, onSite: 0.6, services: ['Laboratoire'], solution: "Format d'étiquette corrigé dans le pilote de l'imprimante thermique." },
  { title: 'installation logiciel de dictée', category: 'Panne logicielle > Installation de logiciel', type: 'request', level: 'N2', urgency: 2, impact: 1, hours: 8, onSite: 0.3, services: ['Radiologie', 'Médecine', 'Direction'], solution: 'Logiciel de dictée installé et pédale configurée.' },
  { title: 'installer Adobe Reader svp', category: 'Panne logicielle > Installation de logiciel', type: 'request', level: 'N1', urgency: 1, impact: 1, hours: 4, onSite: 0, solution: 'Lecteur PDF déployé par télédistribution.' },
  { title: 'Excel se ferme tout seul', category: 'Panne logicielle > Bureautique', type: 'incident', level: 'N1', urgency: 2, impact: 1, hours: 2, onSite: 0, weight: 2, solution: 'Complément défectueux désactivé, suite bureautique réparée.' },
  { title: 'fichier Word corrompu', category: 'Panne logicielle > Bureautique', type: 'incident', level: 'N1', urgency: 2, impact: 1, hours: 2, onSite: 0, solution: 'Version précédente du fichier restaurée depuis les clichés du serveur.' },
  { title: 'logiciel de planning RH bloqué après mise à jour', category: 'Panne logicielle > Application métier', type: 'incident', level: 'N3', urgency: 3, impact: 3, hours: 12, onSite: 0, services: ['Ressources humaines'], solution: "Montée de version terminée avec l'éditeur, droits de la base corrigés." },
  { title: 'paramétrage nouveau lit en réa', category: 'Services de soins > Demande de paramétrage', type: 'request', level: 'N2', urgency: 3, impact: 2, hours: 6, onSite: 0.4, services: ['Réanimation'], solution: 'Lit créé dans le dossier de soins et rattaché au moniteur.' },
  { title: 'création compte nouvel interne', category: 'Services de soins > Accueil d’un nouvel arrivant', type: 'request', level: 'N1', urgency: 3, impact: 1, hours: 4, onSite: 0, services: CARE, weight: 2, solution: 'Compte, messagerie et profil prescripteur créés.' },
  { title: 'départ agent : fermeture des accès', category: 'Problème système > Droits et partages', type: 'request', level: 'N1', urgency: 2, impact: 1, hours: 6, onSite: 0, solution: 'Compte désactivé, boîte aux lettres archivée, badge signalé.' },
  { title: 'souris sans fil HS', category: 'Panne matérielle > Périphérique', type: 'incident', level: 'N1', urgency: 2, impact: 1, hours: 1, onSite: 1, weight: 2, solution: 'Souris remplacée.' },
  { title: 'clavier renversé (café)', category: 'Panne matérielle > Périphérique', type: 'incident', level: 'N1', urgency: 2, impact: 1, hours: 1, onSite: 1, solution: 'Clavier remplacé, ancien clavier mis au rebut.' },
  { title: 'scanner secrétariat ne numérise plus vers le dossier', category: 'Panne matérielle > Périphérique', type: 'incident', level: 'N2', urgency: 3, impact: 2, hours: 4, onSite: 0.3, services: ['Admissions', 'Direction', 'Médecine'], solution: 'Compte de service du copieur renouvelé, numérisation vers dossier rétablie.' },
  { title: "messagerie sécurisée de santé n'envoie plus", category: 'Panne logicielle > Messagerie', type: 'incident', level: 'N2', urgency: 3, impact: 2, hours: 4, onSite: 0, solution: 'Certificat de la boîte organisationnelle renouvelé.' },
  { title: 'pas de son en visio', category: 'Panne logicielle > Bureautique', type: 'incident', level: 'N1', urgency: 3, impact: 1, hours: 1, onSite: 0.3, solution: 'Périphérique audio par défaut corrigé, casque testé.' },
  { title: 'erreur au lancement du logiciel de bloc', category: 'Panne logicielle > Application métier', type: 'incident', level: 'N3', urgency: 5, impact: 3, hours: 3, onSite: 0.2, services: ['Bloc opératoire'], solution: 'Client lourd réinstallé, base locale resynchronisée.' },
  { title: 'moniteur de surveillance ne remonte plus au poste central', category: 'Panne matérielle > Matériel biomédical connecté', type: 'incident', level: 'N3', urgency: 5, impact: 3, hours: 3, onSite: 0.8, services: ['Réanimation', 'Urgences'], solution: "Passerelle biomédicale redémarrée avec l'ingénieur biomédical, flux vérifié." },
  { title: 'pousse-seringue connecté hors réseau', category: 'Panne matérielle > Matériel biomédical connecté', type: 'incident', level: 'N2', urgency: 4, impact: 2, hours: 4, onSite: 0.8, services: ['Réanimation', 'Pédiatrie'], solution: 'Appareil réinscrit sur le réseau Wi-Fi biomédical.' },
  { title: 'automate labo ne transmet plus les résultats', category: 'Panne logicielle > Application métier', type: 'incident', level: 'N3', urgency: 5, impact: 4, hours: 2, onSite: 0.3, services: ['Laboratoire'], solution: "Connecteur entre l'automate et le logiciel de laboratoire relancé, résultats retransmis." },
  { title: "armoire à pharmacie ne s'ouvre plus avec le badge", category: 'Panne matérielle > Périphérique', type: 'incident', level: 'N2', urgency: 4, impact: 3, hours: 2, onSite: 0.9, services: ['Pharmacie', 'Urgences'], solution: "Lecteur de badge de l'armoire réinitialisé, synchronisation des habilitations relancée." },
  { title: 'traçabilité stérilisation : étiquettes illisibles', category: 'Panne logicielle > Application métier', type: 'incident', level: 'N2', urgency: 4, impact: 2, hours: 4, onSite: 0.5, services: ['Stérilisation'], solution: 'Modèle d’étiquette corrigé dans le logiciel de traçabilité.' },
  { title: 'téléphone fixe qui grésille', category: 'Panne matérielle > Téléphonie', type: 'incident', level: 'N1', urgency: 1, impact: 1, hours: 6, onSite: 1, solution: 'Cordon du combiné changé.' },
  { title: "renvoi d'appel à programmer", category: 'Panne matérielle > Téléphonie', type: 'request', level: 'N1', urgency: 2, impact: 1, hours: 2, onSite: 0, solution: "Renvoi programmé sur l'autocommutateur." },
  { title: 'imprimante bracelets patients ne sort plus rien', category: 'Panne matérielle > Imprimante', type: 'incident', level: 'N1', urgency: 4, impact: 3, hours: 1, onSite: 0.9, services: ['Admissions', 'Urgences', 'Maternité'], solution: 'Tête d’impression nettoyée, rouleau de bracelets remis en place.' },
  { title: 'lecteur de glycémie ne synchronise plus', category: 'Panne matérielle > Matériel biomédical connecté', type: 'incident', level: 'N2', urgency: 3, impact: 2, hours: 6, onSite: 0.5, services: ['Médecine', 'Pédiatrie'], solution: 'Station d’accueil reconfigurée, résultats remontés dans le dossier.' },
  { title: "poste de l'accueil très lent", category: 'Panne matérielle > Ordinateur', type: 'incident', level: 'N1', urgency: 2, impact: 1, hours: 3, onSite: 0.5, services: ['Accueil EHPAD', 'Admissions'], solution: 'Disque remplacé par un SSD, poste remasterisé.' },
  { title: 'tablette de soins ne se connecte plus', category: 'Problème système > Réseau', type: 'incident', level: 'N2', urgency: 3, impact: 2, hours: 4, onSite: 0.5, services: EHPAD, solution: 'Certificat Wi-Fi de la tablette renouvelé.' },
  { title: 'logiciel de soins : transmissions non enregistrées', category: 'Panne logicielle > Application métier', type: 'incident', level: 'N3', urgency: 4, impact: 3, hours: 6, onSite: 0, services: EHPAD, solution: "Anomalie corrigée par l'éditeur, transmissions de la veille ressaisies par le service." },
  { title: "service d'impression arrêté sur le serveur", category: 'Problème système > Service arrêté', type: 'incident', level: 'N2', urgency: 4, impact: 4, hours: 1, onSite: 0, solution: "Spouleur redémarré, pilote défectueux retiré du serveur d'impression." },
  { title: 'lecteur réseau P: disparu', category: 'Problème système > Stratégie de groupe (GPO)', type: 'incident', level: 'N2', urgency: 3, impact: 2, hours: 3, onSite: 0, weight: 2, solution: 'Filtrage de la stratégie de groupe corrigé, lecteur remappé.' },
  { title: "fond d'écran et raccourcis disparus", category: 'Problème système > Profil corrompu', type: 'incident', level: 'N1', urgency: 2, impact: 1, hours: 2, onSite: 0, solution: 'Profil temporaire supprimé, profil habituel rechargé.' },
  { title: "besoin d'un second écran", category: 'Panne matérielle > Écran', type: 'request', level: 'N1', urgency: 1, impact: 1, hours: 20, onSite: 1, services: DESKS, solution: 'Second écran installé et configuré en bureau étendu.' },
  { title: 'PC portable pour astreinte', category: 'Panne matérielle > Ordinateur', type: 'request', level: 'N1', urgency: 2, impact: 1, hours: 16, onSite: 0.5, planned: true, solution: 'Portable préparé avec accès à distance, remis contre signature.' },
  { title: 'accès VPN pour télétravail', category: 'Problème système > Droits et partages', type: 'request', level: 'N2', urgency: 2, impact: 1, hours: 8, onSite: 0, services: DESKS, solution: 'Accès VPN ouvert après validation du responsable, guide envoyé.' },
  { title: 'carte CPS non reconnue', category: 'Problème système > Session / mot de passe', type: 'incident', level: 'N1', urgency: 3, impact: 1, hours: 1, onSite: 0.5, services: CARE, weight: 2, solution: 'Middleware de la carte réinstallé, lecteur changé.' },
  { title: 'mises à jour Windows en boucle', category: 'Panne matérielle > Ordinateur', type: 'incident', level: 'N1', urgency: 3, impact: 1, hours: 3, onSite: 0.4, solution: 'Mise à jour bloquée retirée, poste redémarré proprement.' },
  { title: 'borne accueil écran tactile figé', category: 'Panne matérielle > Écran', type: 'incident', level: 'N1', urgency: 3, impact: 2, hours: 2, onSite: 0.9, services: ['Admissions'], solution: 'Borne redémarrée, mise en veille désactivée.' },
  { title: "impossible d'imprimer les ordonnances", category: 'Panne matérielle > Imprimante', type: 'incident', level: 'N1', urgency: 4, impact: 2, hours: 1, onSite: 0.4, services: ['Urgences', 'Médecine', 'Pédiatrie'], weight: 2, solution: 'Imprimante par défaut rétablie dans le profil du poste.' },
  { title: 'dictaphone numérique non reconnu', category: 'Panne matérielle > Périphérique', type: 'incident', level: 'N1', urgency: 2, impact: 1, hours: 2, onSite: 0.5, services: ['Radiologie', 'Médecine', 'Direction'], solution: 'Pilote USB du dictaphone réinstallé.' },
  { title: 'mail suspect reçu, lien cliqué', category: 'Panne logicielle > Messagerie', type: 'incident', level: 'N3', urgency: 4, impact: 3, hours: 3, onSite: 0.2, solution: 'Mot de passe changé, poste analysé, message supprimé de toutes les boîtes.' },
  { title: "compte rendu ne s'édite pas", category: 'Panne logicielle > Bug logiciel', type: 'incident', level: 'N3', urgency: 3, impact: 2, hours: 10, onSite: 0, services: ['Radiologie', 'Médecine'], solution: "Modèle de document corrigé, anomalie remontée à l'éditeur." },
  { title: 'affichage planning de bloc décalé', category: 'Panne logicielle > Bug logiciel', type: 'incident', level: 'N3', urgency: 4, impact: 3, hours: 6, onSite: 0, services: ['Bloc opératoire'], solution: 'Fuseau horaire du serveur applicatif corrigé.' },
  { title: 'ordinateur {service} fait un bruit anormal', category: 'Panne matérielle > Ordinateur', type: 'incident', level: 'N1', urgency: 2, impact: 1, hours: 6, onSite: 1, solution: 'Ventilateur du processeur remplacé.' },
  { title: 'installer imprimante bureau du cadre', category: 'Panne logicielle > Installation de logiciel', type: 'request', level: 'N1', urgency: 2, impact: 1, hours: 3, onSite: 0.3, solution: 'Imprimante ajoutée au profil du poste.' },
];

/** Reasons given when a ticket moves to the next support level, by target level. */
export const ESCALATION_REASONS: Readonly<Record<'N2' | 'N3', readonly string[]>> = {
  N2: [
    "Droits d'administration nécessaires sur le serveur.",
    'Problème réseau au-delà du poste, à voir par l’équipe systèmes.',
    "Intervention sur l'annuaire nécessaire.",
    'Résolution impossible à distance au niveau 1, besoin d’un accès serveur.',
    'Plusieurs postes touchés, suspicion de panne côté infrastructure.',
  ],
  N3: [
    "Anomalie applicative, à traiter avec l'éditeur.",
    'Paramétrage métier à revoir par le référent applicatif.',
    'Incident de sécurité possible, analyse par l’expert.',
    'Interface entre deux logiciels en erreur.',
  ],
};

export const WAITING_REASONS: readonly string[] = [
  "En attente du retour de l'utilisateur (absent aujourd'hui).",
  'En attente de la pièce de rechange commandée.',
  "En attente de l'intervention de l'éditeur.",
  'En attente de la validation du cadre de santé.',
  'Poste utilisé en continu, intervention à caler avec le service.',
];

export const REFUSAL_COMMENTS: readonly string[] = [
  'Toujours le même problème ce matin.',
  'Ça remarche sur un poste mais pas sur celui de la salle de soins.',
  'Le problème est revenu après le redémarrage.',
  "Non, l'impression sort toujours vide.",
  "Je n'ai toujours pas accès, merci de revoir.",
];

export const TECHNICIAN_FOLLOWUPS: readonly string[] = [
  'Bonjour, je prends votre demande en charge.',
  'Je passe dans le service dans la matinée.',
  'Pouvez-vous me confirmer le numéro du poste (étiquette sur l’unité centrale) ?',
  'Prise en main à distance effectuée, merci de tester de votre côté.',
  'Je vous rappelle au poste du service.',
];

export const PRIVATE_NOTES: readonly string[] = [
  'Vu avec le collègue du niveau 2, à surveiller.',
  'Même souci la semaine dernière sur un autre poste du service.',
  "Garantie encore valable, voir avec le fournisseur si ça recommence.",
  "L'utilisatrice a déjà eu ce souci deux fois ce mois-ci.",
  'Mot de passe local administrateur changé après intervention.',
];

export const REQUESTER_ANSWERS: readonly string[] = [
  'Oui, le poste est libre cet après-midi.',
  'Voici le numéro du poste demandé.',
  'Le cadre a validé la demande.',
  'Je suis de retour, vous pouvez intervenir.',
];

export const SATISFACTION_COMMENTS: Readonly<Record<number, readonly string[]>> = {
  1: ['Trois jours sans imprimante dans le service.', 'Personne ne nous a rappelés.'],
  2: ['Réglé mais après plusieurs relances.', 'Délai trop long pour un poste de soins.'],
  3: ['Correct.', 'Résolu, mais il a fallu insister.'],
  4: ['Merci pour la rapidité.', 'Bonne intervention.'],
  5: ['Très réactif, merci !', 'Technicien très pédagogue, merci.', 'Parfait, merci beaucoup.'],
};
