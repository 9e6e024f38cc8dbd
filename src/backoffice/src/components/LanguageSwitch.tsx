import { applyLanguage, languages, useTranslation } from '../i18n'

/** English or Arabic; Arabic turns the page right-to-left. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation('common')
  return (
    <label className="bo-language">
      <span className="bo-language-label">{t('language.label')}</span>
      <select
        className="field-input bo-language-select"
        value={i18n.language}
        onChange={(event) => {
          const picked = languages.find((language) => language === event.target.value)
          if (picked) applyLanguage(picked)
        }}
      >
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  )
}
