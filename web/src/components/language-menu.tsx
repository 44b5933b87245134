import { useId, useState, useSyncExternalStore } from 'react';
import { LANGUAGE_NAMES, LOCALES, isLocale } from '../i18n/locale';
import { browserLocale, onLocaleChange, pickedLocale } from '../i18n/locale-store';
import { useI18n } from '../i18n/use-i18n';
import { useSession } from '../lib/session';

/**
 * The language menu: English, French, or the browser's language. Signed in, the choice is saved on
 * the account (PATCH /me) and follows the person to other devices; signed out, it is kept in this
 * browser. Each language is named in itself, marked with its `lang` for screen readers.
 */
export function LanguageMenu({ className }: { className?: string }) {
  const { t } = useI18n();
  const { me, setLocale } = useSession();
  const picked = useSyncExternalStore(onLocaleChange, pickedLocale);
  const browser = useSyncExternalStore(onLocaleChange, browserLocale);
  const [failed, setFailed] = useState(false);
  const id = useId();
  const value = (me ? me.locale : picked) ?? 'auto';

  const choose = (next: string): void => {
    setFailed(false);
    setLocale(isLocale(next) ? next : null).catch(() => setFailed(true));
  };
  return (
    <div className={`language-menu ${className ?? ''}`}>
      <label htmlFor={id}>{t('language.label')}</label>
      <select id={id} value={value} onChange={(e) => choose(e.target.value)}>
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
        <option value="auto">{t('language.browser', { language: LANGUAGE_NAMES[browser] })}</option>
      </select>
      {failed ? (
        <span role="alert" className="language-failed">
          {t('language.notSaved')}
        </span>
      ) : null}
    </div>
  );
}
