// The category tree a fresh installation ships, editable afterwards. The top level is the nature of the
// fault, as hospital IT departments sort them: hardware, software, system.
export const DEFAULT_CATEGORIES: { name: string; children: string[] }[] = [
  {
    name: 'Panne matérielle',
    children: ['Ordinateur', 'Écran', 'Imprimante', 'Périphérique', 'Téléphonie', 'Matériel biomédical connecté'],
  },
  {
    name: 'Panne logicielle',
    children: ['Messagerie', 'Application métier', 'Bureautique', 'Bug logiciel', 'Installation de logiciel'],
  },
  {
    name: 'Problème système',
    children: ['Session / mot de passe', 'Droits et partages', 'Réseau', 'Profil corrompu', 'Service arrêté', 'Stratégie de groupe (GPO)'],
  },
  {
    name: 'Services de soins',
    children: ['Demande de paramétrage', 'Accueil d’un nouvel arrivant', 'Déménagement de poste'],
  },
];
