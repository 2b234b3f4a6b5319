import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import en from './en.json';
import fr from './fr.json';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'guichet.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'fr' || value === 'en';
}

/** The language chosen on this browser, if any. */
export function storedLanguage(): Language | undefined {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Switches the interface and the API answers to the language, and remembers it on this browser when asked. */
export async function changeLanguage(language: Language, remember: boolean): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Private browsing may refuse storage; the choice then lasts until the page closes.
    }
  }
  setApiLanguage(language);
  document.documentElement.lang = language;
  await i18n.changeLanguage(language);
}

const initial = storedLanguage() ?? 'fr';
setApiLanguage(initial);

// French first: a key missing from the English catalog falls back to French.
void i18n.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: initial,
  fallbackLng: 'fr',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18n;
