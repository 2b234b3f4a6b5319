import { useTranslation } from 'react-i18next';
import { changeLanguage, isLanguage, LANGUAGES } from '../i18n';
import { Field } from './Field';

/** Language of the interface; the choice is kept on this browser. */
export function LanguageSelect({ remember }: { remember: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-select">
      <Field label={t('language.label')}>
        {(control) => (
          <select
            {...control}
            value={i18n.language}
            onChange={(event) => {
              if (isLanguage(event.target.value)) void changeLanguage(event.target.value, remember);
            }}
          >
            {LANGUAGES.map((language) => (
              <option key={language} value={language} lang={language}>
                {t(`language.${language}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
